package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * What anyone may ask without the token ({@code /metrics} and the planners' page's files) is
 * sent as it is, never compressed on the event loop for each client: 100 clients asking
 * {@code /metrics} at once with {@code Accept-Encoding: gzip} (as Prometheus sends it) had
 * held the loop about 0.9 s in one go (the shared scrape was deflated once per waiting
 * client, all in one task), and 50 asking the page's script (344 KB) 0.5 to 0.8 s, stalling
 * every other request, health checks included. Bounded at 100 ms, as the other loop checks.
 */
class OpenFilesCompressionTest extends ServerPerClass {

  private static final List<String> OPEN = List.of("/metrics", "/assets/index.js", "/",
      "/api/v1/docs", "/assets/api-docs/swagger-ui.css");

  @Test
  void openFiles_areNotCompressed_evenWhenTheClientAcceptsGzip() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    for (String path : OPEN) {
      HttpResponse<byte[]> gzip = client.send(request(path), HttpResponse.BodyHandlers
          .ofByteArray());
      assertThat(gzip.statusCode()).as(path).isEqualTo(200);
      assertThat(gzip.headers().firstValue("content-encoding")).as(path).isEmpty();
      assertThat(gzip.body()).as(path).isNotEmpty();
      HttpResponse<Void> head = client.send(HttpRequest.newBuilder(URI.create(
          "http://127.0.0.1:" + api.server.port() + path)).header("Accept-Encoding", "gzip")
          .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.discarding());
      assertThat(head.statusCode()).as("HEAD " + path).isEqualTo(200);
      assertThat(head.headers().firstValue("content-encoding")).as("HEAD " + path).isEmpty();
    }
  }

  @Test
  void manyClientsAskingOpenFilesWithGzip_doNotHoldTheEventLoop() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    for (String path : List.of("/metrics", "/assets/index.js")) {
      try (LoopProbe probe = LoopProbe.start(api.server.port())) {
        TestServer.sleep(100);
        for (int round = 0; round < 3; round++) {
          List<CompletableFuture<HttpResponse<byte[]>>> answers = new ArrayList<>();
          for (int i = 0; i < 60; i++) {
            answers.add(client.sendAsync(request(path),
                HttpResponse.BodyHandlers.ofByteArray()));
          }
          for (CompletableFuture<HttpResponse<byte[]>> answer : answers) {
            assertThat(answer.get().statusCode()).as(path).isEqualTo(200);
          }
        }
        TestServer.sleep(100);
        assertThat(probe.probes()).isPositive();
        assertThat(probe.longestBusyMillis()).as("longest stall working on the event loop, "
            + path).isLessThan(100);
      }
    }
  }

  private HttpRequest request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.server.port() + path))
        .header("Accept-Encoding", "gzip").build();
  }
}
