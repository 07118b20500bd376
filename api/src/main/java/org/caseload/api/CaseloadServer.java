package org.caseload.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.micrometer.backends.BackendRegistries;
import java.io.IOException;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.UUID;
import org.caseload.api.http.ApiRoutes;
import org.caseload.api.runs.RunMetrics;
import org.caseload.api.runs.RunService;
import org.caseload.api.store.Database;
import org.caseload.api.store.RunStore;
import org.caseload.api.store.ScenarioStore;
import org.caseload.core.data.DfeData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Caseload API: its Vert.x (with Prometheus metrics), database, run service and
 * HTTP server. {@link #start} blocks until it serves; {@link #close} stops it in order.
 */
public final class CaseloadServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CaseloadServer.class);

  private final Vertx vertx;
  private final Database database;
  private final RunService runs;
  private final HttpServer http;

  private CaseloadServer(Vertx vertx, Database database, RunService runs, HttpServer http) {
    this.vertx = vertx;
    this.database = database;
    this.runs = runs;
    this.http = http;
  }

  /** Starts a server; call it from a thread that may block (not an event loop). */
  public static CaseloadServer start(ServerConfig config) throws IOException {
    String registryName = "caseload-" + UUID.randomUUID();
    Vertx vertx = Vertx.builder().with(new VertxOptions().setMetricsOptions(
            new MicrometerMetricsOptions()
                .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true)
                    .setPublishQuantiles(true))
                .setLabels(EnumSet.of(Label.HTTP_METHOD, Label.HTTP_CODE, Label.HTTP_ROUTE))
                .setRegistryName(registryName)
                .setEnabled(true)))
        .build();
    Database database = null;
    RunService runs = null;
    try {
      database = Database.open(vertx, config.databaseUrl(), config.embeddedFolder());
      RunStore runStore = new RunStore(database.pool());
      runs = new RunService(runStore, config.runSlots(), config.queue(), config.threadsPerRun(),
          CodeVersion.get());
      int failed = runs.recover().await();
      if (failed > 0) {
        LOG.warn("{} runs were left unfinished by a server that stopped; marked failed", failed);
      }
      MeterRegistry registry = BackendRegistries.getNow(registryName);
      RunService service = runs;
      RunMetrics metrics = new RunMetrics(registry, service::queued, service::running);
      runs.metrics(metrics);
      vertx.setPeriodic(1_000, t -> metrics.sample());
      ApiRoutes.Services services = new ApiRoutes.Services(database,
          new ScenarioStore(database.pool()), runStore, runs, dfeData(config), config.limits(),
          config.token());
      var router = ApiRoutes.create(vertx, services, registryName).await();
      HttpServer http = vertx.createHttpServer(new HttpServerOptions().setHost(config.host())
              .setPort(config.port()).setCompressionSupported(true))
          .requestHandler(router).listen().await();
      LOG.info("Caseload API on http://{}:{}{}", config.host(), http.actualPort(),
          ApiRoutes.BASE);
      return new CaseloadServer(vertx, database, runs, http);
    } catch (IOException | RuntimeException e) {
      if (runs != null) {
        runs.close();
      }
      if (database != null) {
        database.close();
      }
      vertx.close().await();
      throw e;
    }
  }

  private static DfeData dfeData(ServerConfig config) {
    if (config.dfeFolder() == null || !Files.isDirectory(config.dfeFolder())) {
      LOG.warn("no DfE data at {}: calibrations are unavailable", config.dfeFolder());
      return null;
    }
    try {
      return DfeData.load(config.dfeFolder());
    } catch (IOException | IllegalArgumentException e) {
      LOG.warn("cannot read DfE data at {} ({}): calibrations are unavailable",
          config.dfeFolder(), e.getMessage());
      return null;
    }
  }

  /** The port it listens on. */
  public int port() {
    return http.actualPort();
  }

  /** Stops serving, stops active runs (stored as failed), closes the database. */
  @Override
  public void close() throws IOException {
    http.close().await();
    runs.close();
    database.close();
    vertx.close().await();
  }
}
