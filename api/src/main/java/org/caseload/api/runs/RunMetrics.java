package org.caseload.api.runs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.caseload.api.domain.RunStatus;

/**
 * The runs' meters for Prometheus: runs queued and running, requests waiting for a run's end
 * and event streams following one, replications done (a counter) and replications per second
 * over the last sampling interval, runs ended by status.
 */
public final class RunMetrics {

  private final MeterRegistry registry;
  private final Counter replications;
  private final AtomicLong lastCount = new AtomicLong();
  private volatile long lastNanos = System.nanoTime();
  private volatile double perSecond;

  public RunMetrics(MeterRegistry registry, RunService service) {
    this.registry = registry;
    Gauge.builder("caseload.runs.queued", service::queued)
        .description("runs waiting for a worker").register(registry);
    Gauge.builder("caseload.runs.running", service::running).description("runs executing now")
        .register(registry);
    Gauge.builder("caseload.runs.waiters", service::waiters)
        .description("requests waiting for a run's end (?wait)").register(registry);
    Gauge.builder("caseload.runs.event.streams", service::eventStreams)
        .description("event streams following a run").register(registry);
    replications = Counter.builder("caseload.replications").description("replications done")
        .register(registry);
    Gauge.builder("caseload.replications.per.second", () -> perSecond)
        .description("replications per second over the last sampling interval")
        .register(registry);
  }

  void replicationsDone(long count) {
    replications.increment(count);
  }

  void ended(RunStatus status) {
    Counter.builder("caseload.runs.ended").description("runs ended, by how they ended")
        .tag("status", status.text()).register(registry).increment();
  }

  /** Updates the replications-per-second gauge; call it every second or so. */
  public void sample() {
    long now = System.nanoTime();
    long count = (long) replications.count();
    long before = lastCount.getAndSet(count);
    double seconds = (now - lastNanos) / 1e9;
    lastNanos = now;
    perSecond = seconds > 0 ? (count - before) / seconds : 0;
  }
}
