package org.caseload.api.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.Config;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The cluster flags: bad values exit 2 naming the flag; the Hazelcast configuration. */
class ClusterFlagsTest {

  private static String worker(int expectedCode, String... args) {
    StringWriter err = new StringWriter();
    int code = WorkerCommand.execute(new PrintWriter(err), args);
    assertThat(code).as(err.toString()).isEqualTo(expectedCode);
    return err.toString();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--cluster-port 0|--cluster-port: must be between 1 and 65535",
      "--bus-port 70000|--bus-port: must be between 0 and 65535",
      "--cluster-host 0.0.0.0|--cluster-host: the event bus is unauthenticated",
      "--members 127.0.0.1:5701-5703|--members: '127.0.0.1:5701-5703' is not host:port",
      "--members 127.0.0.1:5701,,x|--members: an empty member",
      "--cluster-name a/b|--cluster-name: 1 to 64 letters",
      "--chunk-timeout 0|--chunk-timeout: must be between 1 and 3600",
      "--chunks-in-flight 65|--chunks-in-flight: must be between 1 and 64",
      "--threads 0|--threads: must be between 1 and 1024",
      "--threads 1.5|Invalid value for option '--threads': '1.5' is not a whole number (see --help)",
      "--cluster-port 99999999999|Invalid value for option '--cluster-port': '99999999999' is too large (see --help)"})
  void badValue_exitsTwoNamingTheFlag(String flags, String message) {
    String[] args = ("--cluster " + flags).split(" ");
    assertThat(worker(2, args)).startsWith("caseload worker: " + message).hasLineCount(1);
  }

  /** A sweep whose CSV would pass the limit is refused before any cluster node starts. */
  @Test
  void clusterSweepTooLarge_exitsTwoBeforeStartingANode(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path temp) throws Exception {
    java.nio.file.Path grid = temp.resolve("grid.json");
    java.nio.file.Files.writeString(grid, "{\"axes\": {\"parameters.demand.annualGrowth\":"
        + " [0, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07]}}");
    StringWriter err = new StringWriter();
    int code = ClusterSweepCommand.execute(new PrintWriter(new StringWriter()),
        new PrintWriter(err), grid.toString(), "--all-councils", "--year", "2019", "--months",
        "120", "--replications", "1", "--data", "../data/dfe", "--cluster", "--cluster-port",
        "1");
    assertThat(code).as(err.toString()).isEqualTo(2);
    assertThat(err.toString()).contains(grid + ": axes: the sweep would write about")
        .hasLineCount(1);
  }

  /**
   * Runs the cluster sweep on the small test data with {@code extra} flags (the grid first)
   * and a --cluster-port that is never used: each case is refused before any node starts.
   */
  private static String clusterSweep(int expectedCode, String... extra) {
    List<String> args = new ArrayList<>(List.of(extra));
    args.addAll(List.of("--all-councils", "--year", "2019", "--months", "12",
        "--replications", "1", "--data", "../data/dfe", "--quiet", "--cluster",
        "--cluster-port", "1"));
    StringWriter err = new StringWriter();
    int code = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> ClusterSweepCommand.execute(new PrintWriter(new StringWriter()),
            new PrintWriter(err), args.toArray(String[]::new)));
    assertThat(code).as(err.toString()).isEqualTo(expectedCode);
    return err.toString();
  }

  /** The grid is read as 'caseload sweep --all-councils' reads it (ScenarioFiles, readTree). */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"metrics\": [\"caseload\"]} {\"axes\": {}}|unexpected text after the value",
      "{\"metrics\": [\"caseload\"]} // every council|unexpected text after the value",
      "{/* comment */ \"metrics\": [\"caseload\"]}|is not valid JSON"})
  void clusterSweepGrid_isReadStrictly(String json, String message, @TempDir Path temp)
      throws Exception {
    Path grid = temp.resolve("grid.json");
    Files.writeString(grid, json);
    assertThat(clusterSweep(2, grid.toString()))
        .startsWith("caseload sweep: " + grid + ": is not valid JSON: ").contains(message)
        .doesNotContain("Feature", "ALLOW_", "JsonReadFeature").hasLineCount(1);
  }

  /** A FIFO (or a folder) as the grid is refused, not read until it ends. */
  @Test
  void clusterSweepGrid_mustBeARegularFile(@TempDir Path temp) throws Exception {
    Path fifo = temp.resolve("grid.fifo");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(mkfifo.exitValue()).isZero();
    assertThat(clusterSweep(2, fifo.toString()))
        .isEqualTo("caseload sweep: " + fifo + ": is not a regular file\n");
    assertThat(clusterSweep(2, temp.toString()))
        .isEqualTo("caseload sweep: " + temp + ": is a directory, not a sweep grid\n");
  }

  /** The metrics of the grid follow the rules, and messages, of 'sweep --all-councils'. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "[]|metrics: must name at least one metric (leave it out for every metric)",
      "[\"caseload\", \"vacancyRate\", \"caseload\"]|metrics[2]: 'caseload' is given twice",
      "[1]|metrics[0]: must be a metric's name, was 1",
      "[\"caseload\", [\"caseload\"]]|metrics[1]: must be a metric's name, was an array",
      "[{}]|metrics[0]: must be a metric's name, was an object",
      "\"caseload\"|metrics: must be an array of metric names",
      "[\"nope\"]|metrics[0]: 'nope' is not a metric; did you mean"})
  void clusterSweepMetrics_areCheckedAsTheLocalSweepChecksThem(String metrics, String message,
      @TempDir Path temp) throws Exception {
    Path grid = temp.resolve("grid.json");
    Files.writeString(grid, "{\"metrics\": " + metrics + "}");
    assertThat(clusterSweep(2, grid.toString()))
        .startsWith("caseload sweep: " + grid + ": " + message).endsWith("\n")
        .hasLineCount(1);
  }

  /** --out is checked as 'sweep --all-councils' checks it, before any node starts. */
  @Test
  void clusterSweepOut_isCheckedBeforeTheSweep(@TempDir Path temp) throws Exception {
    assertThat(clusterSweep(2, "--out", temp.toString()))
        .isEqualTo("caseload sweep: --out: cannot write " + temp + ": it is a folder, not a"
            + " file\n");
    Path fifo = temp.resolve("out.fifo");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(mkfifo.exitValue()).isZero();
    assertThat(clusterSweep(2, "--out", fifo.toString()))
        .isEqualTo("caseload sweep: --out: " + fifo + " is not a regular file\n");
    Path missing = temp.resolve("no-such-folder").resolve("out.csv");
    assertThat(clusterSweep(2, "--out", missing.toString()))
        .isEqualTo("caseload sweep: --out: cannot write " + missing + ": the folder "
            + missing.getParent() + " does not exist\n");
    try (var files = Files.list(temp)) {
      assertThat(files).containsExactly(fifo); // nothing written
    }
    assertThat(clusterSweep(2, "--skipped", fifo.toString()))
        .isEqualTo("caseload sweep: --skipped: " + fifo + " is not a regular file\n");
  }

  @Test
  void workerWithoutCluster_exitsTwo() {
    assertThat(worker(2)).contains("--cluster: a worker only works in a cluster");
    assertThat(worker(2, "--members", "10.0.0.1")).contains("--members: only with --cluster");
    assertThat(worker(2, "--cluster", "--port", "1")).contains("--port");
  }

  @Test
  void membersDefaultToThePortAndHazelcastBindsOneInterface() {
    assertThat(ClusterConfig.parseMembers(null, "10.1.2.3", 6000))
        .containsExactly("10.1.2.3:6000");
    assertThat(ClusterConfig.parseMembers("10.1.2.3, 10.1.2.4:5702", "10.1.2.3", 5701))
        .containsExactly("10.1.2.3:5701", "10.1.2.4:5702");
    ClusterConfig config = new ClusterConfig("127.0.0.1", 15701, 0,
        List.of("127.0.0.1:15701", "127.0.0.1:15702"), "test", Duration.ofSeconds(30), 4);
    Config hazelcast = ClusterNode.hazelcast(config);
    assertThat(hazelcast.getNetworkConfig().getJoin().getMulticastConfig().isEnabled()).isFalse();
    assertThat(hazelcast.getNetworkConfig().getJoin().getAutoDetectionConfig().isEnabled())
        .isFalse();
    assertThat(hazelcast.getNetworkConfig().getJoin().getTcpIpConfig().getMembers())
        .containsExactly("127.0.0.1:15701", "127.0.0.1:15702");
    assertThat(hazelcast.getNetworkConfig().getInterfaces().getInterfaces())
        .containsExactly("127.0.0.1");
    assertThat(hazelcast.getNetworkConfig().isPortAutoIncrement()).isFalse();
    assertThat(hazelcast.getProperty("hazelcast.socket.bind.any")).isEqualTo("false");
    assertThat(hazelcast.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
    assertThat(hazelcast.getClusterName()).isEqualTo("test");
  }

  @Test
  void chunkRequest_roundTripsAndRefusesGarbage() {
    var buffer = ChunkMessages.request("job-1", 42, "{\"kind\":\"RUN\"}");
    ChunkMessages.Request request = ChunkMessages.request(buffer);
    assertThat(request).isEqualTo(new ChunkMessages.Request("job-1", 42, "{\"kind\":\"RUN\"}"));
    assertThat(ChunkMessages.request(ChunkMessages.request("job-1", 3, null)).work()).isNull();
    assertThatThrownBy(() -> ChunkMessages.request(io.vertx.core.buffer.Buffer.buffer("xyz")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChunkMessages.request(buffer.getBuffer(0, buffer.length() - 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
