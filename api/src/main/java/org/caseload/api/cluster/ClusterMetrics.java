package org.caseload.api.cluster;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The cluster's meters for Prometheus: nodes in the cluster, chunks in flight per node (as
 * this API node dispatched them), chunks this node is computing, chunks sent, sent again and
 * the bytes of results received. Per-node meters are added as nodes are first seen and
 * removed once a node has left the cluster with nothing in flight (at the next sample after
 * its chunks were sent again).
 *
 * @implNote Thread-safe; {@link #sample} is called from a timer.
 */
public final class ClusterMetrics {

  private final MeterRegistry registry;
  private final ClusterExecutor executor;
  private final Map<String, List<Meter>> registered = new HashMap<>();

  public ClusterMetrics(MeterRegistry registry, ClusterExecutor executor,
      ComputeService compute) {
    this.registry = registry;
    this.executor = executor;
    Gauge.builder("caseload.cluster.nodes", executor::nodes)
        .description("nodes in the cluster, this one included").register(registry);
    Gauge.builder("caseload.cluster.local.chunks.computing", compute::inFlight)
        .description("chunks this node is computing or has queued").register(registry);
    FunctionCounter.builder("caseload.cluster.chunks.sent", executor,
        ClusterExecutor::chunksSent).description("chunks sent to nodes, resends included")
        .register(registry);
    FunctionCounter.builder("caseload.cluster.chunks.resent", executor,
        ClusterExecutor::chunksResent)
        .description("chunks sent again after a node left, timed out or refused")
        .register(registry);
    FunctionCounter.builder("caseload.cluster.result.bytes", executor,
        ClusterExecutor::bytesReceived).description("bytes of chunk results received")
        .register(registry);
    FunctionCounter.builder("caseload.cluster.chunk.compute.seconds", executor,
        ClusterExecutor::computeSeconds)
        .description("seconds nodes spent computing and writing the chunks answered")
        .register(registry);
    FunctionCounter.builder("caseload.cluster.chunk.transit.seconds", executor,
        ClusterExecutor::transitSeconds)
        .description("seconds chunks spent between nodes (round trip less the time held)")
        .register(registry);
    FunctionCounter.builder("caseload.cluster.chunks.timed", executor,
        ClusterExecutor::timedChunks).description("chunks answered with their timing")
        .register(registry);
    sample();
  }

  /**
   * Registers the per-node meters of nodes seen since the last call, and removes those of
   * nodes that have left with nothing in flight.
   */
  public synchronized void sample() {
    for (Iterator<Map.Entry<String, List<Meter>>> it = registered.entrySet().iterator();
        it.hasNext(); ) {
      Map.Entry<String, List<Meter>> entry = it.next();
      if (executor.forget(entry.getKey())) {
        entry.getValue().forEach(registry::remove);
        it.remove();
      }
    }
    executor.inFlight().forEach((node, count) -> {
      java.util.concurrent.atomic.AtomicLong answered = executor.answered().get(node);
      if (answered != null && !registered.containsKey(node)) {
        registered.put(node, List.of(
            Gauge.builder("caseload.cluster.chunks.in.flight", count, c -> c.get())
                .description("chunks sent to the node and not yet answered").tag("node", node)
                .register(registry),
            FunctionCounter.builder("caseload.cluster.chunks.answered", answered,
                    java.util.concurrent.atomic.AtomicLong::get)
                .description("chunks the node has answered with results").tag("node", node)
                .register(registry)));
      }
    });
  }
}
