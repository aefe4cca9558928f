package dev.hearth.db;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.support.TestPostgres;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Prepares every SQL statement of every {@code *Sql} class against the migrated schema, so a
 * typo or a column the migrations do not have fails here rather than on a user's request.
 */
class SqlStatementsTest {
  static final String[] SQL_CLASSES = {
      "dev.hearth.site.SiteSql", "dev.hearth.page.PageSql", "dev.hearth.comment.CommentSql",
      "dev.hearth.idempotency.IdempotencyKeys", "dev.hearth.event.EventLog", "dev.hearth.audit.AuditLog",
      "dev.hearth.moderation.ModerationSql", "dev.hearth.live.EventSql", "dev.hearth.role.RoleRepository",
      "dev.hearth.auth.AdminSessionSql", "dev.hearth.vote.VoteSql", "dev.hearth.flood.FloodSql",
      "dev.hearth.auth.TokenSql", "dev.hearth.account.AccountSql",
  };

  @Test
  void everyStatementPrepares() throws Exception {
    DatabaseTarget db = TestPostgres.freshDatabase();
    List<String> checked = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
      for (String className : SQL_CLASSES) {
        for (Field field : Class.forName(className).getDeclaredFields()) {
          if (field.getType() != String.class || !Modifier.isStatic(field.getModifiers())) {
            continue;
          }
          field.setAccessible(true);
          String sql = (String) field.get(null);
          if (!sql.trim().matches("(?is)^(select|insert|update|delete|with)\\b.*")) {
            continue; // a fragment such as a column list
          }
          // PREPARE makes the server parse, resolve and type the statement with its $n parameters.
          try (Statement statement = connection.createStatement()) {
            statement.execute("prepare checked_" + checked.size() + " as " + sql);
          } catch (Exception e) {
            throw new AssertionError(className + "." + field.getName() + " does not prepare: " + e.getMessage(), e);
          }
          checked.add(className + "." + field.getName());
        }
      }
    }
    assertTrue(checked.size() >= 15, "checked " + checked);
  }
}
