package org.caseload.api.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;

/**
 * HEAD wherever GET is (RFC 9110 section 9.3.2): a HEAD request is routed as the GET of the
 * same URI, so it passes the same checks (the token, the validator) and gets the same status
 * and headers; the server sends no body with the answer to a HEAD request.
 *
 * @implNote Stateless and thread-safe.
 */
final class HeadAsGet implements PlatformHandler {

  @Override
  public void handle(RoutingContext rc) {
    if (rc.request().method() == HttpMethod.HEAD) {
      rc.reroute(HttpMethod.GET, rc.request().uri());
    } else {
      rc.next();
    }
  }
}
