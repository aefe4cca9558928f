package dev.hearth.rules;

/** SQL of the rules package, beside the classes that run it. */
final class RulesSql {
  private RulesSql() {
  }

  static final String AUTHOR =
      "select u.premoderated, "
          + "(select count(*) from comments c where c.author_id = u.id and c.status = 'visible') as visible_comments, "
          + "(select count(*) filter (where status = 'rejected') from (select status from comments "
          + "where author_id = u.id order by id desc limit 10) recent) as rejected_recent, "
          + "(select count(*) from (select 1 from comments where author_id = u.id order by id desc limit 10) r) "
          + "as total_recent from users u where u.id = $1";
}
