package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/**
 * Slow and idle clients cannot hold the server (read timeout, connection limit), a run can
 * be waited for, a busy port is named as such, and the server reads time from its clock.
 */
@ExtendWith(VertxExtension.class)
class ConnectionsApiTest {

  @Test
  void slowLorisConnectionsAreClosedAndHealthKeepsAnswering(Vertx vertx) throws Exception {
    ConnectionLimits limits = ConnectionLimits.DEFAULT.withReadTimeout(Duration.ofSeconds(1));
    try (TestServer api = TestServer.start(vertx, c -> c.withConnections(limits))) {
      int port = api.server.port();
      List<Socket> slow = new ArrayList<>();
      try {
        for (int i = 0; i < 150; i++) {
          Socket socket = new Socket("127.0.0.1", port);
          socket.getOutputStream().write(("POST /api/v1/runs HTTP/1.1\r\nHost: 127.0.0.1\r\n"
              + (i % 2 == 0 ? "X-Slow: a" : "Content-Type: application/json\r\n"
                  + "Content-Length: 100\r\n\r\n{\"pre")).getBytes(StandardCharsets.UTF_8));
          slow.add(socket);
        }
        for (int i = 0; i < 5; i++) {
          long start = System.nanoTime();
          assertThat(RawHttp.send(port, RawHttp.request("GET", "/health", "", "")).status())
              .isEqualTo(200);
          assertThat((System.nanoTime() - start) / 1e6).as("ms for /health").isLessThan(2_000);
        }
        TestServer.sleep(2_500);
        int closed = 0;
        int timedOut = 0;
        for (Socket socket : slow) {
          socket.setSoTimeout(2_000);
          String answer = readAll(socket.getInputStream());
          closed++;
          timedOut += answer.startsWith("HTTP/1.1 408") ? 1 : 0;
        }
        assertThat(closed).as("slow connections closed by the server").isEqualTo(150);
        assertThat(timedOut).as("late bodies answered 408").isEqualTo(75);
      } finally {
        for (Socket socket : slow) {
          socket.close();
        }
      }
    }
  }

  private static String readAll(InputStream in) throws IOException {
    StringBuilder text = new StringBuilder();
    byte[] buffer = new byte[4096];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the server kept a slow connection open: " + text, e);
    } catch (java.net.SocketException e) {
      // reset: closed by the server
    }
    return text.toString();
  }

  /**
   * Beyond the limit a new connection closes the one silent longest, so clients that open
   * sockets and send nothing cannot shut others out (1,000 had: /health/live went
   * unanswered); when every connection has a request in flight, the new one is closed at once.
   */
  @Test
  void connectionsBeyondTheLimit_closeTheLongestSilentOne_orAreClosedWhenNoneIsSilent(
      Vertx vertx) throws Exception {
    ConnectionLimits limits = ConnectionLimits.DEFAULT.withMaxConnections(20);
    try (TestServer api = TestServer.start(vertx, c -> c.withConnections(limits))) {
      int port = api.server.port();
      List<Socket> held = new ArrayList<>();
      try {
        for (int i = 0; i < 20; i++) {
          held.add(new Socket("127.0.0.1", port));
          TestServer.sleep(5); // in order of their opening
        }
        TestServer.sleep(300);
        List<Socket> clients = new ArrayList<>();
        for (int i = 0; i < 5; i++) { // new clients keeping their connections
          Socket client = new Socket("127.0.0.1", port);
          clients.add(client);
          client.setSoTimeout(5_000);
          client.getOutputStream().write("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
              .getBytes(StandardCharsets.UTF_8));
          assertThat(RawHttp.read(client.getInputStream()).status())
              .as("a new client among 20 silent sockets").isEqualTo(200);
        }
        held.addAll(clients);
        TestServer.sleep(300);
        // the five silent longest are closed, one for each new client
        StringBuilder closed = new StringBuilder();
        for (Socket socket : held) {
          socket.setSoTimeout(200);
          closed.append(closedByServer(socket) ? 'x' : '.');
        }
        assertThat(closed.toString()).as("sockets closed by the server, oldest first")
            .isEqualTo("xxxxx" + ".".repeat(20));
        for (Socket socket : held) {
          socket.close();
        }
        held.clear();
        TestServer.sleep(300);

        for (int i = 0; i < 20; i++) { // every one with a request in flight: a late body
          Socket socket = new Socket("127.0.0.1", port);
          socket.getOutputStream().write(("POST /api/v1/runs HTTP/1.1\r\nHost: 127.0.0.1\r\n"
              + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"pre")
              .getBytes(StandardCharsets.UTF_8));
          held.add(socket);
        }
        TestServer.sleep(300);
        try (Socket extra = new Socket("127.0.0.1", port)) {
          extra.setSoTimeout(5_000);
          assertThat(extra.getInputStream().read()).as("closed at once").isEqualTo(-1);
        } catch (java.net.SocketException e) {
          // reset: closed at once
        }
      } finally {
        for (Socket socket : held) {
          socket.close();
        }
      }
      TestServer.sleep(300);
      assertThat(api.get("/health/live").statusCode()).isEqualTo(200);
    }
  }

  /** Whether the server has closed {@code socket} (end of stream or reset before its timeout). */
  private static boolean closedByServer(Socket socket) throws IOException {
    try {
      return socket.getInputStream().read() == -1;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (java.net.SocketException e) {
      return true;
    }
  }

  /**
   * A request's headers do not restart its time: headers dribbled for most of the read
   * timeout leave its body a third of it (they had left it the whole timeout again).
   */
  @Test
  void headersDribbledLate_leaveTheBodyAThirdOfTheTimeout(Vertx vertx) throws Exception {
    ConnectionLimits limits = ConnectionLimits.DEFAULT.withReadTimeout(Duration.ofSeconds(3));
    try (TestServer api = TestServer.start(vertx, c -> c.withConnections(limits))) {
      try (Socket socket = new Socket("127.0.0.1", api.server.port())) {
        long start = System.nanoTime();
        String head = "POST /api/v1/runs HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type:"
            + " application/json\r\nContent-Length: 100\r\n\r\n";
        for (int i = 0; i < head.length(); i++) { // about 2.5 s of the 3
          socket.getOutputStream().write(head.charAt(i));
          socket.getOutputStream().flush();
          TestServer.sleep(2_500 / head.length());
        }
        socket.setSoTimeout(10_000);
        String answer = readAll(socket.getInputStream());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(answer).startsWith("HTTP/1.1 408");
        // the window's end (3 s) or a third of it after the headers (about 3.5 s), plus the
        // 0.2 s sweep; restarted by the headers it would be 5.5 s or more
        assertThat(seconds).as("seconds to the 408").isLessThan(4.6);
      }
    }
  }

  @Test
  void resultsCanBeWaitedForSoTheReadmeWalkThroughWorks(Vertx vertx) {
    try (TestServer api = TestServer.start(vertx)) {
      String run = api.submit("/api/v1/runs", new JsonObject().put("preset", "synthetic-small")
          .put("replications", 500).put("months", 12).put("seed", 7));
      long start = System.nanoTime();
      var results = api.get(run + "/results?wait=60");
      assertThat(results.statusCode()).as(results.bodyAsString()).isEqualTo(200);
      assertThat((System.nanoTime() - start) / 1e9).isLessThan(60);
      assertThat(api.get(run + "?wait=5").bodyAsJsonObject().getString("status"))
          .isEqualTo("succeeded");
      ProblemAssertions.assertBadField(api.get(run + "/results?wait=61"), "wait", "");
    }
  }

  @Test
  void aBusyPortIsNamedAndExits2(Vertx vertx) throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1,
        java.net.InetAddress.getByName("127.0.0.1"))) {
      String url = TestDatabase.fresh();
      try {
        StringWriter err = new StringWriter();
        CommandLine line = new CommandLine(new ServeCommand()).setErr(new PrintWriter(err));
        int code = line.execute("--port", Integer.toString(busy.getLocalPort()), "--db-url",
            url, "--data", "../data/dfe");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("caseload serve: --port: "
            + busy.getLocalPort() + " is in use on 127.0.0.1");
      } finally {
        TestDatabase.drop(url);
      }
    }
  }

  @Test
  void timesComeFromTheServersClock(Vertx vertx) throws Exception {
    Instant fixed = Instant.parse("2030-01-31T12:00:00Z");
    ServerConfig config = TestServer.config(TestDatabase.fresh());
    try (CaseloadServer server = CaseloadServer.start(config,
        Clock.fixed(fixed, ZoneOffset.UTC))) {
      var client = io.vertx.ext.web.client.WebClient.create(vertx);
      try {
        JsonObject created = client.post(server.port(), "127.0.0.1", "/api/v1/scenarios")
            .sendJsonObject(new JsonObject().put("scenario",
                ScenarioApiTest.scenario("clocked"))).await().bodyAsJsonObject();
        assertThat(created.getString("createdAt")).isEqualTo("2030-01-31T12:00:00Z");
        assertThat(created.getString("updatedAt")).isEqualTo("2030-01-31T12:00:00Z");
      } finally {
        client.close();
      }
    } finally {
      TestDatabase.drop(config.databaseUrl());
    }
  }
}
