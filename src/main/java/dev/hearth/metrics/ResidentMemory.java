package dev.hearth.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.BaseUnits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's resident set size, as the kernel counts it (VmRSS in /proc/self/status):
 * heap, metaspace, thread stacks, direct buffers and the JIT's code together, which the JVM's
 * own pools each see only a part of. Linux only: elsewhere the gauge is not registered.
 */
final class ResidentMemory {
  private static final Path STATUS = Path.of("/proc/self/status");

  private ResidentMemory() {
  }

  static void bindTo(MeterRegistry registry) {
    if (!Files.isReadable(STATUS)) {
      return;
    }
    Gauge.builder("process.memory.rss", ResidentMemory::read)
        .baseUnit(BaseUnits.BYTES)
        .description("Resident set size of the process (VmRSS of /proc/self/status)")
        .register(registry);
  }

  private static double read() {
    try {
      return bytes(Files.readString(STATUS));
    } catch (IOException e) {
      return Double.NaN;
    }
  }

  /** VmRSS from the text of /proc/PID/status, in bytes; NaN when it is not there. */
  static double bytes(String status) {
    for (String line : status.split("\n")) {
      if (line.startsWith("VmRSS:")) {
        String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
        try {
          return Long.parseLong(parts[0]) * 1024.0;
        } catch (NumberFormatException e) {
          return Double.NaN;
        }
      }
    }
    return Double.NaN;
  }
}
