package org.caseload.api.http;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.vertx.core.internal.net.RFC3986;
import io.vertx.core.spi.observability.HttpRequest;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code route} label of the HTTP server's meters: the template of the route whose path
 * a request's path matches ({@code /api/v1/runs/:runId}), whatever the response's status,
 * or {@link #UNMATCHED}; never the path itself, so no client can mint series.
 *
 * <p>Why not Vert.x's own route label: it joins every route a request passed through with
 * {@code >}, so a 400 (the same route matched again for its failure handler) was
 * {@code /api/v1/runs>/api/v1/runs}, and a request refused before its route was reached (a
 * 415 or 401 of a root handler) or a 405 had {@code ""}: one route's responses split into
 * several series by status. This label is decided once per request, as it begins, from its
 * path normalised as the router normalises it (dot segments removed, {@code //} collapsed,
 * unreserved characters decoded), against the router's own routes in the router's order,
 * named as Vert.x names them (the 2xx series keep their labels). A route's path matches with
 * or without a trailing slash, and a prefix route ({@code /assets/*}) every path below it,
 * as Vert.x matches them; the method is not looked at, so a 405 is its path's route's.
 *
 * @implNote Thread-safe: the templates are set once, when the router is built, and read by
 *     every event loop.
 */
public final class RouteLabel {

  /** The label's name, as Vert.x's own. */
  public static final String NAME = "route";
  /** The label of a request whose path no route has. */
  public static final String UNMATCHED = "unmatched";

  private record Template(Pattern path, String label) {}

  private volatile List<Template> templates = List.of();

  /**
   * Takes the templates of {@code router}'s routes that have a path (in its order); until
   * then every request is unmatched. Call it before the server listens.
   */
  public void learn(Router router) {
    List<Template> learnt = new ArrayList<>();
    for (Route route : router.getRoutes()) {
      String path = route.getPath(); // a template, with :params (a "regex path" to Vert.x)
      if (path == null) {
        continue; // a root handler's route, matching every path: no template of its own
      }
      learnt.add(new Template(pattern(path, route.isExactPath()),
          route.getName() == null ? path : route.getName()));
    }
    templates = List.copyOf(learnt);
  }

  /** The tags of a request beginning: its route label (Vert.x's server request tags). */
  public Iterable<Tag> tags(HttpRequest request) {
    return Tags.of(NAME, of(request.uri()));
  }

  /** The label of a request line's target (origin or absolute form, with any query). */
  String of(String target) {
    String path;
    try {
      path = RFC3986.normalizePath(path(target));
    } catch (RuntimeException e) { // a malformed escape: the router refuses it too
      return UNMATCHED;
    }
    for (Template template : templates) {
      if (template.path().matcher(path).matches()) {
        return template.label();
      }
    }
    return UNMATCHED;
  }

  /** The path of a request target: without scheme and authority, query or fragment. */
  private static String path(String target) {
    if (target == null || target.isEmpty()) {
      return "/";
    }
    int start = 0;
    if (!target.startsWith("/")) {
      int scheme = target.indexOf("://");
      start = scheme < 0 ? target.length() : target.indexOf('/', scheme + 3);
      if (start < 0) {
        return "/";
      }
    }
    int end = target.length();
    for (char stop : new char[] {'?', '#'}) {
      int at = target.indexOf(stop, start);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    return start >= end ? "/" : target.substring(start, end);
  }

  /**
   * A Vert.x route path as a pattern: {@code :name} a whole segment, an optional trailing
   * slash; not exact (a {@code *} route, whose path ends with a slash): any path below it.
   */
  private static Pattern pattern(String path, boolean exact) {
    String base = path.endsWith("/") && path.length() > 1
        ? path.substring(0, path.length() - 1) : path;
    StringBuilder regex = new StringBuilder();
    for (String segment : base.substring(1).split("/", -1)) {
      regex.append('/').append(segment.startsWith(":") ? "[^/]+" : Pattern.quote(segment));
    }
    return Pattern.compile(regex + (exact ? "/?" : "(/.*)?"));
  }
}
