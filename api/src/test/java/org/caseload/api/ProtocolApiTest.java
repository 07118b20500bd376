package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseload.api.FindingsApiTest.assertRawProblem;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A third attack on the API, at the level of HTTP (2026-11-30), one test a finding: request
 * smuggling with Content-Length and Transfer-Encoding, targets in absolute form of other
 * schemes, raw bytes and control characters in the request target, clients that go before
 * their body, no-store on event streams and missing page files, a page file's 405.
 */
class ProtocolApiTest extends ServerPerClass {

  private int port() {
    return api.server.port();
  }

  /**
   * The attack as it was found: Content-Length framing a chunked body that ends early and
   * carries the start of a DELETE, which the next request on the connection (a proxy's, with
   * another client's token) completed and ran. The body is refused before it is read, 411,
   * the connection closed: the DELETE never runs.
   */
  @Test
  void contentLengthWithChunked_isRefusedAndTheConnectionClosed_soNothingIsSmuggled()
      throws Exception {
    String id = api.post("/api/v1/scenarios", new JsonObject().put("scenario",
        ScenarioApiTest.scenario("Not to be smuggled away"))).bodyAsJsonObject().getString("id");
    String hidden = "0\r\n\r\nDELETE /api/v1/scenarios/" + id + " HTTP/1.1\r\nX-Ignore: ";
    String attack = "POST /health HTTP/1.1\r\nHost: localhost\r\nContent-Type:"
        + " application/json\r\nContent-Length: " + hidden.length()
        + "\r\nTransfer-Encoding: chunked\r\n\r\n" + hidden;
    String victim = "GET /api/v1/presets HTTP/1.1\r\nHost: localhost\r\n\r\n";
    String answers;
    try (Socket socket = new Socket("127.0.0.1", port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(attack.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      TestServer.sleep(300);
      try {
        socket.getOutputStream().write(victim.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
      } catch (IOException closed) {
        // the server has closed the connection already: as it should
      }
      answers = readToEnd(socket.getInputStream());
    }
    assertThat(answers).as(answers).startsWith("HTTP/1.1 411 ");
    assertThat(answers.split("HTTP/1.1 ", -1)).as("one answer, then the connection closed: "
        + answers).hasSize(2);
    assertThat(answers.toLowerCase()).contains("connection: close");
    assertThat(api.get("/api/v1/scenarios/" + id).statusCode()).isEqualTo(200);
  }

  /** A chunked body alone is refused too (bodies are framed by Content-Length), naming it. */
  @Test
  void aChunkedBody_is411NamingTransferEncoding() {
    String request = "POST /api/v1/scenarios HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type:"
        + " application/json\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n";
    RawHttp.Response response = RawHttp.send(port(), request);
    assertRawProblem(response, 411, "Transfer-Encoding");
    assertThat(response.header("connection")).isEqualTo("close");
    assertThat(response.header("cache-control")).isEqualTo("no-store");
  }

  /**
   * HEAD is the GET of the same target, whatever its form: a target in absolute form had been
   * rerouted as written, a 500 ('path must start with /'), and one with a '#' had been routed
   * to the path before it (HEAD /health#x answered /health's 200 where the GET was a 404): a
   * '#' is now refused, as a request target has no fragment.
   */
  @Test
  void head_ofAnyTarget_isTheGetOfThatTarget() {
    String[] targets = {"http://127.0.0.1:" + port() + "/health",
        "http://127.0.0.1:" + port() + "/api/v1/presets/no-such?x=1",
        "/health#/../api/v1/presets/no-such", "/health#x", "/api/v1/presets/no-such#x",
        "/api/v1/%70resets", "/api/v1/presets?x=%23"};
    for (String target : targets) {
      RawHttp.Response get = RawHttp.send(port(), RawHttp.request("GET", target, "", ""));
      RawHttp.Response head = RawHttp.send(port(), RawHttp.request("HEAD", target, "", ""));
      assertThat(head.status()).as(target + ": " + head).isEqualTo(get.status())
          .isLessThan(500);
      assertThat(head.header("content-type")).as(target).isEqualTo(get.header("content-type"));
      assertThat(head.body()).as(target).isEmpty();
    }
    // a fragment has no place in a request target: refused, GET and HEAD alike (a HEAD had
    // been rerouted to the path before the '#': /health's 200 where the GET was a 404)
    for (String method : new String[] {"GET", "HEAD", "POST"}) {
      RawHttp.Response fragment = RawHttp.send(port(), RawHttp.request(method, "/health#x", "",
          ""));
      assertThat(fragment.status()).as(method).isEqualTo(400);
    }
    assertRawProblem(RawHttp.send(port(), RawHttp.request("GET", "/health#x", "", "")), 400,
        "path");
  }

  /** A target in absolute form of another scheme is checked by its host, as http's is. */
  @Test
  void absoluteTargetsOfOtherSchemes_namingAnotherHost_are400() {
    for (String scheme : new String[] {"ws", "ftp", "HTTPS", "x-custom+y"}) {
      assertRawProblem(RawHttp.send(port(), "GET " + scheme + "://evil.example/api/v1/presets"
          + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"), 400, "path");
    }
    assertThat(RawHttp.send(port(), "GET ws://127.0.0.1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Connection: close\r\n\r\n").status()).isEqualTo(200);
  }

  /**
   * Raw bytes outside visible ASCII in the request target (UTF-8 sent unencoded, an overlong
   * form) had been read as Latin-1 ("no preset mÃ©dway"); a DEL, percent-encoded or raw,
   * reached the handlers. All are 400s naming the path, or the parameter when decoded.
   */
  @Test
  void rawBytesAndControlCharactersInTheTarget_are400NamingThePath() {
    byte[] utf8 = "GET /api/v1/presets/m\u00e9dway HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        .getBytes(StandardCharsets.UTF_8);
    JsonObject problem = assertRawProblem(RawHttp.send(port(), utf8), 400, "path");
    assertThat(problem.encode()).doesNotContain("\u00c3");
    byte[] overlong = ("GET /api/v1/presets/a" + (char) 0xC0 + (char) 0xAF + "b HTTP/1.1\r\n"
        + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    assertRawProblem(RawHttp.send(port(), overlong), 400, "path");
    byte[] del = ("GET /api/v1/presets/a" + (char) 0x7F + "b HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    assertRawProblem(RawHttp.send(port(), del), 400, "path");
    JsonObject encoded = assertRawProblem(RawHttp.send(port(), RawHttp.request("GET",
        "/api/v1/presets/a%7Fb", "", "")), 400, "name");
    assertThat(encoded.encode()).contains("U+007F");
    // a query value with a control character is said to have one (it was "is not valid here")
    JsonObject wait = assertRawProblem(RawHttp.send(port(), RawHttp.request("GET",
        "/api/v1/runs/00000000-0000-4000-8000-000000000000?wait=%00", "", "")), 400, "wait");
    assertThat(wait.getJsonArray("errors").getJsonObject(0).getString("reason"))
        .contains("control character");
    // percent-encoded UTF-8 is still a name, looked up as such
    assertRawProblem(RawHttp.send(port(), RawHttp.request("GET", "/api/v1/presets/m%C3%A9dway",
        "", "")), 404, "name");
  }

  /**
   * A client that sends a body's headers and goes before the body (closing, or resetting the
   * connection) had its request logged at ERROR with a stack ("unhandled failure"), or at WARN
   * as the database being unavailable (a reset is an IOException), and counted as a 500: anyone
   * could fill the log and the error count. Now nothing is logged and no 500 counted.
   */
  @Test
  void clientsThatGoBeforeTheirBody_areNeitherLoggedNorCountedAsServerErrors() throws Exception {
    try (LoggedProblems logged = new LoggedProblems()) {
      for (int i = 0; i < 20; i++) {
        for (String path : new String[] {"/api/v1/scenarios", "/health", "/api/v1/runs"}) {
          try (Socket socket = new Socket("127.0.0.1", port())) {
            if (i % 2 == 1) {
              socket.setSoLinger(true, 0); // closing resets the connection
            }
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type:"
                + " application/json\r\nContent-Length: 500\r\n"
                + (i % 4 < 2 ? "Expect: 100-continue\r\n" : "") + "\r\n{\"na";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            TestServer.sleep(20);
          }
        }
      }
      TestServer.sleep(300);
      assertThat(logged.events()).as("logged")
          .extracting(e -> e.getLevel() + " " + e.getMessage()).noneMatch(line -> line.startsWith("ERROR") || line.startsWith("WARN"));
      String metrics = api.metrics();
      assertThat(metrics).doesNotContainPattern(
          "vertx_http_server_requests_total\\{[^}]*code=\"5");
      assertThat(api.get("/health").statusCode()).isEqualTo(200);
    }
  }

  /**
   * Every answer with data is no-store: a run's event stream said no-cache (it carries the
   * run behind the token), and so did a missing page file's 404 problem.
   */
  @Test
  void eventStreamsAndMissingPageFiles_areNoStore() {
    String run = api.submit("/api/v1/runs", new JsonObject().put("preset", "synthetic-small")
        .put("replications", 8).put("months", 2));
    api.awaitEnd(run, java.time.Duration.ofSeconds(60));
    for (String method : new String[] {"GET", "HEAD"}) {
      RawHttp.Response events = RawHttp.send(port(), RawHttp.request(method, run + "/events",
          "", ""));
      assertThat(events.status()).as(events.toString()).isEqualTo(200);
      assertThat(events.header("cache-control")).as(method).isEqualTo("no-store");
    }
    RawHttp.Response missing = RawHttp.send(port(), RawHttp.request("GET",
        "/assets/no-such-file.js", "", ""));
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.header("cache-control")).isEqualTo("no-store");
  }

  /** A page file's 405 lists what it answers (its Allow had been empty, and its reason cut). */
  @Test
  void aPageFilesMethodNotAllowed_listsGetAndHead() {
    for (String[] request : new String[][] {{"DELETE", "/assets/index.js"},
        {"POST", "/assets/index.js"}, {"POST", "/assets/api-docs/init.js"}}) {
      RawHttp.Response response = RawHttp.send(port(), RawHttp.request(request[0], request[1],
          "", ""));
      assertThat(response.status()).as(response.toString()).isEqualTo(405);
      assertThat(response.header("allow")).isEqualTo("GET, HEAD");
      assertThat(response.body()).contains("it supports GET, HEAD");
    }
  }

  private static String readToEnd(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        all.write(buffer, 0, n);
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the connection was kept open: " + all, e);
    } catch (java.net.SocketException e) {
      // reset by the server after its answer
    }
    return all.toString(StandardCharsets.ISO_8859_1);
  }
}
