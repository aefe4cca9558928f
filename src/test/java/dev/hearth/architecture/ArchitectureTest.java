package dev.hearth.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package map of docs/architecture.md, held by the compiled classes: features without
 * cycles, routes that run no SQL, services that know nothing of HTTP, SQL text only in
 * repositories and their {@code *Sql} classes, and live updates fed by the event feed alone.
 */
class ArchitectureTest {
  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.hearth");
    assertTrue(main.size() > 100, "the main classes were found: " + main.size());
  }

  static final ArchRule FEATURES_WITHOUT_CYCLES = slices().matching("dev.hearth.(*)..").should().beFreeOfCycles();

  @Test
  void featurePackagesHaveNoCycles() {
    FEATURES_WITHOUT_CYCLES.check(main);
  }

  @Test
  void theCycleRuleCatchesADeliberateCycle() {
    JavaClasses fixture = new ClassFileImporter().importPackages("fixture.cycle");
    EvaluationResult result = slices().matching("fixture.cycle.(*)..").should().beFreeOfCycles().evaluate(fixture);
    assertTrue(result.hasViolation(), "a -> b -> a must be reported");
  }

  @Test
  void onlyTheStartingClassesUseTheRootPackage() {
    noClasses().that().resideInAPackage("dev.hearth.*..")
        .should().dependOnClassesThat().resideInAPackage("dev.hearth")
        .because("Main, Config, Services and HttpVerticle wire the features; no feature reaches back")
        .check(main);
  }

  @Test
  void routesRunNoSql() {
    noClasses().that().haveSimpleNameEndingWith("Routes")
        .should().dependOnClassesThat().resideInAPackage("io.vertx.sqlclient..")
        .because("routes parse and answer; services and repositories talk to the database")
        .check(main);
  }

  @Test
  void servicesKnowNothingOfHttp() {
    noClasses().that().haveSimpleNameEndingWith("Service")
        .should().dependOnClassesThat().resideInAnyPackage("io.vertx.ext.web..", "io.vertx.core.http..")
        .because("services take records and return futures; routes own the request")
        .check(main);
  }

  @Test
  void liveDependsOnTheEventFeedNotOnFeatureServices() {
    noClasses().that().resideInAPackage("dev.hearth.live..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.hearth.comment..", "dev.hearth.moderation..",
            "dev.hearth.vote..", "dev.hearth.page..", "dev.hearth.account..", "dev.hearth.workspace..",
            "dev.hearth.view..", "dev.hearth.embed..")
        .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Service")
        .because("the hub fans out what the events table says; rendering is handed to it")
        .check(main);
  }

  /** The start of a string literal holding a statement (not an English sentence that starts with "select"). */
  private static final Pattern SQL_TEXT = Pattern.compile("\"\\s*(select\\s+(\\w+\\.\\w+|\\w+\\s*,|\\*|count\\(|exists\\b"
      + "|1\\b|coalesce|pg_|distinct\\b)|select\\s[^\"]*\\bfrom\\s|insert\\s+into\\s|update\\s+\\w+\\s+set\\s"
      + "|delete\\s+from\\s|with\\s+\\w+\\s+as\\s*\\(|lock\\s+table\\s)", Pattern.CASE_INSENSITIVE);

  @Test
  void sqlTextLivesOnlyInRepositoriesAndSqlClasses() throws IOException {
    List<String> offenders = new ArrayList<>();
    int scanned;
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      List<Path> sources = files.filter(p -> p.toString().endsWith(".java")).toList();
      scanned = sources.size();
      for (Path source : sources) {
        String name = source.getFileName().toString();
        if (name.endsWith("Sql.java") || name.endsWith("Repository.java")) {
          continue;
        }
        Matcher sql = SQL_TEXT.matcher(Files.readString(source));
        if (sql.find()) {
          offenders.add(source + ": " + sql.group());
        }
      }
    }
    assertTrue(scanned > 100, "the sources were found: " + scanned);
    assertEquals(List.of(), offenders, "SQL text belongs in *Sql or *Repository classes");
  }

  @Test
  void theSqlTextCheckSeesSqlAndOnlySql() {
    assertTrue(SQL_TEXT.matcher("x = \"select 1 from users\"").find());
    assertTrue(SQL_TEXT.matcher("x = \"  WITH e as (insert into events\"").find());
    assertTrue(SQL_TEXT.matcher("\"select u.premoderated, \" + more").find());
    assertFalse(SQL_TEXT.matcher("\"select at least one comment\"").find());
    assertFalse(SQL_TEXT.matcher("\"Update your name\"").find());
  }
}
