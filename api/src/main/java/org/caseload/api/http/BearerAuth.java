package org.caseload.api.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

/** When the server has a token, every /api request must carry it as a bearer token (401). */
final class BearerAuth implements Handler<RoutingContext> {

  private final byte[] expected;

  BearerAuth(String token) {
    this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void handle(RoutingContext rc) {
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
