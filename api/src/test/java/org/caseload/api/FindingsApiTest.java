package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseload.api.ProblemAssertions.assertBadField;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.caseload.api.store.DatabaseAddress;
import org.junit.jupiter.api.Test;

/**
 * The findings of issue 11, one test each: what an attacker sent, and the 4xx problem it must
 * now get (never a 500, never plain text, never a stall of the event loop).
 */
class FindingsApiTest extends ServerPerClass {

  private static final String ID = "00000000-0000-4000-8000-000000000000";

  private int port() {
    return api.server.port();
  }

  private RawHttp.Response post(String path, String contentType, String body) {
    return RawHttp.send(port(), RawHttp.request("POST", path,
        contentType == null ? "" : "Content-Type: " + contentType + "\r\n", body));
  }

  /** Asserts a problem+json with this status naming {@code field}; returns its body. */
  static JsonObject assertRawProblem(RawHttp.Response response, int status, String field) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.isProblem()).as(response.toString()).isTrue();
    JsonObject body = response.json();
    assertThat(body.getInteger("status")).isEqualTo(status);
    JsonArray errors = body.getJsonArray("errors");
    assertThat(errors).as(response.toString()).isNotEmpty();
    assertThat(errors.getJsonObject(0).getString("reason")).isNotBlank();
    assertThat(errors.stream().map(e -> ((JsonObject) e).getString("field")))
        .as(response.toString()).contains(field);
    return body;
  }

  @Test
  void sixtyThousandUnknownFieldsAreAnsweredAtOnceWithoutStallingHealth() {
    StringBuilder body = new StringBuilder("{\"preset\":\"synthetic-small\"");
    for (int i = 0; i < 60_000; i++) {
      body.append(",\"field").append(i).append("\":1");
    }
    body.append('}');
    assertThat(body.length()).isBetween(800_000, 1_000_000);
    try (LoopProbe probe = LoopProbe.start(port())) {
      TestServer.sleep(100);
      long start = System.nanoTime();
      RawHttp.Response response = post("/api/v1/runs", "application/json", body.toString());
      double seconds = (System.nanoTime() - start) / 1e9;
      JsonObject problem = assertRawProblem(response, 400, "body");
      assertThat(problem.getString("detail")).contains("more than 1000 fields");
      StringBuilder some = new StringBuilder("{\"preset\":\"synthetic-small\"");
      for (int i = 0; i < 900; i++) {
        some.append(",\"field").append(i).append("\":1");
      }
      JsonObject listed = assertRawProblem(post("/api/v1/runs", "application/json",
          some.append('}').toString()), 400, "field0");
      assertThat(listed.getJsonArray("errors").size()).isEqualTo(100);
      assertThat(listed.getString("detail")).startsWith("900 problems");
      assertThat(seconds).as("answered in seconds").isLessThan(10);
      TestServer.sleep(100);
      assertThat(probe.probes()).isPositive();
      assertThat(probe.longestBusyMillis()).as("longest stall working on the event loop")
          .isLessThan(100);
    }
  }

  /**
   * 400,000 numbers where targets (texts) belong, an 800 KB body: the validator's errors and
   * their wording had held the event loop 2 to 6.5 s (a review's finding). Refused at once,
   * as is a body just under the count with every value of the wrong type.
   */
  @Test
  void fourHundredThousandValuesAreAnsweredAtOnceWithoutStallingHealth() {
    String huge = "{\"preset\":\"medway-2019\",\"targets\":[" + "1,".repeat(399_999) + "1]}";
    String under = "{\"preset\":\"medway-2019\",\"targets\":[" + "1,".repeat(9_990) + "1]}";
    try (LoopProbe probe = LoopProbe.start(port())) {
      TestServer.sleep(100);
      JsonObject problem = assertRawProblem(post("/api/v1/runs", "application/json", huge), 400,
          "body");
      assertThat(problem.getString("detail")).contains("more than 10,000 values");
      assertRawProblem(post("/api/v1/runs", "application/json", under), 400, "targets");
      TestServer.sleep(100);
      assertThat(probe.probes()).isPositive();
      assertThat(probe.longestBusyMillis()).as("longest stall working on the event loop")
          .isLessThan(100);
    }
  }

  /**
   * A key of 201 to 900,000 characters in {@code set} (of a run, a comparison's baseline and a
   * goal-seek): 25,000 had held the event loop 25 s (the wording of the validator's message
   * ran regular expressions over it) and 3,000 or more were a plain-text 500 (the path of the
   * value, a JSON pointer, overflowed the stack of the pointer's own regular expression). Each
   * is a 400 naming {@code set.KEY} (the key cut to 60 characters) with the contract's limit
   * (beyond 50,000 characters, the JSON reader's limit on keys, naming the body), answered at
   * once, with nothing stored and the loop never held 100 ms.
   */
  @Test
  void aHugeKeyInSet_isA400NamingIt_withoutStallingTheLoop() throws Exception {
    long stored = storedRuns();
    try (LoopProbe probe = LoopProbe.start(port())) {
      TestServer.sleep(100);
      for (int length : new int[] {201, 1_000, 3_000, 25_000, 49_000, 900_000}) {
        String key = "k".repeat(length);
        String set = "\"set\":{\"" + key + "\":1}";
        String shown = "set." + "k".repeat(60) + "...";
        for (String[] request : new String[][] {
            {"/api/v1/runs", "{\"preset\":\"synthetic-small\"," + set + "}", shown},
            {"/api/v1/comparisons", "{\"baseline\":{\"preset\":\"synthetic-small\"," + set
                + "},\"variants\":[{\"preset\":\"synthetic-small\"}]}", "baseline." + shown},
            {"/api/v1/goal-seeks", "{\"preset\":\"synthetic-small\"," + set
                + ",\"targets\":[\"caseload <= 20 at month 1\"],\"probability\":0.8,"
                + "\"levers\":[\"campaign=1..2\"]}",
                shown}}) {
          long start = System.nanoTime();
          RawHttp.Response response = post(request[0], "application/json", request[1]);
          double seconds = (System.nanoTime() - start) / 1e9;
          assertThat(request[1].length()).as("under the body limit").isLessThan(1 << 20);
          // beyond 50,000 characters the JSON reader refuses the key itself
          JsonObject problem = assertRawProblem(response, 400, length > 50_000 ? "body"
              : request[2]);
          assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("reason"))
              .as(request[0] + " " + length).isEqualTo(length > 50_000
                  ? "is not valid JSON: it has a key longer than 50000 characters"
                  : "(a key) must have at most 200 characters");
          assertThat(response.toString()).doesNotContain("k".repeat(61));
          assertThat(seconds).as(request[0] + " " + length + ": answered at once").isLessThan(5);
        }
      }
      TestServer.sleep(100);
      assertThat(probe.probes()).isPositive();
      assertThat(probe.longestBusyMillis()).as("longest stall working on the event loop")
          .isLessThan(100);
    }
    assertThat(storedRuns()).as("nothing stored").isEqualTo(stored);
  }

  /** Runs of every kind in the database. */
  private long storedRuns() throws Exception {
    DatabaseAddress address = DatabaseAddress.parse(api.databaseUrl);
    try (Connection sql = DriverManager.getConnection(address.jdbcUrl(), address.user(),
        address.password()); Statement statement = sql.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM runs")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /**
   * A chunked body whose chunk size is not hexadecimal, or overflows, or whose chunk line or
   * trailer is longer than the decoder takes, to any path: chunked bodies are refused before
   * they are read (411, ProtocolApiTest), so none is logged as an error with its stack (one a
   * request had been: anyone could fill the log), and the server goes on.
   */
  @Test
  void malformedChunkedBodies_areRefusedBeforeTheyAreRead_withoutAnErrorLogged() {
    try (LoggedProblems logged = new LoggedProblems()) {
      String extension = "2;x=" + "a".repeat(10_000); // a chunk line over the limit
      for (String body : List.of("zz\r\n{}\r\n0\r\n\r\n",
          "FFFFFFFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n", "-1\r\n{}\r\n0\r\n\r\n",
          extension + "\r\n{}\r\n0\r\n\r\n",
          "2\r\n{}\r\n0\r\nX-Trailer: " + "a".repeat(20_000) + "\r\n\r\n")) {
        for (String target : List.of("/api/v1/runs", "/health", "/")) {
          String request = "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection:"
              + " close\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked"
              + "\r\n\r\n" + body;
          RawHttp.Response response = RawHttp.send(port(), request);
          assertThat(response.status()).as(target + " " + body.substring(0, 12))
              .isIn(-1, 411);
        }
      }
      assertThat(logged.events()).extracting(e -> e.getLevel().toString())
          .doesNotContain("ERROR");
      assertThat(api.get("/health").statusCode()).isEqualTo(200);
    }
  }

  /** A long query value is cut in the reason, as a body's values are (at 60 characters). */
  @Test
  void longQueryValues_areCutInTheReason() {
    String zeros = "0".repeat(300);
    for (String query : List.of("/api/v1/scenarios?limit=1e0" + zeros,
        "/api/v1/scenarios?offset=x" + zeros, "/api/v1/scenarios?limit=1." + zeros + "1",
        "/api/v1/runs/" + ID + "?wait=1." + zeros + "1")) {
      RawHttp.Response response = RawHttp.send(port(), RawHttp.request("GET", query, "", ""));
      assertThat(response.status()).as(query).isIn(400, 404);
      if (response.status() == 400) {
        JsonObject problem = new JsonObject(response.body());
        assertThat(problem.getString("detail").length()).as(query).isLessThan(200);
        assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("reason").length())
            .as(query).isLessThan(160);
      }
    }
  }

  /** Percent-encoded bytes that are not UTF-8 are a 400, not read as U+FFFD. */
  @Test
  void percentEncodedBytesThatAreNotUtf8_are400() {
    assertRawProblem(RawHttp.send(port(), RawHttp.request("GET", "/api/v1/presets/%FF%FE", "",
        "")), 400, "path");
    assertRawProblem(RawHttp.send(port(), RawHttp.request("GET", "/api/v1/scenarios?limit=%FF",
        "", "")), 400, "query");
    assertRawProblem(RawHttp.send(port(), RawHttp.request("GET", "/api/v1/presets/%C3%A9t%C3%A9",
        "", "")), 404, "name");
  }

  /**
   * A transfer coding other than chunked is a 501 and the connection is closed (RFC 9112
   * section 6.1), not a body read as if the coding were not there. (Content-Length with
   * chunked is read as chunked: Netty drops the length, as RFC 9112 section 6.3 allows.)
   */
  @Test
  void anUnknownTransferCoding_is501() {
    String gzip = "POST /api/v1/runs HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        + "Content-Type: application/json\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"
        + "2\r\n{}\r\n0\r\n\r\n";
    assertRawProblem(RawHttp.send(port(), gzip), 501, "Transfer-Encoding");
  }

  /** A request target in absolute form is checked by its own host, not the Host header. */
  @Test
  void anAbsoluteTargetNamingAnotherHost_is400() {
    assertRawProblem(RawHttp.send(port(), "GET http://evil.example/health HTTP/1.1\r\n"
        + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n"), 400, "path");
    assertThat(RawHttp.send(port(), "GET http://127.0.0.1/health HTTP/1.1\r\n"
        + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n").status()).isEqualTo(200);
    assertThat(RawHttp.send(port(), "GET http://user@localhost:8080/health?x HTTP/1.1\r\n"
        + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n").status()).isEqualTo(200);
  }

  /**
   * Every answer says nosniff; the API's answers (data behind the token) are never stored by a
   * cache, problems included; the page's files keep their own caching.
   */
  @Test
  void apiAnswersAreNotSniffedOrCached() {
    for (String path : List.of("/api/v1/presets", "/api/v1/scenarios/" + ID, "/no-such-path",
        "/health")) {
      RawHttp.Response response = RawHttp.send(port(), RawHttp.request("GET", path, "", ""));
      assertThat(response.header("x-content-type-options")).as(path).isEqualTo("nosniff");
      assertThat(response.header("cache-control")).as(path).isEqualTo("no-store");
    }
    // routed as the API's, whatever the raw path says
    assertThat(RawHttp.send(port(), RawHttp.request("GET", "/assets/../api/v1/presets", "", ""))
        .header("cache-control")).isEqualTo("no-store");
    RawHttp.Response page = RawHttp.send(port(), RawHttp.request("GET", "/", "", ""));
    assertThat(page.header("x-content-type-options")).isEqualTo("nosniff");
    assertThat(page.header("cache-control")).isEqualTo("no-cache");
  }

  /**
   * Bytes that are not UTF-8 in a body the contract's validator takes (an overlong '/', an
   * encoded surrogate, a byte no character starts with): a 400 on body saying which byte and
   * where, never text read with U+FFFD in its place and stored or run.
   */
  @Test
  void bytesThatAreNotUtf8InAValidBody_are400NotReplaced() {
    String scenario = "{\"scenario\":" + ScenarioApiTest.scenario("NAME").encode() + "}";
    String run = "{\"preset\":\"synthetic-small\",\"replications\":1,\"months\":1,"
        + "\"set\":{\"name\":\"NAME\"}}";
    for (byte[] bad : List.of(new byte[] {(byte) 0xc0, (byte) 0xaf},
        new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, new byte[] {(byte) 0xff})) {
      for (String[] request : List.of(new String[] {"POST", "/api/v1/scenarios", scenario},
          new String[] {"POST", "/api/v1/runs", run},
          new String[] {"PUT", "/api/v1/scenarios/" + ID, scenario.replace("{\"scenario\"",
              "{\"version\":1,\"scenario\"")})) {
        String body = request[2];
        int at = body.indexOf("NAME");
        byte[] bytes = withBytes(body.replace("NAME", "a_b"), at + 1, bad);
        String column = "column " + (at + 2);
        String sent = String.format("byte 0x%02x", bad[0] & 0xff);
        JsonObject problem = assertRawProblem(RawHttp.send(port(), raw(request[0], request[1],
            bytes)), 400, "body");
        assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("reason"))
            .as(request[1] + " " + sent).isEqualTo("is not valid UTF-8: " + sent + " at "
                + column + " is not a character's");
      }
    }
    assertThat(api.get("/api/v1/scenarios").bodyAsJsonObject().getLong("total"))
        .as("nothing stored").isZero();
  }

  /** {@code text}'s UTF-8 with the character at {@code at} replaced by {@code bytes}. */
  private static byte[] withBytes(String text, int at, byte[] bytes) {
    byte[] plain = text.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[plain.length - 1 + bytes.length];
    System.arraycopy(plain, 0, out, 0, at);
    System.arraycopy(bytes, 0, out, at, bytes.length);
    System.arraycopy(plain, at + 1, out, at + bytes.length, plain.length - at - 1);
    return out;
  }

  /** A request with a JSON body of these bytes. */
  private static byte[] raw(String method, String path, byte[] body) {
    byte[] head = (method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close"
        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[head.length + body.length];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(body, 0, out, head.length, body.length);
    return out;
  }

  @Test
  void controlCharactersAndLoneSurrogatesInTextAre400NotA500() {
    // JSON escapes: a raw lone surrogate could not even be sent as UTF-8
    for (String name : List.of("a\\u0000b", "bell\\u0007", "lone \\ud800", "\\udc00")) {
      String scenario = ScenarioApiTest.scenario("NAME").encode().replace("NAME", name);
      RawHttp.Response response = post("/api/v1/scenarios", "application/json",
          "{\"scenario\":" + scenario + "}");
      assertRawProblem(response, 400, "scenario.name");
    }
    assertRawProblem(post("/api/v1/runs", "application/json",
        "{\"preset\":\"synthetic-small\",\"targets\":[\"caseload <= 20 at month 1\\u0000\"]}"),
        400, "targets[0]");
    assertThat(api.get("/api/v1/scenarios").bodyAsJsonObject().getLong("total"))
        .as("nothing stored").isZero();
  }

  @Test
  void formsMultipartAndLookalikeJsonTypesAre415BeforeTheBodyIsRead() {
    String form = "a=" + "x".repeat(4_000);
    String multipart = "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n"
        + "x".repeat(4_000) + "\r\n--b--\r\n";
    assertRawProblem(post("/api/v1/scenarios", "application/x-www-form-urlencoded", form), 415,
        "Content-Type");
    assertRawProblem(post("/api/v1/scenarios", "multipart/form-data; boundary=b", multipart),
        415, "Content-Type");
    for (String type : List.of("application/jsonx", "application/json-patch+json",
        "text/plain", "application/json; charset=latin1", "application/x-json")) {
      assertRawProblem(post("/api/v1/runs", type, "{\"preset\":\"synthetic-small\"}"), 415,
          "Content-Type");
    }
    assertRawProblem(post("/api/v1/runs", null, "{\"preset\":\"synthetic-small\"}"), 415,
        "Content-Type");
    assertThat(post("/api/v1/runs", "Application/JSON; charset=UTF-8",
        "{\"preset\":\"synthetic-small\",\"replications\":1,\"months\":1}").status())
        .isEqualTo(202);
  }

  @Test
  void a415NamesTheMediaTypeSentAndTheParameterRefused() {
    String run = "{\"preset\":\"synthetic-small\",\"replications\":1,\"months\":1}";
    assertThat(reason(assertRawProblem(post("/api/v1/runs", "Text/Plain; charset=utf-8", run),
        415, "Content-Type"))).isEqualTo("must be application/json, was text/plain: this API"
            + " reads JSON bodies only");
    assertThat(reason(assertRawProblem(post("/api/v1/runs", "application/xml;q=1", run), 415,
        "Content-Type"))).isEqualTo("must be application/json, was application/xml: this API"
            + " reads JSON bodies only");
    assertThat(reason(assertRawProblem(post("/api/v1/runs", "application/json; charset=latin1",
        run), 415, "Content-Type"))).isEqualTo("takes no parameter but charset=utf-8, had"
            + " charset=latin1");
    assertThat(reason(assertRawProblem(post("/api/v1/runs", "application/json; foo=bar", run),
        415, "Content-Type"))).isEqualTo("takes no parameter but charset=utf-8, had foo=bar");
    assertThat(reason(assertRawProblem(post("/api/v1/runs", null, run), 415, "Content-Type")))
        .isEqualTo("is required with a body: application/json");
    for (String type : List.of("application/json; charset=utf-8", "application/json;charset=UTF-8",
        "application/json; charset=\"utf-8\"")) {
      assertThat(post("/api/v1/runs", type, run).status()).as(type).isEqualTo(202);
    }
  }

  private static String reason(JsonObject problem) {
    return problem.getJsonArray("errors").getJsonObject(0).getString("reason");
  }

  @Test
  void baseDatesBeyondTheCalendarAre400() {
    JsonObject scenario = ScenarioApiTest.scenario("far future").put("baseDate",
        "+999999999-12-31");
    assertBadField(api.post("/api/v1/runs", new JsonObject().put("scenario", scenario)
        .put("targets", new JsonArray().add("caseload <= 20 at snapshot 2021-09-30"))),
        "scenario.baseDate", "2000 to 2100");
    assertBadField(api.post("/api/v1/runs", new JsonObject().put("scenario", scenario)),
        "scenario.baseDate", "2000 to 2100");
  }

  @Test
  void missingOrMalformedHostIs400() {
    RawHttp.Response none = RawHttp.send(port(),
        "GET /api/v1/presets HTTP/1.1\r\nConnection: close\r\n\r\n");
    assertRawProblem(none, 400, "Host");
    RawHttp.Response bad = RawHttp.send(port(),
        "GET /api/v1/presets HTTP/1.1\r\nHost: 127.0.0.1:abc\r\nConnection: close\r\n\r\n");
    assertRawProblem(bad, 400, "Host");
    RawHttp.Response twice = RawHttp.send(port(), "GET /api/v1/presets HTTP/1.1\r\nHost:"
        + " 127.0.0.1\r\nHost: example.org\r\nConnection: close\r\n\r\n");
    assertRawProblem(twice, 400, "Host");
    RawHttp.Response twoTokens = RawHttp.send(port(), "GET /api/v1/presets HTTP/1.1\r\nHost:"
        + " 127.0.0.1\r\nAuthorization: Bearer a\r\nAuthorization: Bearer b\r\n"
        + "Connection: close\r\n\r\n");
    assertRawProblem(twoTokens, 400, "Authorization");
  }

  /**
   * A body's type sent twice is ambiguous (which one would be read?), and a compressed body
   * is not read: both are refused before any handler, naming the header.
   */
  @Test
  void contentTypeTwiceOrACompressedBodyIsRefused() {
    String body = "{\"preset\":\"synthetic-small\",\"replications\":1,\"months\":1}";
    assertRawProblem(RawHttp.send(port(), RawHttp.request("POST", "/api/v1/runs",
        "Content-Type: application/json\r\nContent-Type: text/plain\r\n", body)), 400,
        "Content-Type");
    assertRawProblem(RawHttp.send(port(), RawHttp.request("POST", "/api/v1/runs",
        "Content-Type: application/json\r\nContent-Encoding: gzip\r\n", body)), 415,
        "Content-Encoding");
    assertThat(RawHttp.send(port(), RawHttp.request("POST", "/api/v1/runs",
        "Content-Type: application/json\r\nContent-Encoding: identity\r\n", body)).status())
        .isEqualTo(202);
  }

  /**
   * DNS rebinding: a page on another site whose name resolves to 127.0.0.1 reaches this
   * loopback server with its own name in Host; that is refused, while localhost and IP
   * addresses, as a browser or script on this machine sends them, are answered.
   */
  @Test
  void aHostThatIsNotThisServersNameIs400() {
    for (String host : List.of("evil.example", "127.0.0.1.nip.io:" + port(), "caseload")) {
      assertRawProblem(RawHttp.send(port(), "GET /api/v1/presets HTTP/1.1\r\nHost: " + host
          + "\r\nConnection: close\r\n\r\n"), 400, "Host");
    }
    for (String host : List.of("localhost:" + port(), "LOCALHOST.", "127.0.0.1", "[::1]:80")) {
      assertThat(RawHttp.send(port(), "GET /api/v1/presets HTTP/1.1\r\nHost: " + host
          + "\r\nConnection: close\r\n\r\n").status()).as(host).isEqualTo(200);
    }
  }

  @Test
  void badPercentEncodingInThePathIsAProblem() {
    for (String target : List.of("/api/v1/presets/%ZZ", "/api/v1/presets/%",
        "/api/v1/presets/%u0041", "/%ZZ")) {
      RawHttp.Response response = RawHttp.send(port(), RawHttp.request("GET", target, "", ""));
      assertThat(response.status()).as(target + ": " + response).isBetween(400, 404);
      assertThat(response.isProblem()).as(target + ": " + response).isTrue();
    }
  }

  @Test
  void everyErrorStatusIsProblemJson() {
    assertRawProblem(RawHttp.send(port(), RawHttp.request("GET", "/nothing", "", "")), 404,
        "path");
    RawHttp.Response patch = RawHttp.send(port(), RawHttp.request("PATCH",
        "/api/v1/scenarios", "", ""));
    assertRawProblem(patch, 405, "method");
    assertThat(patch.header("Allow")).isEqualTo("GET, HEAD, POST");
    RawHttp.Response delete = RawHttp.send(port(), RawHttp.request("DELETE",
        "/api/v1/presets", "", ""));
    assertRawProblem(delete, 405, "method");
    assertThat(delete.header("Allow")).isEqualTo("GET, HEAD");
    // a path with a slash at its end is routed as the path without it, and says so in Allow
    // (a trial's GET /api/v1/runs/ had answered "it supports " and an empty Allow)
    for (String[] slashed : new String[][] {{"GET", "/api/v1/runs/", "POST"},
        {"DELETE", "/api/v1/scenarios/", "GET, HEAD, POST"},
        {"GET", "/api/v1/comparisons/", "POST"}}) {
      RawHttp.Response response = RawHttp.send(port(), RawHttp.request(slashed[0], slashed[1],
          "", ""));
      assertRawProblem(response, 405, "method");
      assertThat(response.header("Allow")).as(slashed[1]).isEqualTo(slashed[2]);
      assertThat(response.json().getString("detail")).as(slashed[1])
          .endsWith("it supports " + slashed[2]);
    }
    assertRawProblem(post("/api/v1/scenarios", "application/json",
        "{\"scenario\":\"" + "x".repeat(1_100_000) + "\"}"), 413, "body");
    RawHttp.Response longLine = RawHttp.send(port(), RawHttp.request("GET",
        "/api/v1/presets/" + "a".repeat(20_000), "", ""));
    assertRawProblem(longLine, 414, "path");
    assertRawProblem(post("/api/v1/runs", "text/csv", "a,b"), 415, "Content-Type");
    RawHttp.Response bigHeaders = RawHttp.send(port(), RawHttp.request("GET",
        "/api/v1/presets", "X-Big: " + "b".repeat(40_000) + "\r\n", ""));
    assertRawProblem(bigHeaders, 431, "headers");
    RawHttp.Response broken = RawHttp.send(port(),
        "GET /api/v1/presets HTTP/1.1\r\nHost: 127.0.0.1\r\nBroken header line\r\n\r\n"
            .getBytes(StandardCharsets.UTF_8));
    assertRawProblem(broken, 400, "request");
    // answered by the codec's handler, before any route: the same headers as every answer
    for (RawHttp.Response codec : List.of(longLine, bigHeaders, broken)) {
      assertThat(codec.header("X-Content-Type-Options")).as(codec.toString())
          .isEqualTo("nosniff");
      assertThat(codec.header("Cache-Control")).as(codec.toString()).isEqualTo("no-store");
    }
  }

  @Test
  void madeUpMethodsMintNoMetricSeries() {
    for (int i = 0; i < 40; i++) {
      RawHttp.Response response = RawHttp.send(port(), RawHttp.request("FOO" + i,
          "/api/v1/presets", "", ""));
      assertThat(response.status()).isBetween(400, 499);
      assertThat(response.isProblem()).as(response.toString()).isTrue();
      assertThat(response.status()).isEqualTo(405);
      assertThat(response.body()).contains("does not support FOO" + i);
    }
    String metrics = api.metrics();
    assertThat(metrics).doesNotContain("FOO");
    assertThat(metrics).containsPattern("vertx_http_server_requests_total\\{[^}]*method=\"OTHER\"");
  }

  @Test
  void jsonReaderInternalsNeverReachTheClient() {
    String deep = "{\"scenario\":" + "[".repeat(2_000) + "]".repeat(2_000) + "}";
    RawHttp.Response response = post("/api/v1/scenarios", "application/json", deep);
    JsonObject problem = assertRawProblem(response, 400, "body");
    assertThat(response.body()).doesNotContain("StreamReadConstraints", "jackson",
        "Exception", "`");
    assertThat(problem.getString("detail")).contains("nested more than");
    RawHttp.Response longNumber = post("/api/v1/runs", "application/json",
        "{\"preset\":\"synthetic-small\",\"seed\":" + "9".repeat(5_000) + "}");
    assertThat(longNumber.body()).doesNotContain("StreamReadConstraints", "Exception", "`");
    assertThat(longNumber.status()).isEqualTo(400);
  }
}
