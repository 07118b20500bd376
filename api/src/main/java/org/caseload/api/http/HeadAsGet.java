package org.caseload.api.http;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;

/**
 * HEAD wherever GET is (RFC 9110 section 9.3.2): a HEAD request is routed as the GET of the
 * same URI, so it passes the same checks (the token, the validator) and gets the same status
 * and headers; the server sends no body with the answer to a HEAD request. Rerouting clears
 * the response's headers, so those set before it ({@link RequestGuard}'s nosniff and
 * no-store) are kept aside and set again as the GET enters the router (this handler first).
 * The GET is of the path the router would route ({@link RoutingContext#normalizedPath()}) and
 * the query: the target as written may be in absolute form ({@code http://host/path}), which
 * rerouting refuses, or hold a '#' that rerouting would cut the path at.
 *
 * @implNote Stateless and thread-safe.
 */
final class HeadAsGet implements PlatformHandler {

  private static final String HEAD = "caseload.head";
  private static final String HEADERS = "caseload.head.headers";

  /** Whether the request came as HEAD: a handler that streams ends after the headers. */
  static boolean asked(RoutingContext rc) {
    return Boolean.TRUE.equals(rc.get(HEAD));
  }

  @Override
  public void handle(RoutingContext rc) {
    if (rc.request().method() == HttpMethod.HEAD) {
      rc.put(HEAD, true);
      rc.put(HEADERS, HttpHeaders.headers().addAll(rc.response().headers()));
      String query = rc.request().query();
      rc.reroute(HttpMethod.GET, query == null ? rc.normalizedPath()
          : rc.normalizedPath() + "?" + query);
      return;
    }
    MultiMap kept = rc.remove(HEADERS);
    if (kept != null) {
      rc.response().headers().addAll(kept);
    }
    rc.next();
  }
}
