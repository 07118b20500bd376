package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * {@code --access-log}: each request is logged when answered, a refused one (401, 404; a Host
 * not the server's, Expect, a header too large, refused before routing) too, a HEAD once,
 * with the time taken, never its token, and what the client sent cannot forge or colour the
 * line; without the flag nothing is.
 */
@ExtendWith(VertxExtension.class)
class AccessLogTest {

  private static final String LOGGER = "org.caseload.api.http.AccessLogLine";
  private static final String TOKEN = "an-access-log-token-0123456789";

  private static List<String> requestsLogged(Vertx vertx, boolean accessLog) {
    Logger logger = (Logger) LoggerFactory.getLogger(LOGGER);
    ListAppender<ILoggingEvent> seen = new ListAppender<>();
    seen.start();
    logger.addAppender(seen);
    try (TestServer api = TestServer.start(vertx,
        c -> c.withToken(TOKEN).withAccessLog(accessLog))) {
      assertThat(api.get("/api/v1/presets").statusCode()).isEqualTo(200);
      WebClient anonymous = WebClient.create(vertx, new WebClientOptions()
          .setDefaultHost("127.0.0.1").setDefaultPort(api.server.port()));
      assertThat(anonymous.get("/api/v1/scenarios").send().await().statusCode()).isEqualTo(401);
      assertThat(api.get("/nowhere").statusCode()).isEqualTo(404);
      // the token sent in the query (refused) by name, by another name, and percent-encoded,
      // and refused in front of the router (a Host not the server's); a secret of another name
      assertThat(anonymous.get("/api/v1/presets?access_token=" + TOKEN).send().await()
          .statusCode()).isEqualTo(401);
      assertThat(anonymous.get("/api/v1/presets?x=" + TOKEN.replace("-", "%2D")).send().await()
          .statusCode()).isEqualTo(401);
      assertThat(RawHttp.send(api.server.port(), "GET /health?t=" + TOKEN + " HTTP/1.1\r\n"
          + "Host: evil.example\r\nUser-Agent: probe-query\r\nConnection: close\r\n\r\n")
          .status()).isEqualTo(400);
      assertThat(anonymous.get("/api/v1/presets?api_key=an-older-secret&limit=5").send().await()
          .statusCode()).isEqualTo(401);
      anonymous.close();
      assertThat(rawGet(api.server.port(), "/health/live", FORGED)).startsWith("HTTP/1.1 200");
      // refused in front of the router, and by the codec: logged too
      int port = api.server.port();
      assertThat(RawHttp.send(port, "GET /health HTTP/1.1\r\nHost: evil.example\r\n"
          + "User-Agent: probe-host\r\nConnection: close\r\n\r\n").status()).isEqualTo(400);
      assertThat(RawHttp.send(port, RawHttp.request("GET", "/health",
          "User-Agent: probe-expect\r\nExpect: foo\r\n", "")).status()).isEqualTo(417);
      assertThat(RawHttp.send(port, RawHttp.request("GET", "/health",
          "User-Agent: probe-431\r\nX-Big: " + "a".repeat(20_000) + "\r\n", "")).status())
          .isEqualTo(431);
      assertThat(RawHttp.send(port, RawHttp.request("HEAD", "/health",
          "User-Agent: probe-head\r\n", "")).status()).isEqualTo(200);
      assertThat(RawHttp.send(port, RawHttp.request("GET", "/" + "a".repeat(70_000), "", ""))
          .status()).isEqualTo(414);
      // a result (whose handler ends the context with a handler of its own), as CSV
      String run = api.submit("/api/v1/runs", new io.vertx.core.json.JsonObject()
          .put("preset", "synthetic-small").put("replications", 4).put("months", 1));
      api.awaitEnd(run, java.time.Duration.ofSeconds(60));
      assertThat(api.get(run + "/results?format=csv").statusCode()).isEqualTo(200);
      // a client that goes before its body has arrived
      try (Socket socket = new Socket("127.0.0.1", port)) {
        socket.getOutputStream().write(("POST /api/v1/scenarios HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Authorization: Bearer " + TOKEN + "\r\nUser-Agent: probe-left\r\n"
            + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"scen")
            .getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        TestServer.sleep(300);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      TestServer.sleep(300);
    } finally {
      logger.detachAppender(seen);
    }
    return seen.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  /**
   * A client's User-Agent that would clear a terminal (an 8-bit CSI, which HTTP lets through
   * as obs-text; Vert.x's client refuses to send an ESC) and close the quotes of the line.
   */
  private static final String FORGED = "evil\u009b2J\" 999 0 ms \"x" + "y".repeat(2_000);

  /** The status line of a GET of {@code path} sent as raw bytes, the header as given. */
  private static String rawGet(int port, String path, String userAgent) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
          + "\r\nUser-Agent: " + userAgent + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1)
          .lines().findFirst().orElse("");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void withTheFlag_everyRequestIsLoggedWithItsStatus_neverTheToken(Vertx vertx) {
    List<String> lines = requestsLogged(vertx, true);
    assertThat(lines).anySatisfy(l -> assertThat(l).matches(
        "127\\.0\\.0\\.1 \"GET /api/v1/presets HTTP/1\\.1\" 200 [1-9][0-9]* [0-9]+ ms \".*\""));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("GET /api/v1/scenarios", " 401 "));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("GET /nowhere", " 404 "));
    assertThat(String.join("\n", lines)).doesNotContain(TOKEN)
        .doesNotContain(TOKEN.replace("-", "%2D")).doesNotContain("an-older-secret");
    assertThat(lines).anySatisfy(l -> assertThat(l)
        .contains("\"GET /api/v1/presets?access_token=[token] HTTP/1.1\" 401 "));
    assertThat(lines).anySatisfy(l -> assertThat(l)
        .contains("\"GET /api/v1/presets?x=[token] HTTP/1.1\" 401 "));
    assertThat(lines).anySatisfy(l -> assertThat(l)
        .contains("\"GET /api/v1/presets?api_key=[hidden]&limit=5 HTTP/1.1\" 401 "));
    assertThat(lines).filteredOn(l -> l.contains("probe-query")).singleElement().asString()
        .contains("\"GET /health?t=[token] HTTP/1.1\" 400 ");
    // refused before routing (a Host not this server's, Expect) and by the codec (431): a
    // line each, as for routed requests; a HEAD is one line, as HEAD, with no body sent
    assertThat(lines).filteredOn(l -> l.contains("probe-host")).singleElement().asString()
        .contains("\"GET /health HTTP/1.1\" 400 ");
    assertThat(lines).filteredOn(l -> l.contains("probe-expect")).singleElement().asString()
        .contains("\"GET /health HTTP/1.1\" 417 ");
    assertThat(lines).filteredOn(l -> l.contains(" 431 ")).singleElement().asString()
        .startsWith("127.0.0.1 \"GET /health HTTP/1.1\" 431 ");
    // the codec's 414 cannot read the line it refuses: "-", not the GET /bad-request it makes up
    assertThat(lines).filteredOn(l -> l.contains(" 414 ")).singleElement().asString()
        .startsWith("127.0.0.1 \"-\" 414 ");
    assertThat(lines).filteredOn(l -> l.contains("/results?format=csv")).singleElement()
        .asString().matches("127\\.0\\.0\\.1 \"GET /api/v1/runs/[-0-9a-f]+/results\\?format=csv"
            + " HTTP/1\\.1\" 200 [1-9][0-9]* [0-9]+ ms \".*\"");
    assertThat(lines).filteredOn(l -> l.contains("probe-left")).singleElement().asString()
        .startsWith("127.0.0.1 \"POST /api/v1/scenarios HTTP/1.1\" - 0 ")
        .endsWith("\"probe-left\" (client left)");
    assertThat(lines).filteredOn(l -> l.contains("probe-head")).singleElement().asString()
        .matches("127\\.0\\.0\\.1 \"HEAD /health HTTP/1\\.1\" 200 0 [0-9]+ ms \"probe-head\"");
    // what the client sent cannot forge the line: controls and quotes shown as '?', cut
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(
        "127.0.0.1 \"GET /health/live HTTP/1.1\" 200 ").contains("\"evil?2J? 999 0 ms ?xyyy")
        .endsWith("y...(" + FORGED.length() + " characters)\"").doesNotContain("\u009b"));
  }

  @Test
  void withoutIt_nothingIsLogged(Vertx vertx) {
    assertThat(requestsLogged(vertx, false)).isEmpty();
  }
}
