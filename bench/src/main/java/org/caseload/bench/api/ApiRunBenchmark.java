package org.caseload.bench.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.caseload.api.CaseloadServer;
import org.caseload.api.Limits;
import org.caseload.api.ServerConfig;
import org.caseload.core.scenario.Scenario;
import org.caseload.sim.engine.MonteCarlo;
import org.caseload.sim.engine.RunOptions;
import org.caseload.sim.output.RunJson;
import org.caseload.sim.presets.Presets;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A planner's run through the API, end to end (POST, poll the status every 5 ms, GET the
 * results), next to the same run computed in-process (simulate and write the JSON): 1,000
 * replications, 24 months, every core. The server stores in {@code CASELOAD_DB_URL}, or an
 * embedded PostgreSQL in a temporary folder (some 40 MB) that the trial's tear-down deletes
 * once the server and its database are closed. The server is given no DfE data: runs of a
 * preset do not read it (only calibrations, the published actuals and sweeps do), so its
 * start-up warning "no DfE data at null: calibrations are unavailable" is expected here.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar ApiRunBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(1)
public class ApiRunBenchmark {

  private static final int REPLICATIONS = 1000;
  private static final int MONTHS = 24;

  @Param({"medway-2019-example", "medway-2019"})
  public String preset;

  private CaseloadServer server;
  private Path embeddedFolder;
  private HttpClient http;
  private Scenario scenario;
  private int threads;

  @Setup
  public void setUp() throws IOException {
    threads = Runtime.getRuntime().availableProcessors();
    scenario = Presets.load(preset).orElseThrow().withHorizon(MONTHS);
    String env = System.getenv("CASELOAD_DB_URL");
    String url = env == null || env.isBlank() ? null : env;
    embeddedFolder = url == null ? Files.createTempDirectory("caseload-bench-pg") : null;
    try {
      server = CaseloadServer.start(new ServerConfig("127.0.0.1", 0, url, embeddedFolder, null,
          1, 16, threads, Limits.DEFAULT, null));
    } catch (IOException | RuntimeException e) {
      deleteEmbeddedFolder();
      throw e;
    }
    http = HttpClient.newHttpClient();
  }

  /** Closes the server (and with it the embedded database), then deletes its folder. */
  @TearDown
  public void tearDown() throws IOException {
    try {
      if (server != null) {
        server.close();
        server = null;
      }
    } finally {
      deleteEmbeddedFolder();
    }
  }

  private void deleteEmbeddedFolder() throws IOException {
    if (embeddedFolder == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(embeddedFolder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
    embeddedFolder = null;
  }

  @Benchmark
  public String endToEnd() throws IOException, InterruptedException {
    String request = "{\"preset\":\"" + preset + "\",\"replications\":" + REPLICATIONS
        + ",\"months\":" + MONTHS + ",\"seed\":1}";
    HttpResponse<String> created = http.send(HttpRequest.newBuilder(uri("/api/v1/runs"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(request)).build(),
        HttpResponse.BodyHandlers.ofString());
    String location = created.headers().firstValue("Location").orElseThrow(
        () -> new IllegalStateException("not accepted: " + created.body()));
    while (true) {
      String status = http.send(HttpRequest.newBuilder(uri(location)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      if (status.contains("\"status\":\"succeeded\"")) {
        break;
      }
      if (status.contains("\"status\":\"failed\"") || status.contains("\"status\":\"cancelled\"")) {
        throw new IllegalStateException(status);
      }
      Thread.sleep(5);
    }
    return http.send(HttpRequest.newBuilder(uri(location + "/results")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  @Benchmark
  public String computeOnly() {
    return RunJson.write(MonteCarlo.run(scenario, RunOptions.builder()
        .replications(REPLICATIONS).seed(1).threads(threads).build(), List.of()));
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }
}
