package dev.hearth.vote;

import dev.hearth.web.ApiError;
import dev.hearth.web.JsonFields;

/** {value: 1 | -1 | 0}: a vote up, a vote down, or taking one's vote back. */
public record VoteRequest(int value) {

  static VoteRequest from(JsonFields body) {
    body.allowOnly("value");
    long value = body.optionalLong("value").orElseThrow(() -> body.missing("value"));
    if (value < -1 || value > 1) {
      throw ApiError.invalidField("value", "must be 1 (up), -1 (down) or 0 (withdraw)");
    }
    return new VoteRequest((int) value);
  }
}
