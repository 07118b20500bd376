package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A server stopping answers the requests it is working on: a status request waiting on a
 * running run (?wait=30) gets the run's end, where the connection had been cut with no answer
 * (a review's finding: the HTTP server was closed before the runs were stopped).
 */
@ExtendWith(VertxExtension.class)
class ShutdownApiTest {

  @Test
  @Timeout(120)
  void aWaitingRequest_isAnsweredWhenTheServerStops(Vertx vertx) throws Exception {
    TestServer api = TestServer.start(vertx);
    int port = api.server.port();
    String location = api.submit("/api/v1/runs", new JsonObject().put("preset", "medway-2019")
        .put("replications", 100_000).put("months", 120));
    api.awaitProgress(location, Duration.ofSeconds(60));
    CompletableFuture<RawHttp.Response> waiting = CompletableFuture.supplyAsync(
        () -> RawHttp.send(port, RawHttp.request("GET", location + "?wait=30", "", "")));
    TestServer.sleep(500); // the request is in, waiting on the run
    long start = System.nanoTime();
    api.close();
    RawHttp.Response response = waiting.get(30, TimeUnit.SECONDS);
    assertThat(response.status()).as("%s", response).isEqualTo(200);
    assertThat(new JsonObject(response.body()).getString("status")).isEqualTo("failed");
    assertThat((System.nanoTime() - start) / 1e9).as("seconds to stop").isLessThan(30);
  }
}
