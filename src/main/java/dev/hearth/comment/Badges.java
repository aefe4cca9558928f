package dev.hearth.comment;

import java.util.Map;

/**
 * Which badge a comment's author carries on a page: the site role of staff ("Owner",
 * "Moderator"), else "Author" for the page's own author, else the badge the site gave the
 * writer through SSO (kept on the comment as it was when written).
 */
public record Badges(Long pageAuthorId, Map<Long, String> staff) {
  public static final Badges NONE = new Badges(null, Map.of());

  public String of(long authorId, String ssoBadge) {
    String role = staff.get(authorId);
    if (role != null) {
      return role;
    }
    return pageAuthorId != null && pageAuthorId == authorId ? "Author" : ssoBadge;
  }
}
