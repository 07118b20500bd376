package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A cluster of real JVMs on 127.0.0.1: an API node ({@code serve --cluster}) and two
 * workers ({@code worker --cluster}), each computing with one thread. A run, a comparison and
 * an all-England sweep (of three councils) have the bytes of the one-process CLI and every
 * node computed some of their chunks; so have a goal-seek and a sensitivity study (tornado and
 * Sobol indices), JSON and CSV; a node that leaves has its per-node meters removed; a cancelled run stops on every node; a worker started
 * mid-run gets chunks; a worker killed (kill -9) mid-run has its chunks computed elsewhere
 * and the run still has the CLI's bytes;
 * {@code caseload sweep --all-councils --cluster} joining the cluster writes the one-process
 * CSV; an API node killed mid-run and restarted reports the run failed and computes again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Pattern WORKER_ID = Pattern.compile("Caseload worker ([0-9a-f-]{36})");
  private static final Pattern API_ID = Pattern.compile("node ([0-9a-f-]{36}) computes chunks");

  private static String url;
  private static String name;
  private static List<Integer> ports;
  private static ServerProcess api;
  private static String apiNode;
  private static final List<Worker> WORKERS = new ArrayList<>();

  /** A worker JVM. */
  record Worker(Process process, Path log, String node) {
    String text() throws IOException {
      return Files.readString(log);
    }
  }

  /** Ports handed out, so that no two nodes are given one. */
  private static final java.util.Set<Integer> HANDED_OUT = new java.util.HashSet<>();

  /**
   * A port free now, below the kernel's ephemeral range (32768 and up by default): one taken
   * from that range and given back could be an outgoing connection's local port by the time a
   * node binds it, minutes later (a CI run's sweep node found its port in use), while ports
   * below it are never given to outgoing connections.
   */
  private static int freePort() throws IOException {
    java.net.InetAddress loopback = java.net.InetAddress.getByName("127.0.0.1");
    int start = 20_000 + new java.util.Random().nextInt(10_000);
    for (int port = start; port < 32_768; port++) {
      if (HANDED_OUT.contains(port)) {
        continue;
      }
      try (ServerSocket socket = new ServerSocket(port, 1, loopback)) {
        HANDED_OUT.add(port);
        return socket.getLocalPort();
      } catch (IOException taken) {
        // the next one
      }
    }
    throw new IOException("no free port from " + start + " to 32767");
  }

  private static String members() {
    StringBuilder text = new StringBuilder();
    for (int port : ports.subList(0, 4)) {
      text.append(text.length() == 0 ? "" : ",").append("127.0.0.1:").append(port);
    }
    return text.toString();
  }

  private static List<String> clusterFlags(int port) {
    return List.of("--cluster", "--cluster-host", "127.0.0.1", "--cluster-port",
        Integer.toString(port), "--bus-port", "0", "--members", members(), "--cluster-name",
        name, "--chunk-timeout", "30", "--chunks-in-flight", "2");
  }

  @BeforeAll
  static void startCluster() throws Exception {
    url = TestDatabase.fresh();
    name = "it-" + Long.toHexString(System.nanoTime());
    ports = List.of(freePort(), freePort(), freePort(), freePort(), freePort());
    api = ServerProcess.start(append(List.of("--db-url", url), clusterFlags(ports.get(0))));
    apiNode = find(API_ID, api.log());
    WORKERS.add(worker(ports.get(1)));
    WORKERS.add(worker(ports.get(2)));
    awaitNodes(3);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    for (Worker worker : WORKERS) {
      worker.process().destroy();
    }
    for (Worker worker : WORKERS) {
      worker.process().waitFor();
    }
    if (api != null) {
      api.stop();
    }
    if (url != null) {
      TestDatabase.drop(url);
    }
  }

  private static String[] append(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all.toArray(String[]::new);
  }

  private static String find(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    assertThat(matcher.find()).as(text).isTrue();
    return matcher.group(1);
  }

  private static Worker worker(int port) throws Exception {
    Path jar = Path.of("target", "caseload-api.jar");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-Dhazelcast.logging.type=slf4j", "-cp", jar.toString(),
        "org.caseload.api.cluster.WorkerCommand", "--threads", "1"));
    command.addAll(clusterFlags(port));
    Path log = Files.createTempFile("caseload-worker-", ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      String text = Files.readString(log);
      Matcher matcher = WORKER_ID.matcher(text);
      if (matcher.find()) {
        return new Worker(process, log, matcher.group(1));
      }
      assertThat(process.isAlive()).as(text).isTrue();
      assertThat(System.nanoTime()).as("worker start: " + text).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  /**
   * {@code /metrics}, at most a second old (a scrape is served again for a second): every
   * caller polls until a value arrives, or reads one that changed seconds before.
   */
  private static String metrics() throws Exception {
    return api.get("/metrics").body();
  }

  private static double metric(String line) throws Exception {
    for (String row : metrics().lines().toList()) {
      if (row.startsWith(line + " ")) {
        return Double.parseDouble(row.substring(line.length() + 1));
      }
    }
    return 0;
  }

  /**
   * Waits until /metrics writes a new scrape: it serves one again for a second after writing
   * it (MetricsHandler), so a read soon after an earlier one can show the meters as they were.
   */
  private static void awaitFreshScrape() throws InterruptedException {
    Thread.sleep(1_100);
  }

  private static double answered(String node) throws Exception {
    return metric("caseload_cluster_chunks_answered_total{node=\"" + node + "\"}");
  }

  private static void awaitNodes(int count) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (metric("caseload_cluster_nodes") != count) {
      assertThat(System.nanoTime()).as("%d nodes: %s", count, metrics()).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private static String submit(String path, JsonObject body) throws Exception {
    HttpResponse<String> response = api.post(path, body.encode());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return response.headers().firstValue("Location").orElseThrow();
  }

  private static JsonObject status(String location) throws Exception {
    return new JsonObject(api.get(location).body());
  }

  private static JsonObject awaitEnd(String location) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      JsonObject run = status(location);
      String status = run.getString("status");
      if (!status.equals("queued") && !status.equals("running")) {
        return run;
      }
      assertThat(System.nanoTime()).as("end of " + location).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private static long awaitDone(String location, long atLeast) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      JsonObject run = status(location);
      long done = run.getJsonObject("progress").getLong("done");
      if (done >= atLeast) {
        return done;
      }
      assertThat(run.getString("status")).isIn("queued", "running");
      assertThat(System.nanoTime()).as("progress of " + location).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private static JsonObject run(long replications, int seed) {
    return new JsonObject().put("preset", "medway-2019").put("replications", replications)
        .put("months", 24).put("seed", seed);
  }

  private static String cliRun(long replications, int seed) {
    return Cli.run("run", "--preset", "medway-2019", "--replications",
        Long.toString(replications), "--months", "24", "--seed", Integer.toString(seed),
        "--quiet", "--format", "json");
  }

  @Test
  @Order(1)
  void runComparisonAndSweep_sameBytesAsOneProcess_everyNodeComputes() throws Exception {
    double[] before = {answered(apiNode), answered(WORKERS.get(0).node()),
        answered(WORKERS.get(1).node())};
    String location = submit("/api/v1/runs", run(1_000, 5));
    assertThat(awaitEnd(location).getString("status")).isEqualTo("succeeded");
    assertThat(api.get(location + "/results").body()).isEqualTo(cliRun(1_000, 5));

    String posts = "{\"type\":\"posts\",\"startMonth\":1,\"endMonth\":null,"
        + "\"team\":\"assessment\",\"fte\":8}";
    JsonObject comparison = new JsonObject()
        .put("baseline", new JsonObject().put("preset", "medway-2019"))
        .put("variants", new JsonArray().add(new JsonObject().put("interventions",
            new JsonArray().add(new JsonObject(posts)))))
        .put("replications", 640).put("months", 24).put("seed", 9);
    String compared = submit("/api/v1/comparisons", comparison);
    assertThat(awaitEnd(compared).getString("status")).isEqualTo("succeeded");
    assertThat(api.get(compared + "/results").body()).isEqualTo(Cli.run("compare", "--preset",
        "medway-2019", "--with", posts, "--replications", "640", "--months", "24", "--seed",
        "9", "--quiet", "--format", "json"));

    JsonObject sweep = new JsonObject().put("year", 2019)
        .put("councils", new JsonArray().add("Medway").add("Kent").add("Barnet"))
        .put("replications", 320).put("months", 12).put("seed", 4);
    String swept = submit("/api/v1/sweeps", sweep);
    assertThat(awaitEnd(swept).getString("status")).isEqualTo("succeeded");
    assertThat(api.get(swept + "/results?format=csv").body()).isEqualTo(Cli.run("sweep",
        "--all-councils", "--year", "2019", "--councils", "Medway,Kent,Barnet",
        "--replications", "320", "--months", "12", "--seed", "4", "--quiet", "--data",
        "../data/dfe"));

    awaitFreshScrape();
    assertThat(answered(apiNode)).as("API node's chunks").isGreaterThan(before[0]);
    assertThat(answered(WORKERS.get(0).node())).as("worker 1's chunks")
        .isGreaterThan(before[1]);
    assertThat(answered(WORKERS.get(1).node())).as("worker 2's chunks")
        .isGreaterThan(before[2]);
    assertThat(metric("caseload_cluster_chunks_resent_total")).isZero();
  }

  @Test
  @Order(2)
  void goalSeekAndSensitivity_sameBytesAsOneProcess_workersCompute() throws Exception {
    double before = answered(WORKERS.get(0).node()) + answered(WORKERS.get(1).node());
    JsonObject goalSeek = new JsonObject().put("preset", "medway-2019").put("months", 6)
        .put("seed", 5).put("targets", new JsonArray().add("caseload <= 18 at month 6"))
        .put("probability", 0.8)
        .put("levers", new JsonArray().add("posts:longTerm=0..60/6").add("campaign=1..2/1"))
        .put("screenReplications", 128).put("maxReplications", 512);
    String sought = submit("/api/v1/goal-seeks", goalSeek);
    JsonObject end = awaitEnd(sought);
    assertThat(end.getString("status")).as(end.encode()).isEqualTo("succeeded");
    String[] cli = {"goal-seek", "--preset", "medway-2019", "--months", "6", "--seed", "5",
        "--target", "caseload <= 18 at month 6", "--probability", "0.8", "--lever",
        "posts:longTerm=0..60/6", "--lever", "campaign=1..2/1", "--screen-replications", "128",
        "--max-replications", "512", "--threads", "1", "--quiet", "--format"};
    String json = api.get(sought + "/results").body();
    assertThat(json).isEqualTo(Cli.run(append(List.of(cli), List.of("json"))));
    assertThat(api.get(sought + "/results?format=csv").body())
        .isEqualTo(Cli.run(append(List.of(cli), List.of("csv"))));
    assertThat(end.getJsonObject("progress").getLong("done")).as("replications merged")
        .isEqualTo(new JsonObject(json).getLong("replicationsRun"));
    awaitFreshScrape();
    double afterGoalSeek = answered(WORKERS.get(0).node()) + answered(WORKERS.get(1).node());
    assertThat(afterGoalSeek).as("chunks of the goal-seek on the workers").isGreaterThan(before);

    JsonObject sensitivity = new JsonObject().put("preset", "medway-2019").put("months", 6)
        .put("metric", "caseload").put("month", 6)
        .put("parameters", new JsonArray().add("referralLevel").add("annualTurnover"))
        .put("levers", new JsonArray().add("posts:longTerm=0..10/10"))
        .put("replications", 40).put("sobolPoints", 16).put("bootstrap", 100).put("seed", 3)
        .put("method", "both");
    double[] each = {answered(apiNode), answered(WORKERS.get(0).node()),
        answered(WORKERS.get(1).node())};
    String studied = submit("/api/v1/sensitivities", sensitivity);
    assertThat(awaitEnd(studied).getString("status")).isEqualTo("succeeded");
    String[] study = {"sensitivity", "--preset", "medway-2019", "--months", "6", "--metric",
        "caseload", "--month", "6", "--parameters", "referralLevel,annualTurnover", "--lever",
        "posts:longTerm=0..10/10", "--replications", "40", "--sobol-points", "16",
        "--bootstrap", "100", "--seed", "3", "--method", "both", "--quiet", "--format"};
    assertThat(api.get(studied + "/results").body())
        .isEqualTo(Cli.run(append(List.of(study), List.of("json"))));
    assertThat(api.get(studied + "/results?format=csv").body())
        .isEqualTo(Cli.run(append(List.of(study), List.of("csv"))));
    awaitFreshScrape();
    assertThat(answered(apiNode)).as("API node's chunks").isGreaterThan(each[0]);
    assertThat(answered(WORKERS.get(0).node())).as("worker 1's chunks").isGreaterThan(each[1]);
    assertThat(answered(WORKERS.get(1).node())).as("worker 2's chunks").isGreaterThan(each[2]);
    assertThat(metric("caseload_cluster_chunks_resent_total")).isZero();
  }

  @Test
  @Order(3)
  void cancelledRun_stopsOnEveryNode() throws Exception {
    String location = submit("/api/v1/runs", run(100_000, 6).put("months", 120));
    awaitDone(location, 128);
    String job = lastJob(api.log());
    HttpResponse<String> cancel = HTTP.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + api.port + location)).DELETE().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(202);
    assertThat(awaitEnd(location).getString("status")).isEqualTo("cancelled");
    // every worker heard the cancellation and dropped the job; nothing stays in flight
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    for (Worker worker : WORKERS) {
      while (!worker.text().contains("job " + job + " ended or was cancelled")) {
        assertThat(System.nanoTime()).as("worker %s told of the cancel: %s", worker.node(),
            worker.text()).isLessThan(deadline);
        Thread.sleep(100);
      }
    }
    awaitFreshScrape(); // one from before the cancel had shown earlier sends as later (150, 159)
    while (inFlight() > 0) {
      assertThat(System.nanoTime()).as("chunks in flight after cancel: %s", metrics())
          .isLessThan(deadline);
      Thread.sleep(100);
    }
    double sent = metric("caseload_cluster_chunks_sent_total");
    Thread.sleep(1_500);
    assertThat(metric("caseload_cluster_chunks_sent_total")).isEqualTo(sent);
    assertThat(status(location).getJsonObject("progress").getLong("done"))
        .isLessThan(100_000);
  }

  /** The id of the job the API node dispatched last (it logs the nodes of each job). */
  private static String lastJob(String log) {
    Matcher matcher = Pattern.compile("job ([0-9a-f-]{36}): \\d+ nodes compute").matcher(log);
    String last = null;
    while (matcher.find()) {
      last = matcher.group(1);
    }
    assertThat(last).as(log).isNotNull();
    return last;
  }

  private static double inFlight() throws Exception {
    double total = 0;
    for (String row : metrics().lines().toList()) {
      if (row.startsWith("caseload_cluster_chunks_in_flight{")
          || row.startsWith("caseload_cluster_local_chunks_computing ")) {
        total += Double.parseDouble(row.substring(row.lastIndexOf(' ') + 1));
      }
    }
    return total;
  }

  @Test
  @Order(4)
  void workerJoiningMidRun_getsChunks_sameBytes() throws Exception {
    // long enough (about 25 s on this machine's three nodes) that a worker whose JVM takes
    // several seconds to start and join on a busy machine still finds most chunks unsent
    String location = submit("/api/v1/runs", run(40_000, 7));
    awaitDone(location, 64);
    Worker joined = worker(ports.get(3));
    WORKERS.add(joined);
    awaitNodes(4);
    assertThat(status(location).getString("status")).as("still running when it joined")
        .isEqualTo("running");
    JsonObject end = awaitEnd(location);
    assertThat(end.getString("status")).isEqualTo("succeeded");
    awaitFreshScrape();
    assertThat(answered(joined.node())).as("chunks of the worker that joined: %s", metrics())
        .isPositive();
    assertThat(api.get(location + "/results").body()).isEqualTo(cliRun(40_000, 7));
  }

  @Test
  @Order(5)
  void sweepCommandOnTheCluster_sameBytesAsOneProcess() throws Exception {
    // paired: each council's grid points against its forecast, on the cluster's chunks
    Path grid = Files.createTempFile("caseload-grid-", ".json");
    Files.writeString(grid, "{\"axes\": {\"parameters.demand.annualGrowth\": [0, 0.08]},"
        + " \"metrics\": [\"caseload\", \"cost\"]}");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-Dhazelcast.logging.type=slf4j", "-cp", Path.of("target", "caseload-api.jar").toString(),
        "org.caseload.api.cluster.ClusterSweepCommand", grid.toString(), "--all-councils",
        "--year", "2019", "--councils", "Medway,Kent", "--paired", "--replications", "256",
        "--months", "12", "--seed", "4", "--threads", "1", "--data", "../data/dfe"));
    command.addAll(clusterFlags(ports.get(4)));
    Path out = Files.createTempFile("caseload-sweep-", ".csv");
    Path log = Files.createTempFile("caseload-sweep-", ".log");
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
        .redirectError(log.toFile()).start();
    assertThat(process.waitFor(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS))
        .as("sweep ended").isTrue();
    String text = Files.readString(log);
    assertThat(process.exitValue()).as(text).isZero();
    String csv = Files.readString(out);
    assertThat(csv).isEqualTo(Cli.run("sweep", grid.toString(), "--all-councils", "--year",
        "2019", "--councils", "Medway,Kent", "--paired", "--replications", "256", "--months",
        "12", "--seed", "4", "--quiet", "--data", "../data/dfe"));
    assertThat(csv.lines().findFirst().orElseThrow())
        .endsWith(",difference,differenceCi95Low,differenceCi95High,differenceN");
    Matcher nodes = Pattern.compile("4 scenarios run on (\\d+) nodes").matcher(text);
    assertThat(nodes.find()).as(text).isTrue();
    assertThat(Integer.parseInt(nodes.group(1))).as(text).isGreaterThan(1);
    awaitNodes(4);
  }

  @Test
  @Order(6)
  void workerKilledMidRun_chunksSentElsewhere_sameBytes() throws Exception {
    Worker victim = WORKERS.get(0);
    String location = submit("/api/v1/runs", run(4_000, 8));
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (metric("caseload_cluster_chunks_in_flight{node=\"" + victim.node() + "\"}") == 0) {
      assertThat(System.nanoTime()).as("victim busy").isLessThan(deadline);
      Thread.sleep(20);
    }
    victim.process().destroyForcibly();
    victim.process().waitFor();
    JsonObject end = awaitEnd(location);
    assertThat(end.getString("status")).isEqualTo("succeeded");
    assertThat(metric("caseload_cluster_chunks_resent_total")).isPositive();
    assertThat(api.log()).contains("node " + victim.node() + " left the cluster");
    assertThat(api.get(location + "/results").body()).isEqualTo(cliRun(4_000, 8));
    awaitNodes(3);
    // the node's meters go once it has left with nothing in flight (sampled every second)
    awaitNoMetersOf(victim.node());
  }

  private static void awaitNoMetersOf(String node) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (metrics().contains("node=\"" + node + "\"")) {
      assertThat(System.nanoTime()).as("meters of %s after it left: %s", node, metrics())
          .isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  @Test
  @Order(7)
  void apiNodeKilledAndRestarted_runInFlightReportedFailed() throws Exception {
    String location = submit("/api/v1/runs", run(100_000, 9).put("months", 120));
    awaitDone(location, 64);
    api.kill();
    api = ServerProcess.start(append(List.of("--db-url", url), clusterFlags(ports.get(0))));
    JsonObject run = status(location);
    assertThat(run.getString("status")).isEqualTo("failed");
    assertThat(run.getString("error")).isEqualTo(org.caseload.api.runs.RunService.INTERRUPTED);
    // the restarted API node is in the cluster again and computes with the workers
    awaitNodes(3);
    String after = submit("/api/v1/runs", run(640, 10));
    assertThat(awaitEnd(after).getString("status")).isEqualTo("succeeded");
    assertThat(api.get(after + "/results").body()).isEqualTo(cliRun(640, 10));
  }
}
