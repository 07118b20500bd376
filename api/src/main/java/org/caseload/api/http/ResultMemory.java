package org.caseload.api.http;

import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The memory that stored results being sent take, shared by every download: a result is read
 * whole from the database and held until its client has it, so slow clients of one large
 * result could otherwise run the server out of memory (45 readers at 2 KB/s of a 23 MB result
 * did). A download reserves twice its stored size (the text and the database's buffer while
 * it is read) and gives it back when its answer ends or its client goes; one that does not
 * fit is refused. A result larger than the whole budget is sent when at most a tenth of it is
 * held (nothing large: a small answer's reservation may outlive its answer by a moment).
 *
 * @implNote Thread-safe.
 */
final class ResultMemory {

  private final long budget;
  private final AtomicLong held = new AtomicLong();

  ResultMemory(long budget) {
    this.budget = budget;
  }

  /** Reserves what a result of {@code storedBytes} takes, or returns false when it would not fit. */
  boolean reserve(long storedBytes) {
    long want = 2 * storedBytes;
    while (true) {
      long now = held.get();
      if (now + want > budget && (want <= budget || now > budget / 10)) {
        return false;
      }
      if (held.compareAndSet(now, now + want)) {
        return true;
      }
    }
  }

  /**
   * Gives back what {@link #reserve} took, once, when the request's answer has ended or its
   * connection closed (Vert.x Web's end handlers hear both), or at once if the client has
   * gone already: handlers set after the close are never called.
   */
  void releaseWhenDone(RoutingContext rc, long storedBytes) {
    AtomicBoolean released = new AtomicBoolean();
    Runnable release = () -> {
      if (released.compareAndSet(false, true)) {
        held.addAndGet(-2 * storedBytes);
      }
    };
    rc.addEndHandler(done -> release.run());
    if (rc.response().closed()) {
      release.run();
    }
  }

  /** Reserved now, in bytes. */
  long held() {
    return held.get();
  }

  long budget() {
    return budget;
  }
}
