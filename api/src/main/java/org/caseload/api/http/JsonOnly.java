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

  /** The reason of a 415 whose Content-Type is not known here (the validator's). */
  static final String REASON = "must be application/json: this API reads JSON bodies only";

  private static final String JSON = "application/json";

  @Override
  public void handle(RoutingContext rc) {
    HttpServerRequest request = rc.request();
    String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
    String refusal = type == null ? (hasBody(request) ? "is required with a body: " + JSON
        : null) : refusal(type);
    if (refusal != null) {
      Problems.send(rc, ApiProblem.unsupportedMediaType(refusal));
      return;
    }
    if (type != null) {
      request.headers().set(HttpHeaders.CONTENT_TYPE, JSON); // the validator's
    }
    rc.next();
  }

  private static boolean hasBody(HttpServerRequest request) {
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
        || (length != null && !length.strip().equals("0"));
  }

  /**
   * Why {@code contentType} is refused, naming the media type (without its parameters) or
   * the parameter refused; null for {@code application/json}, any case, with no parameter
   * but a UTF-8 charset.
   */
  static String refusal(String contentType) {
    String[] parts = contentType.split(";");
    String mediaType = parts[0].strip().toLowerCase(Locale.ROOT);
    if (!mediaType.equals(JSON)) {
      return "must be " + JSON + ", was " + (mediaType.isEmpty() ? "empty"
          : Bodies.shown(mediaType)) + ": this API reads JSON bodies only";
    }
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].strip();
      String plain = parameter.toLowerCase(Locale.ROOT).replace(" ", "");
      if (!plain.isEmpty() && !plain.equals("charset=utf-8")
          && !plain.equals("charset=\"utf-8\"")) {
        return "takes no parameter but charset=utf-8, had " + Bodies.shown(parameter);
      }
    }
    return null;
  }
}
