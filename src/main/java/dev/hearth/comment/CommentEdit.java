package dev.hearth.comment;

import dev.hearth.web.JsonFields;

/** An author's new text for their comment: {body}, normalized as a posted comment's is. */
public record CommentEdit(String body) {

  static CommentEdit from(JsonFields json) {
    json.allowOnly("body");
    return new CommentEdit(NewComment.body(json));
  }
}
