package dev.hearth.comment;

import dev.hearth.web.JsonFields;

/** {site, body}: a draft to show as it would be posted on that site. */
public record PreviewRequest(String siteId, String body) {

  static PreviewRequest from(JsonFields json) {
    json.allowOnly("site", "body");
    return new PreviewRequest(json.requiredString("site", false), NewComment.body(json));
  }
}
