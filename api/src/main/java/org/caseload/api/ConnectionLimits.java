package org.caseload.api;

import java.time.Duration;

/**
 * How long and how many connections the server keeps, so that clients that open connections
 * and send nothing, or send a request a byte at a time, cannot hold it.
 *
 * @param maxConnections connections open at once; beyond, a new one closes the one that has
 *     waited longest with no request in flight, or is closed at once when every one has one
 * @param readTimeout the most time a request may take to arrive whole (headers and body),
 *     counted from the connection's opening or the previous response's end (a body whose
 *     headers came later has a third of it from them)
 * @param idleTimeout a connection with no byte in either direction for this long is closed
 *     (longer than the longest {@code ?wait}, 60 seconds)
 */
public record ConnectionLimits(int maxConnections, Duration readTimeout, Duration idleTimeout) {

  public static final ConnectionLimits DEFAULT =
      new ConnectionLimits(1_000, Duration.ofSeconds(30), Duration.ofSeconds(90));

  public ConnectionLimits {
    if (maxConnections < 1 || maxConnections > 100_000) {
      throw new BadSettingException("--max-connections", "must be between 1 and 100000,"
          + " was " + maxConnections);
    }
    if (readTimeout.isNegative() || readTimeout.isZero()) {
      throw new IllegalArgumentException("read timeout: must be positive, was " + readTimeout);
    }
    if (idleTimeout.compareTo(Duration.ofSeconds(61)) < 0) {
      throw new IllegalArgumentException("idle timeout: must be over 60 seconds (the longest"
          + " wait), was " + idleTimeout);
    }
  }

  public ConnectionLimits withReadTimeout(Duration value) {
    return new ConnectionLimits(maxConnections, value, idleTimeout);
  }

  public ConnectionLimits withMaxConnections(int value) {
    return new ConnectionLimits(value, readTimeout, idleTimeout);
  }
}
