package org.caseload.api.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.SocketAddress;
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
 * for 4xx, ERROR for 5xx). What the client sent is shown with its control characters and
 * quotes as '?' and cut at {@link #MAX_FIELD} characters, so a request cannot forge or colour
 * the log. The date is the log line's. A HEAD is one line, as HEAD ({@link HeadAsGet} routes
 * it as a GET).
 *
 * @implNote Immutable and thread-safe.
 */
final class AccessLogLine {

  /** The most characters of a field the client sent that a line shows. */
  static final int MAX_FIELD = 500;

  private static final Logger LOG = LoggerFactory.getLogger(AccessLogLine.class);

  private AccessLogLine() {}

  /** Writes {@code request}'s line once it has been answered. */
  static void whenAnswered(HttpServerRequest request) {
    long start = System.nanoTime();
    request.response().endHandler(v -> {
      int status = request.response().getStatusCode();
      String line = format(request, (System.nanoTime() - start) / 1_000_000);
      if (status >= 500) {
        LOG.error(line);
      } else if (status >= 400) {
        LOG.warn(line);
      } else {
        LOG.info(line);
      }
    });
  }

  /** The line of {@code request}, answered in {@code ms} milliseconds. */
  static String format(HttpServerRequest request, long ms) {
    SocketAddress remote = request.remoteAddress();
    return String.format(Locale.ROOT, "%s \"%s %s %s\" %d %d %d ms \"%s\"",
        remote == null ? "-" : remote.hostAddress(),
        request.method() == null ? "-" : shown(request.method().name()), shown(request.uri()),
        version(request.version()), request.response().getStatusCode(),
        bodyBytesSent(request), ms, shown(request.getHeader("User-Agent")));
  }

  /** The body's bytes sent: none to a HEAD, of which Vert.x counts the body it did not send. */
  private static long bodyBytesSent(HttpServerRequest request) {
    return request.method() == HttpMethod.HEAD ? 0 : request.response().bytesWritten();
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
