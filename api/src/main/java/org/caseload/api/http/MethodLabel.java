package org.caseload.api.http;

import io.vertx.core.http.HttpMethod;
import java.util.Set;

/**
 * A request's method as a closed set of names: the standard methods by name, anything else
 * {@code OTHER}. Metrics and messages use it, so no client can mint names.
 *
 * @implNote Stateless and thread-safe.
 */
public final class MethodLabel {

  /** The name of every method a client did not make up. */
  public static final Set<String> KNOWN = Set.of("GET", "HEAD", "POST", "PUT", "DELETE",
      "PATCH", "OPTIONS", "TRACE", "CONNECT");

  /** Said of any other method. */
  public static final String OTHER = "OTHER";

  private MethodLabel() {}

  public static String of(HttpMethod method) {
    return method == null ? OTHER : of(method.name());
  }

  public static String of(String name) {
    return name != null && KNOWN.contains(name) ? name : OTHER;
  }
}
