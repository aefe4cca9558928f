package dev.hearth.comment;

/**
 * Which badge a comment's author carries on a page: "Author" for the page's own author.
 * Staff roles add theirs here once sites have roles.
 */
public record Badges(Long pageAuthorId) {
  public static final Badges NONE = new Badges(null);

  public String of(long authorId) {
    return pageAuthorId != null && pageAuthorId == authorId ? "Author" : null;
  }
}
