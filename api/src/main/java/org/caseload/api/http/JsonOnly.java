package org.caseload.api.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import java.util.Locale;

/**
 * Only JSON bodies: a request whose {@code Content-Type} is anything but
 * {@code application/json} (a {@code charset} parameter, when given, must be UTF-8), or that
 * has a body without one, gets 415 before any body is read or parsed. Forms, multipart,
 * {@code application/jsonx} and {@code application/json-patch+json} never reach the body
 * handler.
 *
 * @implNote Stateless and thread-safe.
 */
final class JsonOnly implements PlatformHandler {

  /** The reason of every 415. */
  static final String REASON = "must be application/json: this API reads JSON bodies only";

  @Override
  public void handle(RoutingContext rc) {
    HttpServerRequest request = rc.request();
    String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
    if (type == null ? !hasBody(request) : isJson(type)) {
      if (type != null) {
        request.headers().set(HttpHeaders.CONTENT_TYPE, "application/json"); // the validator's
      }
      rc.next();
      return;
    }
    Problems.send(rc, ApiProblem.unsupportedMediaType(REASON));
  }

  private static boolean hasBody(HttpServerRequest request) {
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
        || (length != null && !length.strip().equals("0"));
  }

  /** {@code application/json}, any case, with no parameter but a UTF-8 charset. */
  static boolean isJson(String contentType) {
    String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
    if (!parts[0].strip().equals("application/json")) {
      return false;
    }
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].strip().replace(" ", "");
      if (!parameter.isEmpty() && !parameter.equals("charset=utf-8")
          && !parameter.equals("charset=\"utf-8\"")) {
        return false;
      }
    }
    return true;
  }
}
