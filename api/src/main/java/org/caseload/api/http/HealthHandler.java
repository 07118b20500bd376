package org.caseload.api.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import org.caseload.api.store.Database;

/**
 * {@code /health}: 200 when the server is up and its database answers, 503 (with the same
 * body shape) when the database does not. {@code /health/live} is liveness alone, with the
 * longest stall of the event loop since it was last asked ({@code longestStallMs}) and the
 * longest spent working on the loop ({@code longestBusyStallMs}; see {@link LoopStall}).
 *
 * @implNote Thread-safe; handlers run on the event loop.
 */
final class HealthHandler {

  private final Vertx vertx;
  private final Database database;
  private final LoopStall stall = new LoopStall();

  HealthHandler(Vertx vertx, Database database) {
    this.vertx = vertx;
    this.database = database;
  }

  void live(RoutingContext rc) {
    stall.startHere(vertx);
    Json.send(rc, 200, Json.object().put("status", "up")
        .put("longestStallMs", stall.takeLongestMillis())
        .put("longestBusyStallMs", stall.takeLongestBusyMillis()));
  }

  void ready(RoutingContext rc) {
    database.ping().timeout(3, java.util.concurrent.TimeUnit.SECONDS).onComplete(ping -> {
      ObjectNode body = Json.object();
      body.put("status", ping.succeeded() ? "up" : "down");
      body.putObject("checks").put("server", "up")
          .put("database", ping.succeeded() ? "up" : "down");
      if (ping.failed()) {
        // said apart, as an operator looks for different causes (this path needs no token,
        // so the database's own words, its address among them, are not given)
        body.put("detail", ping.cause() instanceof java.util.concurrent.TimeoutException
            ? "the database did not answer within 3 s: it hangs, or every connection to it is"
                + " busy"
            : "the database refused the server (it is down, refuses the server's login, or has"
                + " no such database)");
        rc.response().putHeader("Retry-After", "5");
      }
      Json.send(rc, ping.succeeded() ? 200 : 503, body);
    });
  }
}
