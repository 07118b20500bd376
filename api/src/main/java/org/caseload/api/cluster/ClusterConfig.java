package org.caseload.api.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.caseload.api.BadSettingException;

/**
 * How a node joins a cluster: the interface it binds (Hazelcast and the event bus, nothing
 * else), Hazelcast's port, the event bus's port, the members to contact (Hazelcast TCP-IP
 * join; multicast and auto-detection are off), the cluster's name (nodes of other names are
 * refused), how long a chunk may take before it is sent to another node, and how many chunks
 * each node may have in flight.
 *
 * @param members {@code host:port} of members to contact; may include this node
 * @implNote Immutable and thread-safe.
 */
public record ClusterConfig(String host, int hazelcastPort, int busPort, List<String> members,
    String name, Duration chunkTimeout, int window) {

  public static final int DEFAULT_HAZELCAST_PORT = 5701;
  public static final int DEFAULT_BUS_PORT = 5801;

  public ClusterConfig {
    if (host == null || host.isBlank()) {
      throw new BadSettingException("--cluster-host", "give the interface to bind, such as"
          + " 127.0.0.1 or a private address");
    }
    if (host.equals("0.0.0.0") || host.equals("::") || host.equals("*")) {
      throw new BadSettingException("--cluster-host", "the event bus is unauthenticated;"
          + " bind one private interface, not " + host);
    }
    if (hazelcastPort < 1 || hazelcastPort > 65_535) {
      throw new BadSettingException("--cluster-port", "must be between 1 and 65535, was "
          + hazelcastPort);
    }
    if (busPort < 0 || busPort > 65_535) {
      throw new BadSettingException("--bus-port", "must be between 0 and 65535, was "
          + busPort);
    }
    members = List.copyOf(members);
    for (String member : members) {
      checkMember(member);
    }
    if (name == null || !name.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new BadSettingException("--cluster-name", "1 to 64 letters, digits, '.', '_'"
          + " or '-', was " + (name == null ? "nothing" : "'" + cut(name) + "'"));
    }
    if (chunkTimeout.compareTo(Duration.ofSeconds(1)) < 0
        || chunkTimeout.compareTo(Duration.ofHours(1)) > 0) {
      throw new BadSettingException("--chunk-timeout", "must be between 1 and 3600 seconds,"
          + " was " + chunkTimeout.toSeconds());
    }
    if (window < 1 || window > 64) {
      throw new BadSettingException("--chunks-in-flight", "must be between 1 and 64, was "
          + window);
    }
  }

  /**
   * Parses {@code --members}: comma-separated {@code host:port} (port defaults to 5701).
   *
   * @throws BadSettingException naming the flag
   */
  public static List<String> parseMembers(String text, String host, int port) {
    if (text == null || text.isBlank()) {
      return List.of(host + ":" + port);
    }
    List<String> list = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      String member = part.strip();
      if (member.isEmpty()) {
        throw new BadSettingException("--members", "an empty member in '" + cut(text) + "'");
      }
      list.add(member.contains(":") ? member : member + ":" + DEFAULT_HAZELCAST_PORT);
    }
    if (list.size() > 256) {
      throw new BadSettingException("--members", "at most 256, was " + list.size());
    }
    return list;
  }

  private static void checkMember(String member) {
    int colon = member.lastIndexOf(':');
    String host = colon < 0 ? "" : member.substring(0, colon);
    String port = colon < 0 ? "" : member.substring(colon + 1);
    if (host.isEmpty() || !host.matches("[A-Za-z0-9.\\-]{1,253}") || !port.matches("[0-9]{1,5}")
        || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65_535) {
      throw new BadSettingException("--members", "'" + cut(member) + "' is not host:port"
          + " (a port range is not supported)");
    }
  }

  private static String cut(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }
}
