package org.caseload.api.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.Config;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
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
      "--threads 0|--threads: must be between 1 and 256",
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
