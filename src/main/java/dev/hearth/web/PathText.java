package dev.hearth.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Refuses, before any route, a URL path that does not decode to text: invalid UTF-8, a broken
 * escape, or a control character such as NUL. Every path parameter (site ids, page keys, ids)
 * is then text a route can look up or answer 404 for; before, a NUL reached PostgreSQL, which
 * refuses it, and the request was answered 500.
 */
public final class PathText implements Handler<RoutingContext> {
  private static final ApiError NOT_TEXT =
      ApiError.badRequest("bad_request", "The URL path is not valid text (invalid UTF-8 or a control character)");

  @Override
  public void handle(RoutingContext ctx) {
    if (isText(ctx.request().path())) {
      ctx.next();
    } else {
      ctx.fail(NOT_TEXT);
    }
  }

  static boolean isText(String rawPath) {
    if (rawPath == null) {
      return true;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(rawPath.length());
    for (int i = 0; i < rawPath.length(); i++) {
      char c = rawPath.charAt(i);
      if (c == '%') {
        if (i + 2 >= rawPath.length() || Character.digit(rawPath.charAt(i + 1), 16) < 0
            || Character.digit(rawPath.charAt(i + 2), 16) < 0) {
          return false;
        }
        bytes.write(Character.digit(rawPath.charAt(i + 1), 16) * 16 + Character.digit(rawPath.charAt(i + 2), 16));
        i += 2;
      } else {
        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(utf8, 0, utf8.length);
      }
    }
    String decoded;
    try {
      decoded = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      return false;
    }
    return decoded.chars().noneMatch(ch -> ch < 0x20 || ch == 0x7F);
  }
}
