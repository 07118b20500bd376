package org.caseload.api.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/**
 * A clustered Vert.x on Hazelcast, bound to one interface: Hazelcast's TCP-IP join with the
 * configured members (multicast, auto-detection and phone-home off, no binding to every
 * interface), the event bus on the same host.
 */
public final class ClusterNode {

  private ClusterNode() {}

  /** The Hazelcast configuration of a node (also what docs/cluster.md describes). */
  static Config hazelcast(ClusterConfig config) {
    Config hazelcast = new Config();
    hazelcast.setClusterName(config.name());
    hazelcast.setProperty("hazelcast.phone.home.enabled", "false");
    hazelcast.setProperty("hazelcast.socket.bind.any", "false");
    hazelcast.setProperty("hazelcast.logging.type", "slf4j");
    hazelcast.setProperty("hazelcast.shutdownhook.enabled", "false");
    // a node killed without leaving is noticed within seconds, not Hazelcast's default minute
    hazelcast.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    hazelcast.setProperty("hazelcast.max.no.heartbeat.seconds", "10");
    hazelcast.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
    // members listed but not (yet) running are not waited for: join in about a second
    hazelcast.setProperty("hazelcast.wait.seconds.before.join", "1");
    NetworkConfig network = hazelcast.getNetworkConfig();
    network.setPort(config.hazelcastPort()).setPortAutoIncrement(false);
    network.setPublicAddress(config.host() + ":" + config.hazelcastPort());
    network.getInterfaces().setEnabled(true).addInterface(config.host());
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(config.members());
    hazelcast.addMultiMapConfig(new MultiMapConfig("__vertx.subs").setBackupCount(1)
        .setValueCollectionType(MultiMapConfig.ValueCollectionType.SET));
    hazelcast.addMapConfig(new MapConfig("__vertx.haInfo").setBackupCount(1));
    hazelcast.addMapConfig(new MapConfig("__vertx.nodeInfo").setBackupCount(1));
    return hazelcast;
  }

  /** A started node: its Vert.x and cluster manager. */
  public record Started(Vertx vertx, ClusterManager manager) {}

  /**
   * Starts a clustered Vert.x with {@code options} (metrics and so on), the event bus bound
   * to the configured host and bus port. Blocks; call it off any event loop.
   */
  public static Started start(ClusterConfig config, VertxOptions options) {
    return start(config, options, null);
  }

  /** The same, with Vert.x's metrics from {@code metrics} (null: none beyond the options). */
  public static Started start(ClusterConfig config, VertxOptions options,
      io.vertx.core.spi.VertxMetricsFactory metrics) {
    System.setProperty("hazelcast.logging.type", "slf4j");
    HazelcastClusterManager manager = new HazelcastClusterManager(hazelcast(config));
    options.getEventBusOptions().setHost(config.host()).setPort(config.busPort())
        .setClusterPublicHost(config.host());
    var builder = Vertx.builder().with(options).withClusterManager(manager);
    if (metrics != null) {
      builder = builder.withMetrics(metrics);
    }
    Vertx vertx = builder.buildClustered().await();
    return new Started(vertx, manager);
  }
}
