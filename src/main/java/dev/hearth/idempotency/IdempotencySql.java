package dev.hearth.idempotency;

/** SQL of the idempotency package, beside the classes that run it. */
final class IdempotencySql {
  private IdempotencySql() {
  }

  static final String CLAIM =
      "insert into idempotency_keys (scope, key, request_hash) values ($1, $2, $3) "
          + "on conflict (scope, key) do nothing returning key";

  static final String FIND =
      "select request_hash, status, response from idempotency_keys where scope = $1 and key = $2";

  static final String COMPLETE =
      "update idempotency_keys set status = $3, response = $4 where scope = $1 and key = $2";
}
