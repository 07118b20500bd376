package org.caseload.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics} scrapes are shared: every request while one is written and for a second
 * after gets it (an attack of 50 clients scraping as fast as they could had stalled the event
 * loop for seconds). The clock is the test's, so nothing here depends on timing.
 */
class MetricsHandlerTest {

  private final Vertx vertx = Vertx.vertx();
  private final AtomicLong now = new AtomicLong();
  private final AtomicInteger scrapes = new AtomicInteger();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void requestsWhileAScrapeIsWrittenAndForASecondAfter_shareIt() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    MetricsHandler handler = new MetricsHandler(() -> {
      release.await(10, TimeUnit.SECONDS);
      return "scrape " + scrapes.incrementAndGet();
    }, new OffLoop(vertx), now::get);
    java.util.List<Future<String>> asked = new java.util.ArrayList<>();
    for (int i = 0; i < 50; i++) {
      asked.add(handler.text());
    }
    release.countDown();
    for (Future<String> text : asked) {
      assertThat(text.await()).isEqualTo("scrape 1");
    }
    assertThat(scrapes).hasValue(1);
    // a second from when it was written (the clock read 0 then)
    now.set(MetricsHandler.MAX_AGE_NANOS - 1);
    assertThat(handler.text().await()).isEqualTo("scrape 1");
    now.set(MetricsHandler.MAX_AGE_NANOS);
    assertThat(handler.text().await()).isEqualTo("scrape 2");
    assertThat(scrapes).hasValue(2);
  }

  @Test
  void aFailedScrape_isNotServedAgain() {
    AtomicInteger calls = new AtomicInteger();
    MetricsHandler handler = new MetricsHandler(() -> {
      if (calls.incrementAndGet() == 1) {
        throw new IllegalStateException("registry busy");
      }
      return "scrape " + calls.get();
    }, new OffLoop(vertx), now::get);
    Future<String> failed = handler.text();
    assertThat(failed.transform(r -> Future.succeededFuture(r.failed())).await()).isTrue();
    assertThat(handler.text().await()).isEqualTo("scrape 2");
  }
}
