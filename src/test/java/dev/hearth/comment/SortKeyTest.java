package dev.hearth.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SortKeyTest {
  @Test
  void rankCodesSortLikeTheirNumbers() {
    int[] ranks = {1, 2, 126, 127, 128, 129, 300, 16_511, 16_512, 16_513, 2_113_663, 2_113_664, 2_113_665, 100_000_000};
    for (int i = 1; i < ranks.length; i++) {
      byte[] lower = SortKey.encodeRank(ranks[i - 1]);
      byte[] higher = SortKey.encodeRank(ranks[i]);
      assertTrue(Arrays.compareUnsigned(lower, higher) < 0, ranks[i - 1] + " < " + ranks[i]);
    }
    assertEquals(1, SortKey.encodeRank(127).length);
    assertEquals(2, SortKey.encodeRank(128).length);
    assertThrows(IllegalArgumentException.class, () -> SortKey.encodeRank(0));
  }

  @Test
  void everyReplySortsAfterItsParentAndBeforeTheParentsNextSibling() {
    byte[] first = SortKey.encodeRank(1);
    byte[] second = SortKey.encodeRank(2);
    byte[] deepUnderFirst = first;
    for (int depth = 1; depth <= 40; depth++) {
      byte[] child = SortKey.ranked(deepUnderFirst, 200);
      assertTrue(Arrays.compareUnsigned(deepUnderFirst, child) < 0);
      assertTrue(Arrays.compareUnsigned(child, second) < 0);
      deepUnderFirst = child;
    }
  }

  @Test
  void chronologicalKeysStayUnderTheirRankedAncestor() {
    byte[] ancestor = SortKey.encodeRank(1);
    for (int depth = 1; depth <= SortKey.MAX_RANKED_DEPTH; depth++) {
      ancestor = SortKey.ranked(ancestor, 1);
    }
    byte[] child = SortKey.chronological(SortKey.chronologicalPrefix(ancestor, SortKey.MAX_RANKED_DEPTH), 10);
    byte[] grandchild = SortKey.chronological(SortKey.chronologicalPrefix(child, SortKey.MAX_RANKED_DEPTH + 1), 11);
    assertTrue(Arrays.compareUnsigned(ancestor, child) < 0);
    assertTrue(Arrays.compareUnsigned(child, grandchild) < 0);
    assertEquals(ancestor.length + 8, grandchild.length, "depth beyond the ranked levels adds no length");
    assertTrue(SortKey.isChronological(SortKey.MAX_RANKED_DEPTH + 1));
  }
}
