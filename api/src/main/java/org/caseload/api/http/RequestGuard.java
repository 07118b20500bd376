package org.caseload.api.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;

/**
 * The first handler of every request: an HTTP/1.1 request must name its host ({@code Host},
 * RFC 9112 section 3.2) as {@code host[:port]}; otherwise 400 naming {@code Host}, before
 * anything reads it.
 *
 * @implNote Stateless and thread-safe.
 */
final class RequestGuard implements PlatformHandler {

  @Override
  public void handle(RoutingContext rc) {
    HttpServerRequest request = rc.request();
    String host = request.getHeader(HttpHeaders.HOST);
    if (request.version() == HttpVersion.HTTP_1_1 && host == null) {
      Problems.send(rc, ApiProblem.badField("Host", "is required: host[:port]"));
      return;
    }
    if (host != null && request.authority() == null) {
      Problems.send(rc, ApiProblem.badField("Host", "must be host[:port] with a port of"
          + " digits, was \"" + Bodies.shown(host) + "\""));
      return;
    }
    rc.next();
  }
}
