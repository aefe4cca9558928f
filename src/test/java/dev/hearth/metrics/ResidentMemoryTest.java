package dev.hearth.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResidentMemoryTest {
  @Test
  void readsVmRssInBytes() {
    String status = "Name:\tjava\nVmPeak:\t 9000000 kB\nVmRSS:\t  412340 kB\nRssAnon:\t 300000 kB\n";
    assertEquals(412_340 * 1024.0, ResidentMemory.bytes(status));
    assertTrue(Double.isNaN(ResidentMemory.bytes("Name:\tjava\n")));
  }
}
