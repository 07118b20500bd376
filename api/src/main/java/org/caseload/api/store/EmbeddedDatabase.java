package org.caseload.api.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL of our own, for when no database is configured: its data lives in a local
 * folder and survives restarts. It listens on 127.0.0.1 only.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * Starts PostgreSQL on {@code folder} (created if missing) and {@code port} (0: any free
   * port). A server left running by a process that was killed is stopped first. It stops
   * when {@link #close} is called (the API closes it after storing the runs in flight), not
   * by a shutdown hook of its own.
   */
  public static EmbeddedDatabase start(Path folder, int port) throws IOException {
    Files.createDirectories(folder);
    stopOrphan(folder);
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
        .setDataDirectory(folder)
        .setCleanDataDirectory(false)
        .setServerConfig("listen_addresses", "127.0.0.1")
        .setPGStartupWait(Duration.ofSeconds(60))
        .setRegisterShutdownHook(false);
    if (port > 0) {
      builder.setPort(port);
    }
    EmbeddedPostgres postgres;
    try {
      postgres = builder.start();
    } catch (IllegalStateException e) {
      if (String.valueOf(e.getMessage()).contains("could not lock")) {
        throw new IOException("another Caseload server is using " + folder.toAbsolutePath()
            + ": stop it, or give this one another folder (--embedded-data DIR)", e);
      }
      throw e;
    }
    LOG.info("embedded PostgreSQL on 127.0.0.1:{}, data in {}", postgres.getPort(),
        folder.toAbsolutePath());
    return new EmbeddedDatabase(postgres);
  }

  public DatabaseAddress address() {
    return new DatabaseAddress("127.0.0.1", postgres.getPort(), "postgres", "postgres", null,
        DatabaseTls.OFF);
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }

  /**
   * If our Java process was killed, its PostgreSQL lives on and holds the folder: stop it
   * (only a process whose command line names this folder).
   */
  private static void stopOrphan(Path folder) throws IOException {
    Path pidFile = folder.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      return;
    }
    long pid;
    try {
      pid = Long.parseLong(lines.get(0).strip());
    } catch (NumberFormatException e) {
      return;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    String dataDir = folder.toAbsolutePath().normalize().toString();
    if (process.isEmpty() || !process.get().info().commandLine().orElse("").contains(dataDir)) {
      return;
    }
    LOG.warn("stopping PostgreSQL {} left running on {} by an earlier process", pid, dataDir);
    process.get().destroy();
    try {
      process.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IOException("PostgreSQL " + pid + " on " + dataDir + " did not stop", e);
    }
  }
}
