package org.caseload.api;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Where a server is to listen ({@code --host}, {@code --port}), checked before anything else
 * starts. Without it the embedded PostgreSQL was started, the database migrated and runs
 * recovered before the HTTP server found it could not bind, and then a host that is not an
 * address ({@code 999.1.1.1}) ended in a stack trace and one of another machine
 * ({@code 8.8.8.8}) was reported as a port in use.
 *
 * <p>A host is an address of this machine when it is the wildcard, a loopback address, or
 * an address of one of its network interfaces. A literal is never looked up: only a host
 * name goes to the resolver, and text that is neither (control characters, spaces) is
 * refused as it is. The port is tried by binding it once (and closing it at once), as the
 * server will. A port taken between this check and the server's bind is still reported by
 * the bind, as a {@link PortInUseException}.
 *
 * @implNote Stateless and thread-safe.
 */
final class ListenAddress {

  /** Dots and digits only: an IPv4 literal or a mistyped one, never a host name. */
  private static final Pattern DOTTED = Pattern.compile("[0-9.]+");
  private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
  /** Four octets: the only IPv4 form taken (not 1.2.3, which Java would read as 1.2.0.3). */
  private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
  /** An IPv6 literal's characters (a zone after %). */
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[0-9A-Za-z_.-]+)?");
  /** A host name's characters (RFC 1123): only such text goes to the resolver. */
  private static final Pattern NAME = Pattern.compile("[0-9A-Za-z]([0-9A-Za-z.-]{0,252})");

  private ListenAddress() {}

  /**
   * Checks that this machine has {@code host} and that {@code port} (0: any) is free on it.
   *
   * @throws HostNotLocalException when {@code host} is not an address of this machine
   * @throws PortInUseException when another program listens on the port
   */
  static void check(String host, int port) {
    InetAddress address = local(host);
    if (port == 0) {
      return;
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true); // as Vert.x binds: a port in TIME_WAIT is free
      socket.bind(new InetSocketAddress(address, port));
    } catch (BindException e) {
      if (String.valueOf(e.getMessage()).contains("in use")) {
        throw new PortInUseException(host, port);
      }
      // anything else (a port below 1024 without privileges) is said by the server's bind
    } catch (IOException e) {
      // likewise: the server's own bind reports it
    }
  }

  /** The address {@code host} names, when it is one of this machine's. */
  private static InetAddress local(String host) {
    String text = host == null ? "" : host;
    boolean wellFormed = DOTTED.matcher(text).matches() ? IPV4.matcher(text).matches()
        : text.contains(":") ? IPV6.matcher(text).matches() : NAME.matcher(text).matches();
    if (!wellFormed) {
      throw new HostNotLocalException(shown(text));
    }
    try {
      InetAddress address = InetAddress.getByName(text);
      if (address.isAnyLocalAddress() || address.isLoopbackAddress()
          || NetworkInterface.getByInetAddress(address) != null) {
        return address;
      }
    } catch (UnknownHostException | SocketException e) {
      // not an address, or none this machine has
    }
    throw new HostNotLocalException(shown(text));
  }

  /** {@code text} cut to 40 characters, control characters shown as '?' (as echoes are). */
  private static String shown(String text) {
    String cut = text.length() > 40 ? text.substring(0, 40) + "..." : text;
    return cut.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }
}
