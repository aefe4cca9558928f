package dev.hearth.apidoc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hearth.audit.AuditAction;
import dev.hearth.comment.CommentStatus;
import dev.hearth.moderation.Queue;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The enum lists {@code openapi.json} gives clients are the vocabularies' own spellings, in their order. */
class VocabularyDocumentedTest {

  @Test
  void commentStatuses() throws IOException {
    JsonObject document = document();
    List<String> statuses = Arrays.stream(CommentStatus.values()).map(CommentStatus::json).toList();
    JsonObject fields = document.getJsonObject("components").getJsonObject("schemas").getJsonObject("CommentFields");
    assertEquals(statuses, list(fields.getJsonObject("properties").getJsonObject("status")));
    JsonObject told = document.getJsonObject("paths").getJsonObject("/api/v1/comments/{id}/status").getJsonObject("get")
        .getJsonObject("responses").getJsonObject("200").getJsonObject("content").getJsonObject("application/json")
        .getJsonObject("schema");
    assertEquals(statuses, list(told.getJsonObject("properties").getJsonObject("status")));
  }

  @Test
  void queues() throws IOException {
    JsonObject document = document();
    assertEquals(Queue.jsonNames(), list(parameter(document, "/api/v1/moderation/queue", "queue")));
    assertEquals(Queue.jsonNames(), list(parameter(document, "/moderate", "queue")));
  }

  @Test
  void auditActions() throws IOException {
    JsonObject document = document();
    assertEquals(AuditAction.jsonNames(), list(parameter(document, "/api/v1/moderation/log", "action")));
    List<String> screen = new ArrayList<>(List.of("any"));
    screen.addAll(AuditAction.jsonNames());
    assertEquals(screen, list(parameter(document, "/moderate/log", "action")));
  }

  private static JsonObject document() throws IOException {
    try (InputStream in = VocabularyDocumentedTest.class.getResourceAsStream("/openapi.json")) {
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static JsonObject parameter(JsonObject document, String path, String name) {
    JsonArray parameters = document.getJsonObject("paths").getJsonObject(path).getJsonObject("get")
        .getJsonArray("parameters");
    return parameters.stream().map(JsonObject.class::cast).filter(p -> name.equals(p.getString("name"))).findFirst()
        .orElseThrow(() -> new AssertionError(path + " documents no parameter " + name)).getJsonObject("schema");
  }

  private static List<String> list(JsonObject schema) {
    JsonArray values = schema.getJsonArray("enum");
    return values == null ? List.of() : values.stream().map(String.class::cast).toList();
  }
}
