package org.caseload.api.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.backends.BackendRegistries;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;

/**
 * {@code /metrics}: the Prometheus text of the server's registry, written on a worker
 * thread (a scrape grows with the number of series and can take longer than an event loop
 * may be held), and shared: requests while a scrape is being written, and for a second after,
 * get that scrape. {@code /metrics} needs no token, and 50 clients scraping as fast as they
 * could had kept both cores writing the 300 KB text, stalling the event loop for seconds and
 * a run's replications to a fifth; now they cost one scrape a second. Prometheus scrapes
 * every 15 seconds or so, so a second's age is not seen. The text is encoded once, on the
 * worker, and sent uncompressed ({@code Content-Encoding: identity}) to every client: deflated
 * on the event loop for each client waiting on one scrape, all in one task, 100 clients
 * asking at once with {@code Accept-Encoding: gzip} (as Prometheus asks) had held the loop
 * about 0.9 s ({@code OpenFilesCompressionTest}).
 *
 * @implNote Thread-safe: the shared scrape is guarded by this handler's lock.
 */
final class MetricsHandler {

  /** How long a scrape is served again, in nanoseconds. */
  static final long MAX_AGE_NANOS = 1_000_000_000L;

  /** A scrape's text, its UTF-8 bytes and when it was written, by the handler's clock. */
  private record Scrape(String text, Buffer bytes, long writtenAt) {}

  private final Callable<String> scrape;
  private final OffLoop offLoop;
  private final LongSupplier clock;
  private Future<Scrape> latest;

  MetricsHandler(String registryName, OffLoop offLoop) {
    this(((PrometheusMeterRegistry) BackendRegistries.getNow(registryName))::scrape, offLoop,
        System::nanoTime);
  }

  MetricsHandler(Callable<String> scrape, OffLoop offLoop, LongSupplier clock) {
    this.scrape = scrape;
    this.offLoop = offLoop;
    this.clock = clock;
  }

  void scrape(RoutingContext rc) {
    latest().onSuccess(scrape -> {
      rc.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
      if (!HeadAsGet.asked(rc)) {
        // never compressed on the loop; Vert.x takes the header off a GET's answer (a HEAD's,
        // never compressed, would carry it)
        rc.response().putHeader("Content-Encoding", "identity");
      }
      rc.response().end(scrape.bytes());
    }).onFailure(rc::fail);
  }

  /**
   * The scrape being written, or the last one if it was written under a second ago, or a new
   * one.
   */
  Future<String> text() {
    return latest().map(Scrape::text);
  }

  private synchronized Future<Scrape> latest() {
    long now = clock.getAsLong();
    boolean stale = latest == null || latest.failed()
        || latest.succeeded() && now - latest.result().writtenAt() >= MAX_AGE_NANOS;
    if (stale) {
      latest = offLoop.run(() -> {
        String text = scrape.call();
        return new Scrape(text, Buffer.buffer(text), clock.getAsLong());
      });
    }
    return latest;
  }
}
