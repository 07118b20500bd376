package org.caseload.api.http;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The planners' page: the static files built from {@code web/} into the classpath folder
 * {@code caseload-page} (Vert.x looks for a relative folder in the working directory before
 * the classpath, so its name must not be one a working directory has: not {@code web}),
 * served at {@code /} and {@code /assets/...}, and the API documentation at
 * {@code /api/v1/docs}. They hold no data (the page
 * asks the API for everything, with the token), so {@link BearerAuth} lets exactly these
 * paths through without one. The content security policy keeps the page to its own
 * origin: no script, style or font is fetched from elsewhere.
 *
 * @implNote Stateless; the handlers run on the event loop, the files are read by Vert.x's
 *     file system off it.
 */
final class WebPage {

  /** The classpath folder of the built page. */
  static final String ROOT = "caseload-page";
  /** Where the built scripts and styles are served. */
  static final String ASSETS = "/assets/";
  /**
   * The API documentation: a page with no data that renders the contract, which it fetches
   * from {@code /api/v1/openapi.yaml} with the token. The one path under {@code /api} open
   * without the token, since a browser cannot send one when it opens a page.
   */
  static final String DOCS = ApiRoutes.BASE + "/docs";

  static final String POLICY = "default-src 'self'; img-src 'self' data: blob:; "
      + "style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; "
      + "frame-ancestors 'none'; form-action 'self'";

  private WebPage() {}

  /** Whether a normalised path is one of the page's files, open without the token. */
  static boolean isPage(String normalizedPath) {
    return normalizedPath.equals("/") || normalizedPath.equals(DOCS) || normalizedPath.startsWith(ASSETS) && normalizedPath.length() > ASSETS.length();
  }

  /**
   * Adds the page's routes to the root router. The folders of the page's files are resolved
   * first, which unpacks them from the jar: the first answer for a file of a folder not yet
   * unpacked had been a 404 (the API documentation's stylesheet, for its first visitor after
   * every start, so that it was drawn unstyled).
   */
  static void route(Vertx vertx, Router root) {
    for (String folder : new String[] {ROOT, ROOT + ASSETS, ROOT + ASSETS + "api-docs"}) {
      vertx.fileSystem().existsBlocking(folder);
    }
    StaticHandler page = files(ROOT);
    root.get("/").handler(WebPage::headers).handler(page);
    // A wildcard route's handler sees the path after the route's prefix.
    root.get(ASSETS + "*").handler(WebPage::headers).handler(WebPage::noFolder)
        .handler(files(ROOT + ASSETS));
    String docs = resource(ROOT + "/api-docs.html");
    root.get(DOCS).handler(WebPage::headers).handler(rc -> rc.response()
        .putHeader("Content-Type", "text/html;charset=UTF-8").end(docs));
  }

  /**
   * A file's path with a trailing slash names a folder, which the page has none of to show:
   * 404. The static handler would otherwise serve the file under it, untyped
   * ({@code /assets/index.js/} had been the script as application/octet-stream).
   */
  private static void noFolder(RoutingContext rc) {
    if (rc.normalizedPath().endsWith("/")) {
      rc.fail(404);
    } else {
      rc.next();
    }
  }

  private static String resource(String name) {
    try (InputStream in = WebPage.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is not on the classpath: build web/");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static StaticHandler files(String folder) {
    return StaticHandler.create(folder).setCachingEnabled(false).setDirectoryListing(false)
        .setIncludeHidden(false);
  }

  private static void headers(RoutingContext rc) {
    rc.response().putHeader("Content-Security-Policy", POLICY)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer")
        // every answer is no-store (RequestGuard); the page's files hold no data: kept, but
        // checked with the server before use, so a new build is seen at once (a problem, a
        // missing file's 404, stays no-store)
        .putHeader("Cache-Control", "no-cache");
    if (!HeadAsGet.asked(rc)) {
      // sent as they are, never deflated on the event loop for each client: open without
      // the token, 50 clients asking the page's script (344 KB) at once with gzip had held
      // the loop 0.5 to 0.8 s (OpenFilesCompressionTest). Vert.x takes the header off a
      // GET's answer; a HEAD's, never compressed, would carry it, so it has none
      rc.response().putHeader("Content-Encoding", "identity");
    }
    rc.addHeadersEndHandler(v -> {
      if (rc.response().getStatusCode() >= 400) {
        rc.response().putHeader("Cache-Control", "no-store");
      }
    });
    rc.next();
  }
}
