package org.caseload.api.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.backends.BackendRegistries;

/**
 * {@code /metrics}: the Prometheus text of the server's registry, written on a worker
 * thread. A scrape grows with the number of series and can take longer than an event loop
 * may be held.
 *
 * @implNote Immutable and thread-safe.
 */
final class MetricsHandler {

  private final PrometheusMeterRegistry registry;
  private final OffLoop offLoop;

  MetricsHandler(String registryName, OffLoop offLoop) {
    this.registry = (PrometheusMeterRegistry) BackendRegistries.getNow(registryName);
    this.offLoop = offLoop;
  }

  void scrape(RoutingContext rc) {
    offLoop.run(registry::scrape)
        .onSuccess(text -> rc.response().putHeader("Content-Type",
            "text/plain; version=0.0.4; charset=utf-8").end(text))
        .onFailure(rc::fail);
  }
}
