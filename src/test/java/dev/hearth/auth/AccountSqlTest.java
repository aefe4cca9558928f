package dev.hearth.auth;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.db.DatabaseTarget;
import dev.hearth.support.TestPostgres;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Every statement of AccountSql and TokenSql prepares against the migrated schema. */
class AccountSqlTest {
  @Test
  void everyStatementPrepares() throws Exception {
    DatabaseTarget db = TestPostgres.freshDatabase();
    int checked = 0;
    try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
      for (Class<?> sqlClass : new Class<?>[] {AccountSql.class, TokenSql.class}) {
        for (Field field : sqlClass.getDeclaredFields()) {
          if (field.getType() != String.class || !Modifier.isStatic(field.getModifiers())) {
            continue;
          }
          field.setAccessible(true);
          String sql = (String) field.get(null);
          if (!sql.trim().matches("(?is)^(select|insert|update|delete|with)\\b.*")) {
            continue;
          }
          try (Statement statement = connection.createStatement()) {
            statement.execute("prepare checked_" + checked + " as " + sql);
          } catch (Exception e) {
            throw new AssertionError(sqlClass.getSimpleName() + "." + field.getName() + " does not prepare: "
                + e.getMessage(), e);
          }
          checked++;
        }
      }
    }
    assertTrue(checked >= 15, "checked " + checked);
  }
}
