package dev.hearth.embed;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A site owner's web site on {@code http://127.0.0.1:PORT}: another site than Hearth's
 * {@code http://localhost:PORT}, so the embedded thread is a real cross-site iframe. Pages are
 * static HTML written the way docs/embedding.md tells a site owner to.
 */
final class HostSite implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, String> pages = new ConcurrentHashMap<>();

  private HostSite(HttpServer server) {
    this.server = server;
  }

  static HostSite start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      HostSite site = new HostSite(server);
      server.createContext("/", exchange -> {
        String html = site.pages.get(exchange.getRequestURI().getPath());
        byte[] body = (html == null ? "Not found" : html).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", html == null ? "text/plain; charset=utf-8" : "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(html == null ? 404 : 200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      });
      server.start();
      return site;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String origin() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Serves {@code html} at {@code path} and returns its URL. */
  String serve(String path, String html) {
    pages.put(path, html);
    return origin() + path;
  }

  /** An article page with one embedded thread, its comment-count link and Hearth's loader. */
  static String articlePage(String hearth, String site, String page, Map<String, String> extraAttributes) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("data-site", site);
    attributes.put("data-page", page);
    attributes.put("data-quote-from", "article");
    attributes.putAll(extraAttributes);
    StringBuilder placeholder = new StringBuilder("<div id=\"hearth-thread\"");
    attributes.forEach((name, value) -> placeholder.append(' ').append(name).append("=\"").append(escape(value)).append('"'));
    placeholder.append("></div>");
    return """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>A walk by the river</title></head>
        <body style="font-family: sans-serif; margin: 0 auto; max-width: 48rem; padding: 1rem;">
        <article>
          <h1>A walk by the river</h1>
          <p>The water was high after a week of rain, and the herons stood very still.</p>
        </article>
        <p><a data-hearth-count="%s" href="#comments">Comments</a></p>
        <section id="comments">
        %s
        </section>
        <script src="%s/embed.js" async></script>
        </body>
        </html>
        """.formatted(escape(page), placeholder, hearth);
  }

  private static String escape(String value) {
    return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
