package dev.hearth.site;

/** SQL for sites and their origins. */
final class SiteSql {
  private SiteSql() {
  }

  static final String INSERT_SITE =
      "insert into sites (id, name, settings) values ($1, $2, $3)";
  static final String INSERT_ORIGINS =
      "insert into site_origins (site_id, origin) select $1, unnest($2::text[])";
  static final String DELETE_ORIGINS =
      "delete from site_origins where site_id = $1";
  static final String FIND =
      "select s.id, s.name, s.settings, "
          + "coalesce(array(select o.origin from site_origins o where o.site_id = s.id order by o.origin), '{}') as origins "
          + "from sites s where s.id = $1";
  static final String UPDATE =
      "update sites set name = $2, settings = $3 where id = $1";

  static final String ANY_ALLOWS_ORIGIN = "select 1 from site_origins where origin = $1 limit 1";

  static final String ORIGIN_ON_SITE =
      "select exists (select 1 from site_origins o where o.site_id = s.id and o.origin = $2) as allowed "
          + "from sites s where s.id = $1";

  static final String ANY_SITE = "select exists (select 1 from sites) as any";
}
