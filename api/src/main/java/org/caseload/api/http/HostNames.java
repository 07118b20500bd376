package org.caseload.api.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.caseload.api.BadSettingException;

/**
 * The names a server answers to in a request's {@code Host}. A server on a loopback address
 * (the default, 127.0.0.1) answers only to {@code localhost}, IP addresses and the names
 * {@code serve --allowed-host} adds: a web page elsewhere that has its own name resolve to
 * 127.0.0.1 (DNS rebinding) reaches the server with that name in {@code Host}, and without
 * this check its scripts could read and start runs on a server without a token. A server on
 * another address answers to any name unless names are given, then only to those (and IP
 * addresses).
 *
 * @implNote Immutable and thread-safe.
 */
public final class HostNames {

  /** A host name (RFC 1123): letters, digits, dots and hyphens. */
  private static final Pattern NAME = Pattern.compile("[0-9a-z]([0-9a-z.-]{0,252})");
  private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
  /** An IPv6 literal's characters, a zone after %. */
  private static final Pattern IPV6 = Pattern.compile("[0-9a-f]*:[0-9a-f:.]*(%[0-9a-z_.-]+)?");

  private final boolean anyName;
  private final Set<String> names;

  private HostNames(boolean anyName, Set<String> names) {
    this.anyName = anyName;
    this.names = names;
  }

  /**
   * The names a server bound to {@code bindHost} answers to, with {@code extra} names.
   *
   * @throws org.caseload.api.BadSettingException naming the first extra name that is not a host name
   */
  public static HostNames of(String bindHost, List<String> extra) {
    Set<String> names = extra.stream().map(n -> n.toLowerCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
    for (String name : names) {
      if (!NAME.matcher(name).matches()) {
        throw new BadSettingException("--allowed-host", "must be a host name (letters,"
            + " digits, dots and hyphens), was \"" + Bodies.shown(name) + "\"");
      }
    }
    return new HostNames(names.isEmpty() && !loopback(bindHost), names);
  }

  /** Whether a request whose {@code Host} names {@code host} (without its port) is for us. */
  public boolean allows(String host) {
    if (anyName) {
      return true;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    String bare = h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    return h.equals("localhost") || IPV4.matcher(h).matches() || IPV6.matcher(bare).matches()
        || names.contains(h);
  }

  /**
   * Whether the server listens on loopback only: {@code bindHost} is a loopback literal
   * (an IPv6 one with or without a zone), or a name that resolves to one (as the server's
   * bind resolves it: this machine's own name often does, 127.0.1.1 on Debian).
   */
  private static boolean loopback(String bindHost) {
    String h = bindHost == null ? "" : bindHost.toLowerCase(Locale.ROOT);
    if (IPV4.matcher(h).matches()) {
      return h.startsWith("127.");
    }
    try {
      if (IPV6.matcher(h).matches()) {
        // a literal is parsed, not resolved; a zone says only which interface
        int zone = h.indexOf('%');
        return InetAddress.getByName(zone < 0 ? h : h.substring(0, zone)).isLoopbackAddress();
      }
      return NAME.matcher(h).matches() && InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
