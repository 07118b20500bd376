package org.caseload.api.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.LoggerFormatter;
import java.util.Locale;

/**
 * The line {@code --access-log} writes for a request, when it has been answered: the client's
 * address, the request line, the status, the bytes of the body sent, the time taken and the
 * client's {@code User-Agent}:
 * {@code 127.0.0.1 "GET /api/v1/presets HTTP/1.1" 200 1311 4 ms "curl/7.88.1"}. What the
 * client sent is shown with its control characters as '?' and cut at {@link #MAX_FIELD}
 * characters, so a request cannot forge or colour the log (Vert.x's own formats print a
 * {@code User-Agent} as sent). The date is the log line's.
 */
final class AccessLogLine implements LoggerFormatter {

  /** The most characters of a field the client sent that a line shows. */
  static final int MAX_FIELD = 500;

  @Override
  public String format(RoutingContext rc, long ms) {
    HttpServerRequest request = rc.request();
    SocketAddress remote = request.remoteAddress();
    return String.format(Locale.ROOT, "%s \"%s %s %s\" %d %d %d ms \"%s\"",
        remote == null ? "-" : remote.hostAddress(), request.method().name(),
        shown(request.uri()), version(request), request.response().getStatusCode(),
        request.response().bytesWritten(), ms, shown(request.getHeader("User-Agent")));
  }

  private static String version(HttpServerRequest request) {
    return switch (request.version()) {
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
