package dev.hearth.comment;

import java.io.ByteArrayOutputStream;

/**
 * The display-order key of a comment (column {@code comments.sort_key}). Comparing keys as
 * bytes (PostgreSQL bytea order) gives a depth-first walk of the page: each thread follows its
 * top-level comment, replies follow their parent oldest first.
 *
 * <p>A key is the parent's key followed by the comment's sibling rank in a prefix-free,
 * order-preserving variable-length code: ranks below 128 take one byte, so a chain 1,000 deep
 * costs about 1 KB. To keep every key under PostgreSQL's B-tree row limit (~2.7 KB) whatever
 * the depth, comments deeper than {@link #MAX_RANKED_DEPTH} are ordered chronologically (by
 * id, 8 bytes) under their ancestor at that depth: a parent still comes before its replies.
 */
public final class SortKey {
  public static final int MAX_RANKED_DEPTH = 512;

  private SortKey() {
  }

  /** True when a comment at this depth is keyed by its id under a ranked ancestor. */
  public static boolean isChronological(int depth) {
    return depth > MAX_RANKED_DEPTH;
  }

  /** The key of a ranked comment (depth up to {@link #MAX_RANKED_DEPTH}). */
  public static byte[] ranked(byte[] parentKey, int rank) {
    byte[] code = encodeRank(rank);
    byte[] key = new byte[parentKey.length + code.length];
    System.arraycopy(parentKey, 0, key, 0, parentKey.length);
    System.arraycopy(code, 0, key, parentKey.length, code.length);
    return key;
  }

  /**
   * The prefix under which a chronological comment's id is appended: the key of its ancestor
   * at {@link #MAX_RANKED_DEPTH}.
   */
  public static byte[] chronologicalPrefix(byte[] parentKey, int parentDepth) {
    if (parentDepth <= MAX_RANKED_DEPTH) {
      return parentKey;
    }
    byte[] prefix = new byte[parentKey.length - Long.BYTES];
    System.arraycopy(parentKey, 0, prefix, 0, prefix.length);
    return prefix;
  }

  /** The full key of a chronological comment, as the database computes it. */
  public static byte[] chronological(byte[] prefix, long id) {
    byte[] key = new byte[prefix.length + Long.BYTES];
    System.arraycopy(prefix, 0, key, 0, prefix.length);
    for (int i = 0; i < Long.BYTES; i++) {
      key[prefix.length + i] = (byte) (id >>> (8 * (Long.BYTES - 1 - i)));
    }
    return key;
  }

  /**
   * Encodes a rank of 1 or more. The first byte says how long the code is and larger ranks
   * get larger first bytes, so byte order equals numeric order and no code prefixes another:
   * 0x01-0x7F one byte; 0x80-0xBF two; 0xC0-0xDF three; 0xE0-0xEF four.
   */
  public static byte[] encodeRank(int rank) {
    if (rank < 1) {
      throw new IllegalArgumentException("rank must be at least 1: " + rank);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(4);
    long n = rank;
    if (n < 0x80) {
      out.write((int) n);
      return out.toByteArray();
    }
    n -= 0x80;
    if (n < 0x4000) {
      out.write(0x80 | (int) (n >>> 8));
      out.write((int) n & 0xFF);
      return out.toByteArray();
    }
    n -= 0x4000;
    if (n < 0x200000) {
      out.write(0xC0 | (int) (n >>> 16));
      out.write((int) (n >>> 8) & 0xFF);
      out.write((int) n & 0xFF);
      return out.toByteArray();
    }
    n -= 0x200000;
    if (n < 0x10000000L) {
      out.write(0xE0 | (int) (n >>> 24));
      out.write((int) (n >>> 16) & 0xFF);
      out.write((int) (n >>> 8) & 0xFF);
      out.write((int) n & 0xFF);
      return out.toByteArray();
    }
    throw new IllegalArgumentException("rank too large: " + rank);
  }
}
