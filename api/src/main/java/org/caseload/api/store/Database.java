package org.caseload.api.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnection;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL the API stores into: the configured one or an embedded one, its schema
 * brought up to date by Flyway, and a pool of Vert.x connections to it.
 */
public final class Database implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  private final DatabaseAddress address;
  private final EmbeddedDatabase embedded;
  private final Pool pool;

  private Database(DatabaseAddress address, EmbeddedDatabase embedded, Pool pool) {
    this.address = address;
    this.embedded = embedded;
    this.pool = pool;
  }

  /** Event loops the pool's connections run on. */
  private static final int POOL_LOOPS = 2;

  /**
   * Connects to {@code url}, or when it is null starts an embedded PostgreSQL with its data
   * in {@code embeddedFolder}, then migrates the schema. Blocking: call it before serving.
   */
  public static Database open(Vertx vertx, String url, Path embeddedFolder) throws IOException {
    EmbeddedDatabase embedded = null;
    DatabaseAddress address;
    if (url == null || url.isBlank()) {
      embedded = EmbeddedDatabase.start(embeddedFolder, 0);
      address = embedded.address();
    } else {
      address = DatabaseAddress.parse(url);
    }
    try {
      refuseWhatNoRetryMends(address);
      migrate(address);
    } catch (RuntimeException | DatabaseRefusedException e) {
      if (embedded != null) {
        embedded.close();
      }
      throw e;
    }
    // The pool's connections on POOL_LOOPS event loops it takes from Vert.x's group when it is
    // built, not on the callers': rows are decoded there, so a stored result of tens of
    // megabytes is read without holding the loop that serves HTTP (LargeResultsApiTest),
    // callbacks still running on the caller's. The group has two loops a core, handed out in
    // turn: with two cores or more the pool's are others than the HTTP server's; on one core
    // one of them is the same, and a large read holds it again.
    Pool pool = PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(8).setEventLoopSize(POOL_LOOPS).setConnectionTimeout(5)
            .setConnectionTimeoutUnit(java.util.concurrent.TimeUnit.SECONDS))
        .with(new NetClientOptions().setConnectTimeout(2_000))
        .connectingTo(address.connectOptions())
        .using(vertx)
        .build();
    LOG.info("storing in {}", address);
    return new Database(address, embedded, pool);
  }

  /**
   * The longest one attempt to connect and log in for the migrations may take (Flyway tries
   * four times). Without it a database that accepts the connection and then says nothing (a
   * hung PostgreSQL, a wrong port on another service, a proxy with nothing behind it) had
   * held the start for good, with no line logged.
   */
  public static final int LOGIN_TIMEOUT_SECONDS = 10;

  /**
   * Connects once before the migrations, which try four times over 7 seconds whatever the
   * error: a database that does not exist, or a login refused, is said at once (a trial's
   * {@code serve} against a missing database had logged three retries first). Any other
   * failure (a database still starting) is left to the migrations' retries.
   *
   * @throws DatabaseRefusedException when the database refuses for good
   */
  static void refuseWhatNoRetryMends(DatabaseAddress address) throws DatabaseRefusedException {
    try (java.sql.Connection connection = java.sql.DriverManager.getConnection(
        address.jdbcUrl() + "&connectTimeout=" + LOGIN_TIMEOUT_SECONDS + "&loginTimeout="
            + LOGIN_TIMEOUT_SECONDS, address.user(), address.password())) {
      // connected: the migrations follow
    } catch (java.sql.SQLException e) {
      if (DatabaseRefusedException.unmendable(e.getSQLState())) {
        throw new DatabaseRefusedException(e);
      }
    }
  }

  /** Applies the migrations in {@code db/migration} that the database has not seen. */
  public static void migrate(DatabaseAddress address) {
    Flyway.configure()
        .dataSource(address.jdbcUrl() + "&connectTimeout=" + LOGIN_TIMEOUT_SECONDS
            + "&loginTimeout=" + LOGIN_TIMEOUT_SECONDS, address.user(), address.password())
        .locations("classpath:db/migration")
        .connectRetries(3)
        .load()
        .migrate();
  }

  public Pool pool() {
    return pool;
  }

  public DatabaseAddress address() {
    return address;
  }

  /** Succeeds when the database answers a query. */
  public Future<Void> ping() {
    return pool.preparedQuery("SELECT 1").execute().mapEmpty();
  }

  /**
   * The longest a request waits for one database operation: a database that hangs (stopped,
   * or a network that drops packets) rather than refuses had left requests unanswered for
   * 90 s, until TCP keep-alives gave up, and clients with nothing (an integrator's trial).
   * Past it the request fails as the database being unavailable (503 with Retry-After).
   */
  public static final Duration REQUEST_DEADLINE = Duration.ofSeconds(10);

  /**
   * Reading a stored result, which may be tens of MiB: as {@link #REQUEST_DEADLINE}, longer.
   */
  public static final Duration RESULT_DEADLINE = Duration.ofSeconds(60);

  /** {@code operation}, failed with a timeout when it has not ended within {@code deadline}. */
  static <T> Future<T> bounded(Future<T> operation, Duration deadline) {
    return operation.timeout(deadline.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * A write bounded by {@link #REQUEST_DEADLINE}, undone by {@code undo} if it completes after
   * the request has failed for it: the client was told the database did not answer, so what
   * it asked for must not appear when the database comes back (a run created then would have
   * been one its client never knew of, and a retry its duplicate).
   */
  static <T> Future<T> boundedWrite(Future<T> write, Supplier<Future<?>> undo) {
    Future<T> bounded = bounded(write, REQUEST_DEADLINE);
    bounded.onFailure(e -> {
      if (e instanceof TimeoutException) {
        write.onSuccess(v -> undo.get().onFailure(f -> LOG.warn(
            "could not undo a write its request had given up on: {}", f.toString())));
      }
    });
    return bounded;
  }

  /**
   * A write made in a transaction that commits only while its request still waits: past
   * {@link #REQUEST_DEADLINE} the request fails (the database did not answer) and, when the
   * database answers again, the transaction is rolled back, so what its client was told was
   * not done is not done. Only a database that hangs during the commit itself can commit it
   * after the request was given up on: then {@code undo}, when there is one, removes it (a
   * scenario created: its client never had its id), else the server logs it (a replacement
   * or a deletion: a replacement's version says so to its client).
   */
  static <T> Future<T> boundedTransaction(Pool pool, Function<SqlConnection, Future<T>> write,
      Supplier<Future<?>> undo) {
    AtomicBoolean givenUp = new AtomicBoolean();
    Future<T> made = pool.withTransaction(connection -> write.apply(connection).compose(value ->
        givenUp.get() ? Future.failedFuture(new TimeoutException("given up on; rolled back"))
            : Future.succeededFuture(value)));
    Future<T> bounded = bounded(made, REQUEST_DEADLINE);
    bounded.onFailure(e -> {
      if (e instanceof TimeoutException) {
        givenUp.set(true);
        made.onSuccess(v -> {
          if (undo == null) {
            LOG.warn("a write its request had given up on was committed meanwhile");
          } else {
            undo.get().onFailure(f -> LOG.warn(
                "could not undo a write its request had given up on: {}", f.toString()));
          }
        });
      }
    });
    return bounded;
  }

  /**
   * Whether {@code failure} means the database cannot be reached (refused or lost
   * connection, timeout, server shutting down, out of connections or other resources, a
   * login refused, the database missing) rather than a bad statement or a bug. Looks down the
   * chain of causes. A login refused (SQLSTATE class 28: the role's password rotated, the role
   * locked, pg_hba.conf changed) and a database that does not exist (3D000: dropped, or being
   * restored) refuse every new connection as a database that is down does, until a DBA puts
   * it right: requests get 503 and a run's end is stored when it is (they had been 500s, and
   * the run left "running" for good).
   */
  public static boolean isUnavailable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof PgException pg) {
        String state = pg.getSqlState();
        return state != null && (state.startsWith("08") || state.startsWith("28")
            || state.equals("3D000") || state.startsWith("53") || state.startsWith("57P"));
      }
      if (t instanceof ClosedConnectionException || t instanceof java.io.IOException
          || t instanceof java.util.concurrent.TimeoutException
          || t instanceof io.netty.channel.ChannelException
          || (t instanceof io.vertx.core.VertxException
              && String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT)
                  .contains("timeout"))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() throws IOException {
    pool.close().await();
    if (embedded != null) {
      embedded.close();
    }
  }
}
