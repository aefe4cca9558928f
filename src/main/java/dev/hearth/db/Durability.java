package dev.hearth.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether the database keeps what it acknowledges. Hearth answers a write only after its
 * commit, so a server that acknowledges commits before they reach the disk ({@code fsync} or
 * {@code full_page_writes} off, {@code synchronous_commit} off) can lose comments that readers
 * were told are saved. Read once at start, over JDBC like the migrations.
 */
public final class Durability {
  private Durability() {
  }

  /** What in the server's settings can lose acknowledged commits; empty when nothing does. */
  public static List<String> problems(DatabaseTarget target) {
    try (Connection connection = DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password());
         Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery(DurabilitySql.SETTINGS)) {
      List<String> problems = new ArrayList<>();
      rows.next();
      if (!"on".equals(rows.getString("fsync"))) {
        problems.add("fsync is " + rows.getString("fsync") + ": a crash of the machine can lose or corrupt committed data");
      }
      if ("off".equals(rows.getString("synchronous_commit"))) {
        problems.add("synchronous_commit is off: a crash loses the last acknowledged commits");
      }
      if (!"on".equals(rows.getString("full_page_writes"))) {
        problems.add("full_page_writes is " + rows.getString("full_page_writes")
            + ": a crash of the machine can leave torn pages");
      }
      return problems;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the database's durability settings: " + e.getMessage(), e);
    }
  }
}
