package org.caseload.api;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.EnumSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.caseload.api.cluster.ClusterConfig;
import org.caseload.api.cluster.ClusterExecutor;
import org.caseload.api.cluster.ClusterMetrics;
import org.caseload.api.cluster.ClusterNode;
import org.caseload.api.cluster.ComputeService;
import org.caseload.api.http.ApiRoutes;
import org.caseload.api.http.ConnectionGuard;
import org.caseload.api.http.InvalidRequests;
import org.caseload.api.http.MethodLabel;
import org.caseload.api.http.RequestGuard;
import org.caseload.api.http.RouteLabel;
import org.caseload.api.runs.RunMetrics;
import org.caseload.api.runs.RunService;
import org.caseload.api.store.Database;
import org.caseload.api.store.OwnerLock;
import org.caseload.api.store.RunStore;
import org.caseload.api.store.ScenarioStore;
import org.caseload.core.data.DfeData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Caseload API: its Vert.x (with Prometheus metrics), database, owner lock, run
 * service and HTTP server. {@link #start} blocks until it serves; {@link #close} stops it in
 * order. Several servers may share one database: each owns the runs it starts
 * ({@link OwnerLock}), and a start fails only the runs of servers that are gone.
 *
 * @implNote Thread-safe; start and close from a thread that may block (not an event loop).
 */
public final class CaseloadServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CaseloadServer.class);

  /** The longest request line the codec reads (414 beyond). */
  static final int MAX_LINE_BYTES = 8_192;
  /** The most header bytes the codec reads (431 beyond). */
  static final int MAX_HEADER_BYTES = 16_384;

  private final Vertx vertx;
  private final Database database;
  private final OwnerLock owner;
  private final RunService runs;
  private final HttpServer http;
  private final ConnectionGuard guard;
  /** The periodic rounds over the database: recovery, and sharing runs with other servers. */
  private final long[] timers;

  private CaseloadServer(Vertx vertx, Database database, OwnerLock owner, RunService runs,
      HttpServer http, ConnectionGuard guard, long... timers) {
    this.vertx = vertx;
    this.database = database;
    this.owner = owner;
    this.runs = runs;
    this.http = http;
    this.guard = guard;
    this.timers = timers;
  }

  /** Starts a server on the system clock (UTC). */
  public static CaseloadServer start(ServerConfig config) throws IOException {
    return start(config, Clock.systemUTC());
  }

  /**
   * Response times keep a histogram (Prometheus buckets); request and response sizes keep
   * their count, sum and maximum but no histogram: 276 buckets per route and status made
   * /metrics about 2 MB. In place of Vert.x's quantile publishing, which buckets both.
   */
  private static final MeterFilter TIMES_WITH_BUCKETS = new MeterFilter() {
    @Override
    public DistributionStatisticConfig configure(Meter.Id id,
        DistributionStatisticConfig config) {
      return id.getType() == Meter.Type.TIMER
          ? DistributionStatisticConfig.builder().percentilesHistogram(true).build().merge(config)
          : config;
    }
  };

  /**
   * Starts a server; call it from a thread that may block (not an event loop).
   *
   * @param clock when scenarios and runs are created, start and end
   * @throws HostNotLocalException when the host is not an address of this machine (before
   *     anything starts)
   * @throws PortInUseException when another program listens on the port (before anything
   *     starts, or when the server binds)
   */
  public static CaseloadServer start(ServerConfig config, Clock clock) throws IOException {
    return start(config, clock, null);
  }

  /**
   * Starts a server that joins the cluster {@code cluster} describes (null: no cluster),
   * computes chunks for it and sends its runs' and comparisons' chunks to every node.
   */
  public static CaseloadServer start(ServerConfig config, Clock clock, ClusterConfig cluster)
      throws IOException {
    JavaLogging.toServerLog();
    ListenAddress.check(config.host(), config.port()); // before any database work
    String registryName = "caseload-" + UUID.randomUUID();
    // The route label is RouteLabel's (one per route whatever the status), not Vert.x's.
    RouteLabel routeLabel = new RouteLabel();
    VertxOptions vertxOptions = new VertxOptions().setMetricsOptions(
            new MicrometerMetricsOptions()
                .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
                .setLabels(EnumSet.of(Label.HTTP_METHOD, Label.HTTP_CODE))
                .setServerRequestTagsProvider(routeLabel::tags)
                .setRegistryName(registryName)
                .setEnabled(true));
    // The filters go on before Vert.x registers its first meters (else Micrometer warns).
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(MeterFilter.replaceTagValues(Label.HTTP_METHOD.toString(),
        MethodLabel::of)).meterFilter(TIMES_WITH_BUCKETS);
    MicrometerMetricsFactory metricsFactory = new MicrometerMetricsFactory(registry);
    ClusterNode.Started node = cluster == null ? null
        : ClusterNode.start(cluster, vertxOptions, metricsFactory);
    Vertx vertx = node == null
        ? Vertx.builder().with(vertxOptions).withMetrics(metricsFactory).build() : node.vertx();
    Database database = null;
    OwnerLock owner = null;
    RunService runs = null;
    ConnectionGuard guard = null;
    try {
      database = Database.open(vertx, config.databaseUrl(), config.embeddedFolder());
      owner = OwnerLock.take(vertx, database.address());
      RunStore runStore = new RunStore(database.pool(), clock, owner.id());
      runs = new RunService(runStore, config.runSlots(), config.queue(), config.threadsPerRun(),
          config.summaryBytesPerRun(), CodeVersion.get(), clock);
      int failed = runs.recover().await();
      if (failed > 0) {
        LOG.warn("{} runs were left unfinished by servers that are gone; marked failed", failed);
      }
      RunService service = runs;
      // the system property caseload.recoveryMillis shortens the rounds for tests
      long recoveryMillis = Math.max(100, Long.getLong("caseload.recoveryMillis",
          RunService.RECOVERY_MILLIS));
      long recoveryTimer = vertx.setPeriodic(recoveryMillis,
          t -> service.recoverWhileServing(recoveryMillis).onComplete(r -> {
            if (r.succeeded() && r.result() > 0) {
              LOG.warn("{} runs of a server that is gone marked failed", r.result());
            } else if (r.failed()) {
              LOG.warn("recovery while serving failed: {}", r.cause().toString());
            }
          }));
      long shareTimer = vertx.setPeriodic(RunService.SHARE_MILLIS,
          t -> service.share().onFailure(e -> LOG.warn("sharing this server's runs with"
              + " the database failed: {}", e.toString())));
      RunMetrics metrics = new RunMetrics(registry, service);
      runs.metrics(metrics);
      vertx.setPeriodic(1_000, t -> metrics.sample());
      if (node != null) {
        ComputeService compute =
            ComputeService.start(vertx, node.manager(), config.threadsPerRun());
        ClusterExecutor executor = new ClusterExecutor(vertx, node.manager(), cluster);
        ClusterMetrics clusterMetrics = new ClusterMetrics(registry, executor, compute);
        vertx.setPeriodic(1_000, t -> clusterMetrics.sample());
        runs.chunkExecutor(executor);
      }
      ApiRoutes.Services services = new ApiRoutes.Services(database,
          new ScenarioStore(database.pool(), clock), runStore, runs, dfeData(config),
          config.limits(), config.summaryBytesPerRun(), config.token(), config.accessLog());
      Router router = ApiRoutes.create(vertx, services, registryName).await();
      routeLabel.learn(router);
      guard = new ConnectionGuard(vertx, config.connections());
      HttpServer http = listen(vertx, config, router, guard);
      LOG.info("Caseload API on http://{}:{}{}", config.host(), http.actualPort(),
          ApiRoutes.BASE);
      return new CaseloadServer(vertx, database, owner, runs, http, guard, recoveryTimer,
          shareTimer);
    } catch (IOException | RuntimeException e) {
      if (guard != null) {
        guard.close();
      }
      if (runs != null) {
        runs.close();
      }
      if (owner != null) {
        owner.close();
      }
      if (database != null) {
        database.close();
      }
      vertx.close().await();
      throw e;
    }
  }

  /**
   * The HTTP server: HTTP/1.1 only, bounded request lines and headers (414, 431 as
   * problems), an idle timeout, and the guard on every connection and request.
   */
  private static HttpServer listen(Vertx vertx, ServerConfig config, Router router,
      ConnectionGuard guard) {
    ConnectionLimits limits = config.connections();
    HttpServerOptions options = new HttpServerOptions().setHost(config.host())
        .setPort(config.port()).setCompressionSupported(true)
        .setHttp2ClearTextEnabled(false)
        .setMaxInitialLineLength(MAX_LINE_BYTES).setMaxHeaderSize(MAX_HEADER_BYTES)
        .setIdleTimeout((int) limits.idleTimeout().toSeconds())
        .setIdleTimeoutUnit(TimeUnit.SECONDS);
    try {
      return vertx.createHttpServer(options)
          .connectionHandler(guard::connected)
          .invalidRequestHandler(new InvalidRequests(MAX_LINE_BYTES, MAX_HEADER_BYTES,
              config.accessLog(), config.token()))
          .requestHandler(new RequestGuard(router, guard, config.hostNames(),
              config.accessLog(), config.token()))
          .listen().await();
    } catch (RuntimeException e) {
      if (isBindFailure(e)) {
        throw new PortInUseException(config.host(), config.port());
      }
      throw e;
    } catch (Exception e) { // await() rethrows checked exceptions too
      if (isBindFailure(e)) {
        throw new PortInUseException(config.host(), config.port());
      }
      throw new IllegalStateException("cannot listen on " + config.host() + ":"
          + config.port(), e);
    }
  }

  private static boolean isBindFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof BindException || String.valueOf(t.getMessage()).contains(
          "Address already in use")) {
        return true;
      }
    }
    return false;
  }

  private static DfeData dfeData(ServerConfig config) {
    if (config.dfeFolder() == null || !Files.isDirectory(config.dfeFolder())) {
      LOG.warn("no DfE data at {}: calibrations are unavailable", config.dfeFolder());
      return null;
    }
    try {
      return DfeData.load(config.dfeFolder());
    } catch (IOException e) { // unreadable, or no DfE workforce table in it
      LOG.warn("cannot read DfE data at {} ({}): calibrations are unavailable",
          config.dfeFolder(), e.getMessage());
      return null;
    }
  }

  /** How long requests in flight have to be answered when the server stops. */
  static final int SHUTDOWN_GRACE_SECONDS = 5;

  /** The port it listens on. */
  public int port() {
    return http.actualPort();
  }

  /**
   * Stops active runs (stored as failed; new submissions get 503 meanwhile, and requests
   * waiting on a run answer as it ends), then stops serving, letting requests in flight be
   * answered for up to {@value #SHUTDOWN_GRACE_SECONDS} seconds (they had been cut off with
   * no answer), frees the owner lock (after the runs' ends are stored: a run still unfinished
   * then is another start's to recover), closes the database.
   */
  @Override
  public void close() throws IOException {
    long running = runs.running();
    long queued = runs.queued();
    // said, since a SIGTERM had stopped the server without a line: an operator could not tell
    // a stop from a crash, nor which runs planners will find failed
    LOG.info("stopping: {} running and {} queued runs stored as failed (\"the server stopped"
        + " before the run finished\"); requests in flight have {} s", running, queued,
        SHUTDOWN_GRACE_SECONDS);
    for (long timer : timers) {
      vertx.cancelTimer(timer);
    }
    guard.close();
    runs.close();
    http.shutdown(SHUTDOWN_GRACE_SECONDS, java.util.concurrent.TimeUnit.SECONDS).await();
    owner.close();
    database.close();
    vertx.close().await();
    LOG.info("stopped");
  }
}
