package dev.hearth.auth;

/** SQL for the admin token's stored hash ({@code instance_secrets}). */
final class AdminTokenSql {
  private AdminTokenSql() {
  }

  /** Stores a generated token's hash unless one is there already (another node, an earlier start). */
  static final String INSERT_IF_NONE =
      "insert into instance_secrets (name, hash) values ($1, $2) on conflict (name) do nothing returning name";

  static final String FIND = "select hash from instance_secrets where name = $1";
}
