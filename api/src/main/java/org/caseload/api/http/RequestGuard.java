package org.caseload.api.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The server's request handler, in front of the router: tells the {@link ConnectionGuard} a
 * request has come, then refuses with a 400 problem, before the router reads them, requests
 * the router cannot take apart: an HTTP/1.1 request without {@code Host} (RFC 9112 section
 * 3.2) or with one that is not {@code host[:port]}, {@code Host}, {@code Authorization} or
 * {@code Content-Type} sent twice (which one would count is ambiguous), an {@code Expect}
 * other than {@code 100-continue} (417), a body with a
 * {@code Content-Encoding} other than identity (415: bodies are read as sent, so a compressed
 * one would be read as garbage), a path or query with a {@code %} not followed by two hex digits or
 * percent-encoded bytes that are not UTF-8, a request target with a byte that is not visible
 * ASCII (a raw space, control or UTF-8 byte), or a
 * query parameter given twice
 * ({@code ?wait=3&wait=99}); and a {@code Host}, or the host of a target in absolute form,
 * that is not a name of this server ({@link HostNames}: a loopback server answers only to
 * localhost and IP addresses, against DNS rebinding). A body with a transfer coding is
 * refused, chunked with 411 and others with 501, and the connection closed (against request
 * smuggling). Every answer says nosniff and no-store (the page's files, once routed, say
 * otherwise).
 *
 * @implNote Immutable and thread-safe.
 */
public final class RequestGuard implements Handler<HttpServerRequest> {

  private final Router router;
  private final ConnectionGuard connections;
  private final HostNames hostNames;
  private final boolean accessLog;
  private final String token;

  /**
   * Checks each request before {@code router} routes it; with {@code accessLog}, a request
   * refused here is logged when answered ({@link AccessLogLine}, never showing {@code token},
   * the server's or null; the router logs those it routes).
   */
  public RequestGuard(Router router, ConnectionGuard connections, HostNames hostNames,
      boolean accessLog, String token) {
    this.router = router;
    this.connections = connections;
    this.hostNames = hostNames;
    this.accessLog = accessLog;
    this.token = token;
  }

  /**
   * The headers every answer carries, those to requests the codec could not read too
   * ({@link InvalidRequests}): never sniffed as another type, never stored by a cache.
   */
  static void everyAnswer(io.vertx.core.http.HttpServerResponse response) {
    response.putHeader("X-Content-Type-Options", "nosniff").putHeader("Cache-Control",
        "no-store");
  }

  @Override
  public void handle(HttpServerRequest request) {
    connections.requested(request);
    // every answer: never sniffed as another type, never stored by a cache (the page's
    // files, routed, say otherwise: WebPage; deciding here on the raw path would miss
    // /assets/../api/v1/presets, which is routed as the API's)
    everyAnswer(request.response());
    ApiProblem problem = problem(request, hostNames);
    if (problem == null) {
      router.handle(request);
    } else {
      if (accessLog) {
        AccessLogLine.whenAnswered(request, true, token); // routed ones: the router's first handler
      }
      Problems.send(request, problem);
      if ("close".equals(problem.headers().get("Connection"))) {
        request.connection().close();
      }
    }
  }

  /** What is wrong with the request line or Host, or null. */
  static ApiProblem problem(HttpServerRequest request, HostNames hostNames) {
    if (request.headers().getAll(HttpHeaders.HOST).size() > 1) {
      return ApiProblem.badField("Host", "must be sent once (RFC 9112 section 3.2)");
    }
    if (request.headers().getAll(HttpHeaders.AUTHORIZATION).size() > 1) {
      return ApiProblem.badField("Authorization", "must be sent once");
    }
    if (request.headers().getAll(HttpHeaders.CONTENT_TYPE).size() > 1) {
      return ApiProblem.badField("Content-Type", "must be sent once");
    }
    for (String expect : request.headers().getAll(HttpHeaders.EXPECT)) {
      if (!expect.trim().equalsIgnoreCase("100-continue")) {
        return ApiProblem.expectationFailed("only 100-continue is understood, was \""
            + Bodies.shown(expect) + "\"");
      }
    }
    for (String encoding : request.headers().getAll(HttpHeaders.CONTENT_ENCODING)) {
      if (!encoding.isBlank() && !encoding.trim().equalsIgnoreCase("identity")) {
        return ApiProblem.unsupportedMediaType("Content-Encoding", "must be identity (or left"
            + " out): bodies are read uncompressed, was \"" + Bodies.shown(encoding) + "\"");
      }
    }
    List<String> codings = request.headers().getAll(HttpHeaders.TRANSFER_ENCODING);
    // Bodies are framed by Content-Length alone, and a request with a transfer coding is
    // refused before its body is read, its connection closed. With a Content-Length too,
    // Netty drops the length and reads the chunks, so a front proxy framing it by the length
    // would pass the bytes after the chunks as another request on the same connection, run
    // with the next client's token (request smuggling, RFC 9112 section 6.3); Vert.x keeps
    // such a connection open, and a pipelined request behind the chunks would run before an
    // answer's end could close it.
    if (!codings.isEmpty()) {
      if (codings.size() > 1 || !codings.get(0).trim().equalsIgnoreCase("chunked")) {
        return ApiProblem.notImplemented("Transfer-Encoding", "is not read (a body is framed"
            + " by Content-Length), was '" + Bodies.shown(String.join(", ", codings)) + "'");
      }
      return ApiProblem.lengthRequired();
    }
    String target = request.uri();
    if (target != null && !visibleAscii(target)) {
      return ApiProblem.badField("path", "has a space, a control character or a byte outside"
          + " ASCII as sent (RFC 9112 section 3.2: percent-encode them, as %C3%A9 for é)");
    }
    if (target != null && target.indexOf('#') >= 0) {
      // routed on the path with its '#', the GET; rerouted as HEAD, cut at it (HeadAsGet)
      return ApiProblem.badField("path", "has a '#': a request target has no fragment (RFC"
          + " 9112 section 3.2; percent-encode it as %23 in a path or query)");
    }
    if (target != null && ABSOLUTE.matcher(target).lookingAt()) {
      String targetHost = hostOf(target);
      if (targetHost == null || !hostNames.allows(targetHost)) {
        return ApiProblem.badField("path", "names a host that is not a name of this server in"
            + " its absolute form (RFC 9112 section 3.2.2), was \"" + Bodies.shown(target)
            + "\"");
      }
    }
    String host = request.getHeader(HttpHeaders.HOST);
    if (request.version() == HttpVersion.HTTP_1_1 && host == null) {
      return ApiProblem.badField("Host", "is required: host[:port]");
    }
    if (host != null && request.authority() == null) {
      return ApiProblem.badField("Host", "must be host[:port] with a port of digits, was \""
          + Bodies.shown(host) + "\"");
    }
    if (host != null && !hostNames.allows(request.authority().host())) {
      return ApiProblem.badField("Host", "is not a name of this server, was \""
          + Bodies.shown(host) + "\" (a server on a loopback address answers to localhost and"
          + " IP addresses; serve --allowed-host NAME adds a name)");
    }
    String path = request.path();
    if (path == null || !path.startsWith("/")) {
      return ApiProblem.badField("path", "must start with /");
    }
    if (!percentEncoded(path)) {
      return ApiProblem.badField("path", "has a % that is not followed by two hex digits");
    }
    if (!utf8(path)) {
      return ApiProblem.badField("path", NOT_UTF8);
    }
    String query = request.query();
    if (query != null && !percentEncoded(query)) {
      return ApiProblem.badField("query", "has a % that is not followed by two hex digits");
    }
    if (query != null && !utf8(query)) {
      return ApiProblem.badField("query", NOT_UTF8);
    }
    if (query != null) {
      for (String name : request.params().names()) {
        if (request.params().getAll(name).size() > 1) {
          return ApiProblem.badField(Bodies.shown(name), "must be given once in the query"
              + " (every parameter is a single value; which of two would count is ambiguous)");
        }
      }
    }
    return null;
  }

  /**
   * The host of an absolute-form target ({@code http://user@host:port/path}), as written
   * (java.net.URI reads no host in a name with an underscore); null if there is none.
   */
  static String hostOf(String target) {
    int start = target.indexOf("//") + 2;
    int end = start;
    while (end < target.length() && "/?#".indexOf(target.charAt(end)) < 0) {
      end++;
    }
    String authority = target.substring(start, end);
    authority = authority.substring(authority.lastIndexOf('@') + 1);
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      return close < 0 ? null : authority.substring(0, close + 1);
    }
    int colon = authority.indexOf(':');
    String host = colon < 0 ? authority : authority.substring(0, colon);
    return host.isEmpty() ? null : host;
  }

  /**
   * A request target in absolute form, of any scheme ({@code http://host/path}, and
   * {@code ws://} or {@code ftp://}, whose host is checked as well).
   */
  private static final Pattern ABSOLUTE = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://");

  /** Whether every character of a request target as sent is visible ASCII (0x21-0x7E). */
  static boolean visibleAscii(String target) {
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c < 0x21 || c > 0x7E) {
        return false;
      }
    }
    return true;
  }

  private static final String NOT_UTF8 = "has percent-encoded bytes that are not UTF-8 text";

  /**
   * Whether the percent-encoded bytes of {@code encoded} (already checked: every % has two
   * hex digits) are UTF-8; they would otherwise be decoded to U+FFFD and read as other text.
   */
  private static boolean utf8(String encoded) {
    if (encoded.indexOf('%') < 0) {
      return true;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%') {
        bytes.write(Integer.parseInt(encoded, i + 1, i + 3, 16));
        i += 2;
      } else {
        byte[] plain = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(plain, 0, plain.length);
      }
    }
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static boolean percentEncoded(String path) {
    for (int i = path.indexOf('%'); i >= 0; i = path.indexOf('%', i + 1)) {
      if (i + 2 >= path.length() || Character.digit(path.charAt(i + 1), 16) < 0
          || Character.digit(path.charAt(i + 2), 16) < 0) {
        return false;
      }
    }
    return true;
  }
}
