package dev.hearth.metrics;

import dev.hearth.event.EventFeed;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.UUID;

/**
 * One node's figures in one Prometheus registry: what Vert.x measures itself (the SQL pool's
 * waiters and connections in use, HTTP requests, WebSockets) with the JVM binders it binds when
 * its metrics are on (heap, GC, threads, CPU, uptime), plus open file descriptors, resident
 * memory and the events outbox. Each node registers under its own name, so nodes started in one
 * JVM (as tests do) never share a registry; closing the node's Vert.x closes the JVM binders.
 */
public final class NodeMetrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final String registryName = "hearth-" + UUID.randomUUID();
  private volatile OutboxGauges outbox;

  public NodeMetrics() {
    new FileDescriptorMetrics().bindTo(registry);
    ResidentMemory.bindTo(registry);
  }

  /** A Vert.x instance that reports into this registry. */
  public Vertx newVertx() {
    MicrometerMetricsOptions options = new MicrometerMetricsOptions()
        .setEnabled(true)
        .setJvmMetricsEnabled(true)
        .setRegistryName(registryName);
    return Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(options))
        .withMetrics(new MicrometerMetricsFactory(registry))
        .build();
  }

  /** Adds the events outbox: its rows and oldest row, its retention, and the events pruned. */
  public void watch(EventFeed feed) {
    outbox = new OutboxGauges(feed, registry, System::nanoTime);
  }

  /** The Prometheus text exposition; the outbox count in it is at most a few seconds old. */
  public Future<String> scrape() {
    OutboxGauges gauges = outbox;
    Future<Void> fresh = gauges == null ? Future.succeededFuture() : gauges.refresh();
    return fresh.map(ignored -> registry.scrape());
  }
}
