package org.caseload.api.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This server process as the owner of the runs it starts: a random 64-bit id, held as a
 * PostgreSQL session-level advisory lock on a connection of its own that stays open for the
 * server's life. Each run is stored with its owner's id, so a server's start can tell a run
 * whose server is gone (the lock can be taken: {@link RunStore#failAbandoned}) from one that
 * another live server is computing (it cannot), where the status column alone says only
 * "queued or running".
 *
 * <p>Why a lock and not a heartbeat column: PostgreSQL frees a session's advisory locks the
 * moment the session ends, so the runs of a killed process are recoverable at once, with no
 * interval or grace period to tune, and the lock of a live process cannot be taken however
 * slow or paused (garbage collection, a loaded machine) the process is, where a missed
 * heartbeat would fail its runs. A server whose machine vanishes without closing its
 * connection keeps its lock until PostgreSQL finds the connection dead (its TCP keepalive
 * settings). The id is random and checked free when taken, so two live servers never share
 * one, and no configuration names the servers.
 *
 * <p>The connection is asked {@code SELECT 1} every {@link #CHECK_MS} ms, so a connection that
 * a firewall or NAT dropped silently (no close is seen on an idle connection) is found within
 * a check and its lock taken again; and the session asks PostgreSQL to probe it with TCP
 * keepalives ({@link #KEEPALIVE}: silence for a minute, then six probes 10 s apart), so the
 * lock of a server whose machine vanished is freed within about two minutes, not the two
 * hours of the operating system's defaults.
 *
 * <p>If the connection drops while the server lives (the database restarts, the network
 * fails), the lock is taken again on a new connection as soon as the database answers. In
 * between, a server that starts could take this one's runs for abandoned and fail them;
 * since a run's end is stored only while it is queued or running, that end then stays and
 * this server's own end of the run is not stored over it.
 *
 * @implNote Thread-safe: taken on a thread that may block; taken again on Vert.x timers.
 */
public final class OwnerLock implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OwnerLock.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  /** Ids tried at start; each is taken by another session with odds of about 2^-64. */
  private static final int ATTEMPTS = 8;
  private static final long FIRST_RETRY_MS = 200;
  private static final long LAST_RETRY_MS = 2_000;
  /** How often the lock's connection is checked. */
  static final long CHECK_MS = 30_000;
  /** A check not answered within this is a lost connection. */
  private static final long CHECK_TIMEOUT_MS = 10_000;
  /** The session's TCP keepalive: PostgreSQL probes the connection after a minute idle. */
  public static final String KEEPALIVE = "SET tcp_keepalives_idle = 60; SET tcp_keepalives_interval"
      + " = 10; SET tcp_keepalives_count = 6";
  private long checkTimer = -1;

  private final Vertx vertx;
  private final PgConnectOptions options;
  private final long id;
  private volatile PgConnection connection;
  private volatile boolean closed;

  private OwnerLock(Vertx vertx, PgConnectOptions options, long id) {
    this.vertx = vertx;
    this.options = options;
    this.id = id;
  }

  /**
   * Opens a connection to {@code address} and takes a free random id on it. Blocking: call
   * it before serving, from a thread that may block.
   *
   * @throws IOException when the database cannot be reached or refuses the lock
   */
  public static OwnerLock take(Vertx vertx, DatabaseAddress address) throws IOException {
    PgConnectOptions options = address.connectOptions();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      long id = RANDOM.nextLong();
      PgConnection connection;
      try {
        connection = PgConnection.connect(vertx, options)
            .compose(c -> locked(c, id)).await();
      } catch (HeldElsewhereException e) {
        continue;
      } catch (Exception e) { // await() rethrows checked exceptions too (a refused connection)
        throw new IOException("cannot take this server's owner lock: " + e.getMessage(), e);
      }
      OwnerLock lock = new OwnerLock(vertx, options, id);
      lock.hold(connection);
      LOG.info("owner of the runs it starts as {}", id);
      return lock;
    }
    throw new IOException("cannot take this server's owner lock: " + ATTEMPTS
        + " random ids were all held by other sessions");
  }

  /** The id stored as the owner of this server's runs (the advisory lock's key). */
  public long id() {
    return id;
  }

  private void hold(PgConnection value) {
    connection = value;
    value.closeHandler(v -> lost());
    value.query(KEEPALIVE).execute().onFailure(e -> LOG.warn("owner lock {}: the session's TCP"
        + " keepalive could not be set ({}); a vanished server's lock is then freed only when"
        + " the operating system finds the connection dead", id, e.toString()));
    synchronized (this) {
      if (checkTimer < 0 && !closed) {
        checkTimer = vertx.setPeriodic(CHECK_MS, t -> check());
      }
    }
  }

  /**
   * Asks the lock's connection {@code SELECT 1}; a failure or no answer within
   * {@link #CHECK_TIMEOUT_MS} closes it, and its close handler takes the lock again.
   */
  private void check() {
    PgConnection c = connection;
    if (c == null || closed) {
      return;
    }
    long timeout = vertx.setTimer(CHECK_TIMEOUT_MS, t -> {
      LOG.warn("owner lock {}: its connection did not answer in {} ms; closing it",
          id, CHECK_TIMEOUT_MS);
      c.close();
    });
    c.query("SELECT 1").execute().onComplete(r -> {
      vertx.cancelTimer(timeout);
      if (r.failed() && connection == c) {
        LOG.warn("owner lock {}: its connection failed a check ({}); closing it", id,
            r.cause().toString());
        c.close();
      }
    });
  }

  private void lost() {
    connection = null;
    if (!closed) {
      LOG.warn("lost the connection holding owner lock {}; taking it again when the database"
          + " answers", id);
      retake(FIRST_RETRY_MS);
    }
  }

  private void retake(long delay) {
    vertx.setTimer(delay, t -> {
      if (closed) {
        return;
      }
      PgConnection.connect(vertx, options).compose(c -> locked(c, id))
          .onSuccess(c -> {
            if (closed) {
              c.close();
              return;
            }
            hold(c);
            LOG.info("took owner lock {} again", id);
          })
          .onFailure(e -> retake(Math.min(delay * 2, LAST_RETRY_MS)));
    });
  }

  /**
   * The connection holding the lock on {@code key}, or a failure (the connection closed):
   * {@link HeldElsewhereException} when another session holds it.
   */
  private static Future<PgConnection> locked(PgConnection connection, long key) {
    return connection.preparedQuery("SELECT pg_try_advisory_lock($1)").execute(Tuple.of(key))
        .map(rows -> rows.iterator().next().getBoolean(0))
        .transform(taken -> {
          if (taken.succeeded() && taken.result()) {
            return Future.succeededFuture(connection);
          }
          Throwable why = taken.failed() ? taken.cause() : new HeldElsewhereException(key);
          return connection.close().transform(v -> Future.failedFuture(why));
        });
  }

  /** Frees the lock: closes its connection. Call it once this server's runs are stored. */
  @Override
  public void close() {
    closed = true;
    synchronized (this) {
      if (checkTimer >= 0) {
        vertx.cancelTimer(checkTimer);
        checkTimer = -1;
      }
    }
    PgConnection c = connection;
    connection = null;
    if (c != null) {
      try {
        // bounded: a database that hangs had held a server's shutdown for good
        Database.bounded(c.close(), Database.REQUEST_DEADLINE).await();
      } catch (Exception e) { // already broken: its session, and the lock, are gone anyway
        LOG.debug("closing owner lock {}: {}", id, e.toString());
      }
    }
  }

  /** The key is locked by another session. */
  private static final class HeldElsewhereException extends RuntimeException {

    HeldElsewhereException(long key) {
      super("advisory lock " + key + " is held by another session", null, false, false);
    }
  }
}
