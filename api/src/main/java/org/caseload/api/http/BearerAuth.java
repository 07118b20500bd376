package org.caseload.api.http;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;

/**
 * When the server has a token, every request must carry it as a bearer token (401), except
 * those whose normalised path, the one the router matches, is one of {@link #PUBLIC} or a
 * file of the planners' page ({@link WebPage#isPage}: {@code /}, {@code /assets/...} and
 * the documentation page {@code /api/v1/docs}; they hold no data, and the page asks for the
 * token itself). The
 * decision is never taken on the raw path: {@code //api/v1/runs} and {@code /%61pi/v1/runs}
 * are routed as {@code /api/v1/runs} and need the token as it does. A platform handler on
 * every route, so it refuses a request before its body is read. Tokens are compared as
 * SHA-256 digests in constant time, so neither their content nor their length shows in the
 * time an answer takes.
 *
 * @implNote Immutable and thread-safe.
 */
final class BearerAuth implements PlatformHandler {

  /** The paths open without a token: health and metrics. */
  static final Set<String> PUBLIC = Set.of("/health", "/health/live", "/metrics");

  private final byte[] expected;

  BearerAuth(String token) {
    this.expected = digest(token);
  }

  @Override
  public void handle(RoutingContext rc) {
    String path = routed(rc.normalizedPath());
    if (PUBLIC.contains(path) || WebPage.isPage(path)) {
      rc.next();
      return;
    }
    String header = rc.request().getHeader("Authorization");
    String[] parts = header == null ? new String[0] : header.strip().split("\\s+", 2);
    boolean bearer = parts.length == 2 && parts[0].equalsIgnoreCase("Bearer");
    if (bearer && MessageDigest.isEqual(expected, digest(parts[1]))) {
      rc.next();
      return;
    }
    String reason = header == null ? "is required: Bearer and this server's token"
        : !bearer ? "must be \"Bearer\" and a token"
        : "is not this server's token";
    Problems.send(rc, ApiProblem.unauthorized(reason));
  }

  /**
   * The path a route is matched on: the router matches {@code /health/} as {@code /health}
   * (one trailing slash is ignored), so the decision is taken on the path without it.
   */
  static String routed(String normalizedPath) {
    return normalizedPath.length() > 1 && normalizedPath.endsWith("/")
        ? normalizedPath.substring(0, normalizedPath.length() - 1) : normalizedPath;
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
