package org.caseload.api.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --access-log}: a line for every request when it has been answered, whoever answered
 * it: the routes, the checks in front of the router ({@link RequestGuard}: a Host not this
 * server's, a chunked body, Expect) and the codec's refusals ({@link InvalidRequests}: a line
 * or headers too long). The line gives the client's address, the request line as sent, the
 * status, the bytes of the body sent, the time taken and the client's {@code User-Agent}:
 * {@code 127.0.0.1 "GET /api/v1/presets HTTP/1.1" 200 1311 4 ms "curl/7.88.1"}, at INFO (WARN
 * for 4xx and for a client that left before its answer ended, ERROR for 5xx). What the client
 * sent is shown with its control characters and quotes as '?' and cut at {@link #MAX_FIELD}
 * characters, so a request cannot forge or colour the log. The date is the log line's. A HEAD is one line, as HEAD ({@link HeadAsGet} routes
 * it as a GET).
 *
 * @implNote Immutable and thread-safe.
 */
final class AccessLogLine {

  /** The most characters of a field the client sent that a line shows. */
  static final int MAX_FIELD = 500;

  private static final Logger LOG = LoggerFactory.getLogger(AccessLogLine.class);

  /** The routing context's mark that its request's line is on its way. */
  private static final String LOGGED = "caseload.accessLogged";

  private AccessLogLine() {}

  /**
   * Writes {@code request}'s line when it has been answered outside the router (refused by
   * {@link RequestGuard} or the codec: {@link InvalidRequests}); {@code lineSent} false when the
   * request line could not be read, which the codec then makes up ({@code GET /bad-request}),
   * shown as "-".
   */
  static void whenAnswered(HttpServerRequest request, boolean lineSent, String token) {
    long start = System.nanoTime();
    String requestLine = lineSent ? requestLine(request, token) : "-";
    boolean head = request.method() == HttpMethod.HEAD;
    // the response's own end handler: no handler of the router is there to replace it
    request.response().endHandler(v -> write(request, requestLine, head, start));
  }

  /**
   * The router's first handler: writes the line of each routed request when it has been
   * answered, once, with the request line as sent (a HEAD rerouted as its GET passes here
   * again, as GET). Through the routing context's end handlers, which a handler adding its own
   * (a result's memory released at the end) does not replace, as it would replace the
   * response's one end handler.
   */
  static PlatformHandler routed(String token) {
    return new Routed(token);
  }

  /** {@link #routed}: a platform handler, as it must be to come before the others. */
  private static final class Routed implements PlatformHandler {
    private final String token;

    Routed(String token) {
      this.token = token;
    }

    @Override
    public void handle(RoutingContext rc) {
      if (rc.get(LOGGED) == null) {
        rc.put(LOGGED, Boolean.TRUE);
        long start = System.nanoTime();
        HttpServerRequest request = rc.request();
        String requestLine = requestLine(request, token);
        boolean head = request.method() == HttpMethod.HEAD;
        rc.addEndHandler(ended -> write(request, requestLine, head, start));
      }
      rc.next();
    }
  }

  private static void write(HttpServerRequest request, String requestLine, boolean head,
      long start) {
    HttpServerResponse response = request.response();
    int status = response.getStatusCode();
    String line = format(request, requestLine, head ? 0 : response.bytesWritten(),
        (System.nanoTime() - start) / 1_000_000);
    if (!response.ended() || status >= 400 && status < 500) {
      LOG.warn(line);
    } else if (status >= 500) {
      LOG.error(line);
    } else {
      LOG.info(line);
    }
  }

  /**
   * The request line as the client sent it, as a line shows it, with the server's {@code
   * token} (null or empty: none) and the values of query parameters named as secrets
   * ({@link #SECRET_NAME}) hidden: a client sending the token in the query
   * ({@code ?access_token=...}, which is refused) had had it written to the log.
   */
  private static String requestLine(HttpServerRequest request, String token) {
    return (request.method() == null ? "-" : shown(request.method().name())) + " "
        + shown(hidden(request.uri(), token)) + " " + version(request.version());
  }

  /** Query parameter names whose values a line never shows. */
  private static final java.util.regex.Pattern SECRET_NAME = java.util.regex.Pattern.compile(
      ".*(token|key|secret|password|passwd|auth|bearer|credential|sig).*",
      java.util.regex.Pattern.CASE_INSENSITIVE);

  /**
   * {@code uri} with {@code token} hidden wherever it is, as sent or percent-encoded
   * ({@code [token]}), and the values of query parameters named as secrets ({@code
   * ?api_key=[hidden]}).
   */
  static String hidden(String uri, String token) {
    if (uri == null) {
      return null;
    }
    boolean hasToken = token != null && !token.isEmpty();
    // as sent, wherever it is (a token with '&' or ';' spans parameters), then decoded below
    String sent = hasToken ? uri.replace(token, "[token]") : uri;
    int query = sent.indexOf('?');
    String path = query < 0 ? sent : sent.substring(0, query);
    StringBuilder out = new StringBuilder(hasToken && decoded(path).contains(token) ? "[token]"
        : path);
    if (query < 0) {
      return out.toString();
    }
    out.append('?');
    String rest = sent.substring(query + 1);
    int from = 0;
    while (from <= rest.length()) {
      int end = from;
      while (end < rest.length() && rest.charAt(end) != '&' && rest.charAt(end) != ';') {
        end++;
      }
      String parameter = rest.substring(from, end);
      int equals = parameter.indexOf('=');
      String name = equals < 0 ? parameter : parameter.substring(0, equals);
      if (hasToken && parameter.contains("[token]")) {
        out.append(parameter); // hidden as sent, above
      } else if (hasToken && decoded(name).contains(token)) {
        out.append("[token]"); // the name itself carries it
      } else if (hasToken && decoded(parameter).contains(token)) {
        out.append(equals < 0 ? "[token]" : name + "=[token]");
      } else if (equals >= 0 && SECRET_NAME.matcher(decoded(name)).matches()) {
        out.append(name).append("=[hidden]");
      } else {
        out.append(parameter);
      }
      if (end < rest.length()) {
        out.append(rest.charAt(end));
      }
      from = end + 1;
    }
    return out.toString();
  }

  /** {@code text} percent-decoded where it can be (a malformed escape left as sent). */
  private static String decoded(String text) {
    try {
      return java.net.URLDecoder.decode(text.replace("+", "%2B"),
          java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }

  /**
   * The line of {@code request}, sent as {@code requestLine}, with {@code bytes} of body sent
   * (none to a HEAD, of which Vert.x counts the body it did not send), answered in {@code ms}
   * milliseconds; a request whose client left before its answer ended ends with {@code (client
   * left)} and shows its status as "-" if none was sent.
   */
  static String format(HttpServerRequest request, String requestLine, long bytes, long ms) {
    SocketAddress remote = request.remoteAddress();
    HttpServerResponse response = request.response();
    return String.format(Locale.ROOT, "%s \"%s\" %s %d %d ms \"%s\"%s",
        remote == null ? "-" : remote.hostAddress(), requestLine,
        response.ended() || response.headWritten() ? String.valueOf(response.getStatusCode())
            : "-", bytes, ms, shown(request.getHeader("User-Agent")),
        response.ended() ? "" : " (client left)");
  }

  private static String version(HttpVersion version) {
    return version == null ? "-" : switch (version) {
      case HTTP_1_0 -> "HTTP/1.0";
      case HTTP_1_1 -> "HTTP/1.1";
      case HTTP_2 -> "HTTP/2.0";
    };
  }

  /** {@code text} as a line shows it: "-" when absent, controls as '?', cut if long. */
  static String shown(String text) {
    if (text == null) {
      return "-";
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_FIELD + 16));
    for (int i = 0; i < text.length() && i < MAX_FIELD; i++) {
      char c = text.charAt(i);
      out.append(Character.isISOControl(c) || c == '"' ? '?' : c);
    }
    if (text.length() > MAX_FIELD) {
      out.append("...(").append(text.length()).append(" characters)");
    }
    return out.toString();
  }
}
