package dev.hearth.live;

import io.netty.buffer.Unpooled;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import java.nio.charset.StandardCharsets;

/**
 * A text frame encoded once and written to many sockets. Each write wraps the same bytes in a
 * fresh buffer (no copy); the public API would encode the text again for every socket, which
 * at 10,000 subscribers is most of the work of a fan-out. This uses Vert.x's frame
 * implementation class, pinned with the Vert.x version in the pom.
 */
final class SharedFrame {
  private final byte[] utf8;

  SharedFrame(String text) {
    this.utf8 = text.getBytes(StandardCharsets.UTF_8);
  }

  WebSocketFrame frame() {
    return new WebSocketFrameImpl(WebSocketFrameType.TEXT, Unpooled.wrappedBuffer(utf8), true);
  }

  /** Its size in bytes. */
  int size() {
    return utf8.length;
  }

  String text() {
    return new String(utf8, StandardCharsets.UTF_8);
  }
}
