package dev.hearth.rules;

import dev.hearth.rules.WordFolding.Token;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A site's banned or suspect words, folded once when the settings are read and then asked of
 * every comment.
 *
 * <p>Words and text are folded alike by {@link WordFolding}, so look-alike letters, invisible
 * characters, fullwidth and mathematical letters, accents and capitals do not hide a word.
 * Matching is by whole tokens: banned "ass" does not match "class", banned "cunt" does not
 * match "Scunthorpe". An entry of several words ("buy followers") matches those tokens in a
 * row, whatever spaces or punctuation stand between them.
 *
 * <p>A word spelled out letter by letter ("s p a m", "s.p.a.m") matches too: a run of two or
 * more one-letter tokens is also read as one word. Only the whole run is read that way, so
 * "I s p a m" is not caught, and "a s s" is. Words split unevenly ("sp am") are not caught.
 *
 * <p>Known gaps: scripts written without spaces (Chinese, Japanese, Thai) form long tokens, so
 * a word inside such a run is not found; an entry with no letters, digits or symbols (only
 * punctuation) never matches.
 *
 * <p>Entries are kept in a trie of token skeletons, so a body is checked in time proportional
 * to its token count times the longest entry in tokens, however many entries there are.
 * Immutable, and safe to share between threads.
 */
public final class WordList {
  private static final WordList EMPTY = new WordList(new Node(), 0, 0);

  /** Spelled-out runs longer than any configured single word cannot match one. */
  private final int longestWord;
  private final int size;
  private final Node root;

  private WordList(Node root, int size, int longestWord) {
    this.root = root;
    this.size = size;
    this.longestWord = longestWord;
  }

  public static WordList empty() {
    return EMPTY;
  }

  /**
   * Folds the configured entries. Blank entries are ignored; when two entries fold to the same
   * tokens, the first one listed is the one reported.
   */
  public static WordList of(Collection<String> entries) {
    Node root = new Node();
    int size = 0;
    int longestWord = 0;
    for (String entry : entries) {
      if (entry == null) {
        continue;
      }
      List<Token> tokens = WordFolding.tokens(entry);
      if (tokens.isEmpty()) {
        continue;
      }
      Node node = root;
      for (Token token : tokens) {
        node = node.next.computeIfAbsent(token.skeleton(), k -> new Node());
      }
      if (node.entry == null) {
        node.entry = entry.strip();
        size++;
      }
      if (tokens.size() == 1) {
        longestWord = Math.max(longestWord, tokens.get(0).skeleton().length());
      }
    }
    return size == 0 ? EMPTY : new WordList(root, size, longestWord);
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** How many distinct entries the list holds. */
  public int size() {
    return size;
  }

  /**
   * The configured entry found earliest in the text, as it was configured (for the moderator
   * to read), or empty when none is there.
   */
  public Optional<String> firstMatch(String text) {
    if (size == 0 || text == null || text.isEmpty()) {
      return Optional.empty();
    }
    List<Token> tokens = WordFolding.tokens(text);
    int runEnd = 0;
    for (int i = 0; i < tokens.size(); i++) {
      String found = entryStartingAt(tokens, i);
      if (found == null && i >= runEnd) {
        runEnd = endOfLoneRun(tokens, i);
        found = spelledOut(tokens, i, runEnd);
      }
      if (found != null) {
        return Optional.of(found);
      }
    }
    return Optional.empty();
  }

  private String entryStartingAt(List<Token> tokens, int start) {
    Node node = root;
    for (int j = start; j < tokens.size(); j++) {
      node = node.next.get(tokens.get(j).skeleton());
      if (node == null) {
        return null;
      }
      if (node.entry != null) {
        return node.entry;
      }
    }
    return null;
  }

  private static int endOfLoneRun(List<Token> tokens, int start) {
    int end = start;
    while (end < tokens.size() && tokens.get(end).lone()) {
      end++;
    }
    return Math.max(end, start + 1);
  }

  /** Each token is joined at most once: the run is read when its first token is reached. */
  private String spelledOut(List<Token> tokens, int start, int end) {
    if (end - start < 2) {
      return null;
    }
    StringBuilder joined = new StringBuilder();
    for (int j = start; j < end && joined.length() <= longestWord; j++) {
      joined.append(tokens.get(j).skeleton());
    }
    if (joined.length() > longestWord) {
      return null;
    }
    Node node = root.next.get(joined.toString());
    return node == null ? null : node.entry;
  }

  private static final class Node {
    final Map<String, Node> next = new HashMap<>(4);
    String entry;
  }
}
