package org.caseload.api.http;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

/**
 * When the server has a token, every /api request must carry it as a bearer token (401).
 * A platform handler on every route, so it refuses a request before its body is read; paths
 * outside /api (health, metrics) pass.
 */
final class BearerAuth implements PlatformHandler {

  private final byte[] expected;

  BearerAuth(String token) {
    this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void handle(RoutingContext rc) {
    if (!rc.request().path().startsWith(ApiRoutes.BASE + "/")) {
      rc.next();
      return;
    }
    String header = rc.request().getHeader("Authorization");
    byte[] given = header == null ? new byte[0] : header.strip().getBytes(StandardCharsets.UTF_8);
    if (MessageDigest.isEqual(expected, given)) {
      rc.next();
      return;
    }
    Problems.send(rc, new ApiProblem(401, "Unauthorized", header == null
        ? "Authorization: a bearer token is required"
        : "Authorization: the bearer token is not this server's",
        List.of(new ApiProblem.FieldError("Authorization",
            header == null ? "is required" : "is not accepted")),
        Map.of("WWW-Authenticate", "Bearer realm=\"caseload\"")));
  }
}
