package dev.hearth.comment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds nested threads from comments listed in display order (by sort key). Pure: no I/O,
 * unit-tested on its own. A comment that is not visible stays as a placeholder only when a
 * visible reply hangs below it, so replies keep their place; otherwise it is left out.
 * Iterative throughout: a chain thousands deep must not exhaust the stack.
 */
public final class CommentTree {
  private CommentTree() {
  }

  /** A comment with its replies, oldest first. */
  public record Node(Comment comment, List<Node> children) {
  }

  /**
   * @param inDisplayOrder comments of one or more threads, every parent before its replies
   * @return the threads keyed by top-level comment id, in the order the roots appeared
   */
  public static Map<Long, Node> build(List<Comment> inDisplayOrder) {
    return buildUnder(null, inDisplayOrder);
  }

  /**
   * Like {@link #build}, for the replies of one comment: rows whose parent is {@code parentId}
   * are the roots ({@code null} for the top level of a page).
   */
  public static Map<Long, Node> buildUnder(Long parentId, List<Comment> inDisplayOrder) {
    Map<Long, Node> byId = new HashMap<>();
    Map<Long, Node> roots = new LinkedHashMap<>();
    List<Node> attached = new ArrayList<>(inDisplayOrder.size());
    for (Comment comment : inDisplayOrder) {
      Node node = new Node(comment, new ArrayList<>());
      Node parent = comment.parentId() == null ? null : byId.get(comment.parentId());
      if (parent != null) {
        parent.children().add(node);
      } else if (java.util.Objects.equals(comment.parentId(), parentId)) {
        roots.put(comment.id(), node);
      } else {
        continue; // a reply whose parent was not loaded has no place to hang
      }
      byId.put(comment.id(), node);
      attached.add(node);
    }
    // Replies come after their parent, so walking backwards settles children first.
    Set<Long> kept = new HashSet<>();
    for (int i = attached.size() - 1; i >= 0; i--) {
      Node node = attached.get(i);
      node.children().removeIf(child -> !kept.contains(child.comment().id()));
      if (node.comment().isVisible() || !node.children().isEmpty()) {
        kept.add(node.comment().id());
      }
    }
    roots.values().removeIf(root -> !kept.contains(root.comment().id()));
    return roots;
  }

  /** Every comment below {@code node}, in display order (depth-first, oldest reply first). */
  public static List<Node> descendants(Node node) {
    List<Node> out = new ArrayList<>();
    ArrayList<Node> stack = new ArrayList<>();
    for (int i = node.children().size() - 1; i >= 0; i--) {
      stack.add(node.children().get(i));
    }
    while (!stack.isEmpty()) {
      Node next = stack.remove(stack.size() - 1);
      out.add(next);
      for (int i = next.children().size() - 1; i >= 0; i--) {
        stack.add(next.children().get(i));
      }
    }
    return out;
  }

  /** Counts the comments in a tree (the node included). */
  public static int size(Node node) {
    return 1 + descendants(node).size();
  }
}
