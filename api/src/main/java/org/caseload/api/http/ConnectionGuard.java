package org.caseload.api.http;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.caseload.api.ConnectionLimits;

/**
 * Bounds what slow or idle clients can hold: at most {@code maxConnections} open (a new one
 * beyond closes the connection that has waited longest with no request in flight, or is
 * closed at once when every connection has one: 1,000 sockets opened and left silent had
 * shut every other client out), and each request must arrive whole, headers and body, within
 * {@code readTimeout} of the connection's opening or the previous response's end, or within
 * a third of it from its headers when they came later than that (else the
 * connection is closed; a request whose body is late gets 408 first; headers that restarted
 * the time had let a request take twice the timeout). A request being answered (a run's
 * events, a {@code ?wait}) is not limited here; the idle timeout is.
 *
 * @implNote Thread-safe: connections and requests arrive on the server's event loop, the
 *     sweep runs on a timer and acts on each connection's own context.
 */
public final class ConnectionGuard {

  /** One connection: what it is waiting for and until when. */
  private static final class Watch {
    final Context context;
    volatile HttpServerRequest request;
    volatile long deadline;
    /** Chosen to be closed for a new connection: no other new one chooses it too. */
    final AtomicBoolean closing = new AtomicBoolean();

    Watch(Context context, long deadline) {
      this.context = context;
      this.deadline = deadline;
    }

    /** No request in flight: silent since it opened or since its last answer. */
    boolean idle() {
      HttpServerRequest current = request;
      return current == null || current.response().ended();
    }
  }

  /** Connections a new one looks through for one to close before it is refused. */
  private static final int CLOSE_ATTEMPTS = 3;

  private static final long SWEEP_MS = 200;

  private final ConnectionLimits limits;
  private final Map<HttpConnection, Watch> open = new ConcurrentHashMap<>();
  private final AtomicInteger count = new AtomicInteger();
  private final long timer;
  private final Vertx vertx;

  public ConnectionGuard(Vertx vertx, ConnectionLimits limits) {
    this.vertx = vertx;
    this.limits = limits;
    this.timer = vertx.setPeriodic(SWEEP_MS, t -> sweep());
  }

  /** The server's connection handler. */
  public void connected(HttpConnection connection) {
    if (count.incrementAndGet() > limits.maxConnections() && !closeLongestIdle()) {
      count.decrementAndGet();
      connection.close();
      return;
    }
    open.put(connection, new Watch(Vertx.currentContext(), deadline()));
    connection.closeHandler(v -> {
      if (open.remove(connection) != null) {
        count.decrementAndGet();
      }
    });
  }

  /** Called with every request before it is routed. */
  public void requested(HttpServerRequest request) {
    Watch watch = open.get(request.connection());
    if (watch != null) {
      watch.request = request;
      long leastForBody = System.nanoTime() + limits.readTimeout().toNanos() / 3;
      if (watch.deadline - leastForBody < 0) {
        watch.deadline = leastForBody;
      }
    }
  }

  /**
   * Chooses the connection that has waited longest with no request in flight (silent since it
   * opened or since its last answer) and closes it on its own event loop, where a request
   * arriving meanwhile is seen: if one has, it is kept. Returns false when every connection
   * has a request in flight. The count falls when the chosen one closes, so for a moment it
   * may be one over the limit.
   */
  private boolean closeLongestIdle() {
    for (int attempt = 0; attempt < CLOSE_ATTEMPTS; attempt++) {
      HttpConnection longest = null;
      Watch longestWatch = null;
      for (Map.Entry<HttpConnection, Watch> entry : open.entrySet()) {
        Watch watch = entry.getValue();
        if (!watch.closing.get() && watch.idle()
            && (longestWatch == null || watch.deadline - longestWatch.deadline < 0)) {
          longest = entry.getKey();
          longestWatch = watch;
        }
      }
      if (longest == null) {
        return false;
      }
      if (longestWatch.closing.compareAndSet(false, true)) { // else another took it: again
        HttpConnection chosen = longest;
        Watch watch = longestWatch;
        watch.context.runOnContext(v -> {
          if (watch.idle()) {
            chosen.close();
          } else {
            watch.closing.set(false); // a request came meanwhile: answered, not cut off
          }
        });
        return true;
      }
    }
    return false;
  }

  /** Connections open now. */
  public int open() {
    return count.get();
  }

  private long deadline() {
    return System.nanoTime() + limits.readTimeout().toNanos();
  }

  private void sweep() {
    long now = System.nanoTime();
    open.forEach((connection, watch) -> {
      HttpServerRequest request = watch.request;
      if (request != null && request.isEnded()) {
        if (request.response().ended()) {
          watch.request = null; // answered: the next request has its own time
          watch.deadline = now + limits.readTimeout().toNanos();
        }
        return;
      }
      if (now - watch.deadline > 0) {
        watch.deadline = Long.MAX_VALUE;
        watch.context.runOnContext(v -> expire(connection, request));
      }
    });
  }

  private void expire(HttpConnection connection, HttpServerRequest request) {
    if (request != null && !request.response().headWritten()) {
      request.response().setStatusCode(408)
          .putHeader("Content-Type", "application/problem+json")
          .putHeader("Connection", "close")
          .end(Problems.json(ApiProblem.timedOut(limits.readTimeout().toSeconds()),
              request.path()))
          .onComplete(r -> connection.close());
      return;
    }
    connection.close();
  }

  /** Stops sweeping. */
  public void close() {
    vertx.cancelTimer(timer);
  }
}
