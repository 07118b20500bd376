package org.caseload.api.cluster;

import java.time.Duration;
import org.caseload.api.BadSettingException;
import picocli.CommandLine.Option;

/**
 * The cluster flags of {@code caseload serve} and {@code caseload worker}, a picocli mixin.
 * Checked when turned into a {@link ClusterConfig}: a bad value is an
 * BadSettingException naming the flag (exit 2).
 */
public final class ClusterOptions {

  @Option(names = "--cluster", description = "join a cluster of Caseload nodes (Hazelcast"
      + " TCP-IP join, Vert.x event bus; docs/cluster.md)")
  public boolean cluster;

  @Option(names = "--cluster-host", paramLabel = "ADDRESS",
      description = "the one interface Hazelcast and the event bus bind: a private address"
          + " (default 127.0.0.1)")
  String host;

  @Option(names = "--cluster-port", paramLabel = "PORT",
      description = "Hazelcast's port (default 5701)")
  Integer hazelcastPort;

  @Option(names = "--bus-port", paramLabel = "PORT",
      description = "the event bus's port (default 5801; 0: any free port)")
  Integer busPort;

  @Option(names = "--members", paramLabel = "HOST:PORT,...",
      description = "Hazelcast members to contact (default: this node's host and port)")
  String members;

  @Option(names = "--cluster-name", paramLabel = "NAME",
      description = "the cluster's name; nodes of another name are refused (default caseload)")
  String name;

  @Option(names = "--chunk-timeout", paramLabel = "SECONDS",
      description = "seconds a chunk may take before it is sent to another node (default 120)")
  Integer chunkTimeout;

  @Option(names = "--chunks-in-flight", paramLabel = "N",
      description = "chunks sent to each node and not yet answered, at most (default 4)")
  Integer window;

  /**
   * The configuration, or null without {@code --cluster}.
   *
   * @throws BadSettingException naming a flag given without {@code --cluster}, or a
   *     bad value
   */
  public ClusterConfig config() {
    if (!cluster) {
      String given = host != null ? "--cluster-host" : hazelcastPort != null ? "--cluster-port"
          : busPort != null ? "--bus-port" : members != null ? "--members"
          : name != null ? "--cluster-name" : chunkTimeout != null ? "--chunk-timeout"
          : window != null ? "--chunks-in-flight" : null;
      if (given != null) {
        throw new BadSettingException(given, "only with --cluster");
      }
      return null;
    }
    String h = host == null ? "127.0.0.1" : host.strip();
    int port = hazelcastPort == null ? ClusterConfig.DEFAULT_HAZELCAST_PORT : hazelcastPort;
    return new ClusterConfig(h, port,
        busPort == null ? ClusterConfig.DEFAULT_BUS_PORT : busPort,
        ClusterConfig.parseMembers(members, h, port), name == null ? "caseload" : name,
        Duration.ofSeconds(chunkTimeout == null ? 120 : chunkTimeout),
        window == null ? 4 : window);
  }
}
