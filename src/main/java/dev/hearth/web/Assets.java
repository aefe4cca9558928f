package dev.hearth.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Files under {@code webroot/} with a version taken from their content, so a page can name
 * {@code /static/embed/thread.js?v=…} and a browser that kept an older copy asks again after a
 * deploy. Like the static handler, a {@code webroot/} folder in the working directory wins
 * (a file there is hashed again when its modification time changes); otherwise the copy
 * packaged in the jar is read once.
 */
public final class Assets {
  private final Path root;
  private final Map<String, Versioned> versions = new ConcurrentHashMap<>();

  /** One file's bytes as last read, with their hash. */
  public record Versioned(byte[] bytes, String hash, long modified) {
    public String etag() {
      return "\"" + hash + "\"";
    }
  }

  public Assets(Path root) {
    this.root = root;
  }

  /** The URL of a file under {@code /static/} with its content version. */
  public String url(String path) {
    return "/static/" + path + "?v=" + file(path).hash();
  }

  /** The file's current bytes and hash, empty when there is no such file (or the path leaves webroot). */
  public Optional<Versioned> find(String path) {
    try {
      return Optional.of(file(path));
    } catch (IllegalArgumentException | UncheckedIOException e) {
      return Optional.empty();
    }
  }

  /** The file's current bytes and hash; fails when it does not exist. */
  public Versioned file(String path) {
    Path file = root.resolve(path).normalize();
    if (!file.startsWith(root)) {
      throw new IllegalArgumentException("Outside webroot: " + path);
    }
    if (!Files.isRegularFile(file)) {
      return versions.computeIfAbsent(path, Assets::packaged);
    }
    try {
      long modified = Files.getLastModifiedTime(file).toMillis();
      Versioned known = versions.get(path);
      if (known != null && known.modified() == modified) {
        return known;
      }
      byte[] bytes = Files.readAllBytes(file);
      Versioned fresh = new Versioned(bytes, HexFormat.of().formatHex(sha256(bytes), 0, 8), modified);
      versions.put(path, fresh);
      return fresh;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Versioned packaged(String path) {
    try (InputStream in = Assets.class.getClassLoader().getResourceAsStream("webroot/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("No asset " + path);
      }
      byte[] bytes = in.readAllBytes();
      return new Versioned(bytes, HexFormat.of().formatHex(sha256(bytes), 0, 8), -1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
