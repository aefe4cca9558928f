package dev.hearth.idempotency;

import dev.hearth.web.ApiError;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.Arrays;
import java.util.Optional;

/**
 * Idempotency-Key support. The key row is inserted first in the writing transaction: a
 * concurrent retry blocks on it until the first attempt commits, then finds the stored
 * response; if the first attempt rolled back, the retry simply proceeds.
 */
public final class IdempotencyKeys {
  public static final int MAX_KEY_LENGTH = 200;

  /** A response stored for a key. */
  public record StoredResponse(int status, JsonObject body) {
  }

  public static String checkedKey(String key) {
    if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw ApiError.badRequest("invalid_idempotency_key",
          "Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters");
    }
    return key;
  }

  /**
   * Claims the key for this request. Empty: go ahead and {@link #complete} it. Present: the
   * response of the first request with this key, to be returned as is.
   */
  public Future<Optional<StoredResponse>> claim(SqlClient tx, String scope, String key, byte[] requestHash) {
    return tx.preparedQuery(IdempotencySql.CLAIM).execute(Tuple.of(scope, key, Buffer.buffer(requestHash))).compose(claimed -> {
      if (claimed.size() == 1) {
        return Future.succeededFuture(Optional.empty());
      }
      return tx.preparedQuery(IdempotencySql.FIND).execute(Tuple.of(scope, key)).map(rows -> {
        Row row = rows.iterator().next();
        if (!Arrays.equals(row.getBuffer("request_hash").getBytes(), requestHash)) {
          throw ApiError.unprocessable("idempotency_key_reused",
              "This Idempotency-Key was already used for a different request");
        }
        return Optional.of(new StoredResponse(row.getInteger("status"), row.getJsonObject("response")));
      });
    });
  }

  public Future<Void> complete(SqlClient tx, String scope, String key, int status, JsonObject response) {
    return tx.preparedQuery(IdempotencySql.COMPLETE).execute(Tuple.of(scope, key, status, response)).mapEmpty();
  }
}
