package dev.hearth.account;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

/**
 * Argon2id password hashes (PHC strings such as {@code $argon2id$v=19$m=19456,t=2,p=1$...}).
 * Hashing is deliberately slow and memory-hungry, so it runs on a worker pool of its own,
 * never on an event loop, and at most one hash per core at a time: a burst of sign-ins waits
 * its turn instead of starving other blocking work or exhausting memory.
 */
final class PasswordHashing {
  /** OWASP's minimum for Argon2id: 19 MiB, 2 passes, 1 lane. */
  private static final Argon2Function ARGON2 = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);

  private final WorkerExecutor workers;
  /** A real hash of a random password: verified against for unknown users, so they take as long. */
  private final String decoy;

  PasswordHashing(Vertx vertx) {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    this.workers = vertx.createSharedWorkerExecutor("hearth-password-hashing", threads);
    this.decoy = Password.hash(java.util.UUID.randomUUID().toString()).addRandomSalt(16).with(ARGON2).getResult();
  }

  Future<String> hash(String password) {
    return workers.executeBlocking(() -> Password.hash(password).addRandomSalt(16).with(ARGON2).getResult(), false);
  }

  /** Whether the password matches; with no stored hash it checks the decoy and answers false. */
  Future<Boolean> verify(String password, String storedHash) {
    String against = storedHash == null ? decoy : storedHash;
    return workers.<Boolean>executeBlocking(() ->
            Password.check(password, against).with(Argon2Function.getInstanceFromHash(against)), false)
        .map(matches -> matches && storedHash != null);
  }
}
