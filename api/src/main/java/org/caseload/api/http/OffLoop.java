package org.caseload.api.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;

/**
 * Work whose cost grows with a request's size (parsing and checking bodies, reading stored
 * documents) runs on Vert.x's worker pool, unordered, so no request holds the event loop:
 * the future completes back on the caller's context.
 *
 * @implNote Immutable and thread-safe.
 */
final class OffLoop {

  private final Vertx vertx;

  OffLoop(Vertx vertx) {
    this.vertx = vertx;
  }

  <T> Future<T> run(Callable<T> work) {
    return vertx.executeBlocking(work, false);
  }
}
