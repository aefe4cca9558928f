package dev.hearth.comment;

import dev.hearth.web.ApiError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where the next page of threads starts: the last top-level comment shown and the value it
 * was ordered by. Opaque to clients (base64url); a cursor is only valid for the sort it came from.
 */
public record ThreadCursor(ThreadSort sort, int rankValue, long id) {

  public String encode() {
    String raw = sort.wireName() + ":" + rankValue + ":" + id;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  public static ThreadCursor decode(String encoded, ThreadSort expected) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
      String[] parts = raw.split(":");
      if (parts.length == 3 && ThreadSort.parse(parts[0]) == expected) {
        long id = Long.parseLong(parts[2]);
        int rank = Integer.parseInt(parts[1]);
        if (id > 0) {
          return new ThreadCursor(expected, rank, id);
        }
      }
    } catch (RuntimeException e) {
      // answered below
    }
    throw ApiError.badRequest("invalid_cursor", "The cursor is not valid for this listing; start again without it");
  }
}
