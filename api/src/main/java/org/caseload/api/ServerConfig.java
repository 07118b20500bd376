package org.caseload.api;

import java.nio.file.Path;
import java.util.List;
import org.caseload.api.http.HostNames;
import org.caseload.sim.engine.RunOptions;

/**
 * How a server runs. Immutable and thread-safe.
 *
 * @param host the address to bind (127.0.0.1 unless told otherwise)
 * @param port the port (0: any free port)
 * @param databaseUrl a {@code postgresql://} URL, or null for the embedded PostgreSQL
 * @param embeddedFolder where the embedded PostgreSQL keeps its data
 * @param dfeFolder the DfE CSV files for calibrations (may be missing: calibrations are 503)
 * @param runSlots runs that execute at once
 * @param queue runs that may wait for a slot before submissions get 429
 * @param threadsPerRun worker threads of each run
 * @param limits request limits
 * @param token the bearer token every request but health and metrics needs, or null for none
 * @param connections connection count and timeouts
 * @param hostNames the names requests' {@code Host} may give ({@link HostNames})
 * @param accessLog whether each request is logged when answered ({@code --access-log})
 */
public record ServerConfig(String host, int port, String databaseUrl, Path embeddedFolder,
    Path dfeFolder, int runSlots, int queue, int threadsPerRun, Limits limits, String token,
    ConnectionLimits connections, HostNames hostNames, boolean accessLog) {

  public ServerConfig {
    if (port < 0 || port > 65_535) {
      throw new BadSettingException("--port", "must be between 0 and 65535, was " + port);
    }
    if (runSlots < 1 || runSlots > 64) {
      throw new BadSettingException("--run-slots", "must be between 1 and 64, was "
          + runSlots);
    }
    if (queue < 0 || queue > 10_000) {
      throw new BadSettingException("--queue", "must be between 0 and 10000, was " + queue);
    }
    if (threadsPerRun < 1 || threadsPerRun > RunOptions.MAX_THREADS) {
      throw new BadSettingException("--threads-per-run", "must be between 1 and "
          + RunOptions.MAX_THREADS + ", was " + threadsPerRun);
    }
  }

  /** Answering to the names a server on {@code host} answers to by default. */
  public ServerConfig(String host, int port, String databaseUrl, Path embeddedFolder,
      Path dfeFolder, int runSlots, int queue, int threadsPerRun, Limits limits, String token,
      ConnectionLimits connections) {
    this(host, port, databaseUrl, embeddedFolder, dfeFolder, runSlots, queue, threadsPerRun,
        limits, token, connections, HostNames.of(host, List.of()), false);
  }

  /** With the default connection limits. */
  public ServerConfig(String host, int port, String databaseUrl, Path embeddedFolder,
      Path dfeFolder, int runSlots, int queue, int threadsPerRun, Limits limits, String token) {
    this(host, port, databaseUrl, embeddedFolder, dfeFolder, runSlots, queue, threadsPerRun,
        limits, token, ConnectionLimits.DEFAULT);
  }

  /** The memory one run's summaries may take: the limits' share of each run slot. */
  public long summaryBytesPerRun() {
    return limits.summaryBytes() / runSlots;
  }

  public ServerConfig withRuns(int slots, int queueLength, int threads) {
    return new ServerConfig(host, port, databaseUrl, embeddedFolder, dfeFolder, slots,
        queueLength, threads, limits, token, connections, hostNames, accessLog);
  }

  public ServerConfig withDfeFolder(Path value) {
    return new ServerConfig(host, port, databaseUrl, embeddedFolder, value, runSlots, queue,
        threadsPerRun, limits, token, connections, hostNames, accessLog);
  }

  public ServerConfig withLimits(Limits value) {
    return new ServerConfig(host, port, databaseUrl, embeddedFolder, dfeFolder, runSlots,
        queue, threadsPerRun, value, token, connections, hostNames, accessLog);
  }

  public ServerConfig withToken(String value) {
    return new ServerConfig(host, port, databaseUrl, embeddedFolder, dfeFolder, runSlots,
        queue, threadsPerRun, limits, value, connections, hostNames, accessLog);
  }

  public ServerConfig withHostNames(HostNames value) {
    return new ServerConfig(host, port, databaseUrl, embeddedFolder, dfeFolder, runSlots,
        queue, threadsPerRun, limits, token, connections, value, accessLog);
  }

  public ServerConfig withConnections(ConnectionLimits value) {
    return new ServerConfig(host, port, databaseUrl, embeddedFolder, dfeFolder, runSlots,
        queue, threadsPerRun, limits, token, value, hostNames, accessLog);
  }

  public ServerConfig withAccessLog(boolean value) {
    return new ServerConfig(host, port, databaseUrl, embeddedFolder, dfeFolder, runSlots,
        queue, threadsPerRun, limits, token, connections, hostNames, value);
  }
}
