package dev.hearth.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.support.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hearth's own PostgreSQL keeps every acknowledged commit, and a server that would not is named. */
class DurabilityTest {
  @Test
  void theEmbeddedDatabaseSyncsEveryCommit() throws Exception {
    Path dataDir = Files.createTempDirectory("hearth-durability");
    try (EmbeddedDatabase embedded = EmbeddedDatabase.start(dataDir,
        ProcessBuilder.Redirect.appendTo(dataDir.resolve("postgres.log").toFile()))) {
      assertEquals(List.of(), Durability.problems(embedded.target()));
    }
  }

  @Test
  void aServerThatAcknowledgesBeforeTheDiskIsNamed() {
    DatabaseTarget database = TestPostgres.freshDatabase();
    assertEquals(List.of(), Durability.problems(database), "the test server is durable");
    TestPostgres.execute(database, "alter database " + database.database() + " set synchronous_commit = off");
    List<String> problems = Durability.problems(database);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("synchronous_commit is off"), problems.get(0));
  }
}
