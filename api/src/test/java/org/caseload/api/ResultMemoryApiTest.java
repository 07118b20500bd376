package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import org.caseload.api.store.DatabaseAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stored results being sent share a memory budget (Limits.resultBytes): slow clients of one
 * large result had run a 1 GiB server out of memory (45 readers at 2 KB/s of 23 MB). A
 * download that does not fit while another holds the memory is a 429 with Retry-After; a
 * small one beside it is sent; the memory comes back when the slow client goes; a result
 * larger than the budget is sent when (almost) nothing else is held.
 */
@ExtendWith(VertxExtension.class)
class ResultMemoryApiTest {

  /** The budget of the server under test. */
  private static final long BUDGET = 64L << 20;
  /** About 6 MB of CSV: twice that (text and read buffer) is 12 MB of the budget. */
  private static final int LINES = 90_000;
  /**
   * About 24 MB: twice that is three quarters of the budget, and far more than the socket
   * buffers and the server's write queue hold between them (6 MB had not been: on a loaded
   * machine a client that read 1 KB had been sent all 6 MB, as far as the server could tell,
   * and the memory came back), so a client that reads no more keeps its answer unfinished.
   */
  private static final int SLOW_LINES = 360_000;
  /** About 40 MB: twice that is over the budget, sent when nothing else is held. */
  private static final int LARGE_LINES = 600_000;
  private static final String LINE =
      "month,1,2019-10-31,caseload,18.25,1.2,0.1,16,16.5,17,18,19,20,21,1\n";

  @Test
  void downloadsBeyondTheMemory_are429_untilItComesBack(Vertx vertx) throws Exception {
    try (TestServer api = TestServer.start(vertx,
        c -> c.withLimits(Limits.DEFAULT.withResultBytes(BUDGET)))) {
      String location = runWithCsv(api, LINES);
      String slowRun = runWithCsv(api, SLOW_LINES);
      String large = runWithCsv(api, LARGE_LINES);
      String csv = location + "/results?format=csv";
      String slowCsv = slowRun + "/results?format=csv";
      assertThat(download(api, large + "/results?format=csv", LARGE_LINES).statusCode())
          .as("alone, over the budget").isEqualTo(200);

      try (Socket slow = new Socket("127.0.0.1", api.server.port())) {
        slow.setReceiveBufferSize(4096);
        slow.getOutputStream().write(RawHttp.request("GET", slowCsv, "", "")
            .getBytes(StandardCharsets.US_ASCII));
        byte[] first = slow.getInputStream().readNBytes(1024); // then it reads no more
        assertThat(new String(first, StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 200");
        HttpResponse<String> refused = download(api, slowCsv, SLOW_LINES);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
        JsonObject problem = new JsonObject(refused.body());
        assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("field"))
            .isEqualTo("results");
        assertThat(download(api, large + "/results?format=csv", LARGE_LINES).statusCode())
            .as("over the budget, beside another").isEqualTo(429);
        // the JSON result is small: it fits beside the slow download
        assertThat(download(api, location + "/results", 0).statusCode()).isEqualTo(200);
        // a HEAD reads no result and takes none of the memory: answered beside the slow one
        // (it had been refused 429, the large result read whole to send no body)
        HttpResponse<Void> head = head(api, large + "/results?format=csv");
        assertThat(head.statusCode()).as("HEAD of the large result").isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
        HttpResponse<String> small = download(api, location + "/results", 0);
        assertThat(head(api, location + "/results").headers().firstValueAsLong("Content-Length"))
            .as("a small result's HEAD gives its GET's length")
            .hasValue(small.body().getBytes(StandardCharsets.UTF_8).length);
      }
      assertThat(awaitDownload(api, slowCsv, SLOW_LINES)).as("once the slow client has gone")
          .isEqualTo(200);
      // clients that leave at once, before their answer has begun, give back what they took
      // (a review's 40 such left large downloads refused for good)
      for (int i = 0; i < 40; i++) {
        try (Socket leaving = new Socket("127.0.0.1", api.server.port())) {
          leaving.setSoLinger(true, 0);
          leaving.getOutputStream().write(RawHttp.request("GET", csv, "", "")
              .getBytes(StandardCharsets.US_ASCII));
        }
      }
      Thread.sleep(2_000); // time for the server to have taken up every one of them
      // had each kept its 12 MB, the budget would have run out after the fifth
      assertThat(awaitDownload(api, csv, LINES)).as("after 40 clients that left")
          .isEqualTo(200);
    }
  }

  /** A run whose stored CSV is {@code lines} times LINE; its location. */
  private static String runWithCsv(TestServer api, int lines) throws Exception {
    String location = api.submit("/api/v1/runs", new JsonObject().put("preset",
        "synthetic-small").put("replications", 16).put("months", 2));
    assertThat(api.awaitEnd(location, Duration.ofSeconds(60)).getString("status"))
        .isEqualTo("succeeded");
    UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    DatabaseAddress address = DatabaseAddress.parse(api.databaseUrl);
    try (Connection sql = DriverManager.getConnection(address.jdbcUrl(), address.user(),
        address.password()); PreparedStatement update = sql.prepareStatement(
            "UPDATE runs SET result_csv = repeat(?, ?) WHERE id = ?")) {
      update.setString(1, LINE);
      update.setInt(2, lines);
      update.setObject(3, id);
      assertThat(update.executeUpdate()).isEqualTo(1);
    }
    return location;
  }

  /** The status of a download of {@code lines} once it is not 429, or the last after 20 s. */
  private static int awaitDownload(TestServer api, String target, int lines)
      throws Exception {
    int status = 0;
    for (long end = System.nanoTime() + 20_000_000_000L; System.nanoTime() < end; ) {
      status = download(api, target, lines).statusCode();
      if (status != 429) {
        return status;
      }
      Thread.sleep(100);
    }
    return status;
  }

  /** The answer to HEAD {@code target}. */
  private static HttpResponse<Void> head(TestServer api, String target) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
        "http://127.0.0.1:" + api.server.port() + target))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.discarding());
  }

  /** The answer to GET {@code target}; a CSV sent whole has {@code lines} lines. */
  private static HttpResponse<String> download(TestServer api, String target, int lines)
      throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + api.server.port() + target)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() == 200 && target.endsWith("csv")) {
      assertThat(response.body()).hasSize(LINE.length() * lines);
    }
    return response;
  }
}
