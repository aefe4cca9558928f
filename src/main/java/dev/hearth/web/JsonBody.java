package dev.hearth.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a request body as a JSON object, strictly: the media type must be JSON, the bytes
 * valid UTF-8, the value an object. The size limit is enforced earlier by the body handler.
 */
public final class JsonBody {
  public static final int MAX_BYTES = 64 * 1024;

  private JsonBody() {
  }

  public static JsonFields read(RoutingContext ctx) {
    String contentType = ctx.request().getHeader("content-type");
    if (contentType == null || !mediaType(contentType).equals("application/json")) {
      throw new ApiError(415, "unsupported_media_type", "Send the body as application/json");
    }
    Buffer body = ctx.body().buffer();
    if (body == null || body.length() == 0) {
      throw ApiError.badRequest("invalid_json", "The request body is empty; a JSON object is expected");
    }
    String text = decodeUtf8(body);
    Object value;
    try {
      value = io.vertx.core.json.Json.decodeValue(text);
    } catch (DecodeException e) {
      throw ApiError.badRequest("invalid_json", "The request body is not valid JSON");
    }
    if (!(value instanceof JsonObject object)) {
      throw ApiError.badRequest("invalid_json", "The request body must be a JSON object");
    }
    return new JsonFields(object, "");
  }

  private static String mediaType(String contentType) {
    int semicolon = contentType.indexOf(';');
    String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase();
    if (semicolon >= 0) {
      String params = contentType.substring(semicolon + 1).toLowerCase().replace(" ", "");
      if (params.contains("charset=") && !params.contains("charset=utf-8")) {
        throw new ApiError(415, "unsupported_media_type", "Only UTF-8 encoded JSON is accepted");
      }
    }
    return type;
  }

  private static String decodeUtf8(Buffer body) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body.getBytes()))
          .toString();
    } catch (CharacterCodingException e) {
      throw ApiError.badRequest("invalid_utf8", "The request body is not valid UTF-8");
    }
  }
}
