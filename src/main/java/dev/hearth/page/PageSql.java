package dev.hearth.page;

/** SQL for pages. */
final class PageSql {
  private PageSql() {
  }

  static final String COLUMNS =
      "id, site_id, key, url, title, closed, comment_count, author_user_id, first_comment_at, version, premoderated";

  /**
   * Creates the page on its first comment. The url and title are kept from the first writer:
   * later commenters cannot rename a page. The update also locks the page row until the
   * transaction ends, which serializes writes per page (event ids then commit in order).
   */
  static final String UPSERT_LOCKED =
      "insert into pages (site_id, key, url, title) values ($1, $2, $3, $4) "
          + "on conflict (site_id, key) do update set url = coalesce(pages.url, excluded.url), "
          + "title = coalesce(pages.title, excluded.title) returning " + COLUMNS;

  static final String FIND =
      "select " + COLUMNS + " from pages where site_id = $1 and key = $2";

  static final String FIND_BY_ID =
      "select " + COLUMNS + " from pages where id = $1";

  static final String FIND_BY_ID_LOCKED =
      "select " + COLUMNS + " from pages where id = $1 for update";

  static final String SET_CLOSED =
      "update pages set closed = $2, version = version + 1 where id = $1";

  static final String SET_PREMODERATED =
      "update pages set premoderated = $2, version = version + 1 where id = $1";

  static final String SET_AUTHOR =
      "update pages set author_user_id = $2, version = version + 1 where id = $1";

  static final String RECORD_CHANGE =
      "update pages set comment_count = comment_count + $2, version = version + 1, "
          + "first_comment_at = coalesce(first_comment_at, now()) where id = $1";

  static final String COUNTS =
      "select key, comment_count from pages where site_id = $1 and key = any($2::text[])";

  static final String USER_ON_SITE = "select 1 from users where id = $1 and site_id = $2";
}
