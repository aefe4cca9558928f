package dev.hearth.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.Hearth;
import dev.hearth.support.TestPostgres;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Prepares every SQL statement Hearth's code holds in a {@code static final String}, in any
 * class, against the migrated schema, so a typo or a column the migrations do not have fails
 * here rather than on a user's request. The statements are found by scanning the compiled
 * classes, so a new class of SQL is checked without anyone listing it here.
 */
class SqlStatementsTest {
  /** Fewer than this means the scan went wrong (a moved output directory, a changed prefix), not that SQL left. */
  static final int FLOOR = 100;

  static final Pattern STATEMENT = Pattern.compile("(?is)^(select|insert|update|delete|with|lock)\\b.*");
  static final Pattern UNTYPED = Pattern.compile("could not determine data type of parameter \\$(\\d+)");

  @Test
  void everyStatementPrepares() throws Exception {
    Map<String, String> statements = statements();
    DatabaseTarget db = TestPostgres.freshDatabase();
    List<String> failures = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
      int n = 0;
      for (Map.Entry<String, String> statement : statements.entrySet()) {
        try {
          check(connection, "checked_" + n++, statement.getValue().trim());
        } catch (SQLException e) {
          failures.add(statement.getKey() + " does not prepare: " + e.getMessage());
        }
      }
    }
    assertEquals(List.of(), failures, String.join("\n", failures));
    assertTrue(statements.size() >= FLOOR, "found only " + statements.size() + " statements: " + statements.keySet());
  }

  /**
   * PREPARE makes the server parse, resolve and type the statement with its $n parameters. A
   * parameter the server cannot type from its context (a value only passed through, say) is
   * sent typed by the driver at run time, so it is declared text here and the rest still
   * inferred. LOCK cannot be prepared: it runs in a transaction that is rolled back.
   */
  static void check(Connection connection, String name, String sql) throws SQLException {
    if (sql.regionMatches(true, 0, "lock", 0, 4)) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute(sql);
      } finally {
        connection.rollback();
        connection.setAutoCommit(autoCommit);
      }
      return;
    }
    List<String> types = new ArrayList<>();
    while (true) {
      String declared = types.isEmpty() ? "" : " (" + String.join(", ", types) + ")";
      try (Statement statement = connection.createStatement()) {
        statement.execute("prepare " + name + declared + " as " + sql);
        statement.execute("deallocate " + name);
        return;
      } catch (SQLException e) {
        Matcher untyped = UNTYPED.matcher(String.valueOf(e.getMessage()));
        if (!untyped.find()) {
          throw e;
        }
        int position = Integer.parseInt(untyped.group(1));
        if (types.size() >= position && types.get(position - 1).equals("text")) {
          throw e;
        }
        while (types.size() < position) {
          types.add("unknown");
        }
        types.set(position - 1, "text");
      }
    }
  }

  /** Every static final String of the main classes that reads as a statement, by Class.field. */
  static Map<String, String> statements() throws IOException, URISyntaxException, ReflectiveOperationException {
    Path classes = Path.of(Hearth.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertTrue(Files.isDirectory(classes.resolve("dev/hearth")), "main classes are not a directory: " + classes);
    List<String> names;
    try (Stream<Path> files = Files.walk(classes.resolve("dev/hearth"))) {
      names = files.filter(f -> f.toString().endsWith(".class"))
          .map(f -> classes.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "."))
          .map(f -> f.substring(0, f.length() - ".class".length()))
          .sorted()
          .toList();
    }
    Map<String, String> found = new TreeMap<>();
    for (String name : names) {
      Class<?> type = Class.forName(name, false, SqlStatementsTest.class.getClassLoader());
      for (Field field : type.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (field.getType() != String.class || !Modifier.isStatic(modifiers) || !Modifier.isFinal(modifiers)
            || field.isSynthetic()) {
          continue;
        }
        field.setAccessible(true);
        String value = (String) field.get(null);
        if (value != null && STATEMENT.matcher(value.trim()).matches()) {
          found.put(type.getName() + "." + field.getName(), value);
        }
      }
    }
    return found;
  }
}
