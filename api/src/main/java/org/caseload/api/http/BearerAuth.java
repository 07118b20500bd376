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
    this.expected = token.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void handle(RoutingContext rc) {
    if (!rc.request().path().startsWith(ApiRoutes.BASE + "/")) {
      rc.next();
      return;
    }
    String header = rc.request().getHeader("Authorization");
    String[] parts = header == null ? new String[0] : header.strip().split("\\s+", 2);
    boolean bearer = parts.length == 2 && parts[0].equalsIgnoreCase("Bearer");
    if (bearer && MessageDigest.isEqual(expected, parts[1].getBytes(StandardCharsets.UTF_8))) {
      rc.next();
      return;
    }
    String reason = header == null ? "is required: Bearer and this server's token"
        : !bearer ? "must be \"Bearer\" and a token"
        : "is not this server's token";
    Problems.send(rc, new ApiProblem(401, "Unauthorized", "Authorization: " + reason,
        List.of(new ApiProblem.FieldError("Authorization", reason)),
        Map.of("WWW-Authenticate", "Bearer realm=\"caseload\"")));
  }
}
