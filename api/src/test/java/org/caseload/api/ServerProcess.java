package org.caseload.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The runnable API jar in a process of its own, so that it can be killed. */
final class ServerProcess {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  final int port;
  final Process process;
  final Path log;

  private ServerProcess(int port, Process process, Path log) {
    this.port = port;
    this.process = process;
    this.log = log;
  }

  /** Starts {@code java -jar target/caseload-api.jar} with these options; waits until it serves. */
  static ServerProcess start(String... options) throws IOException, InterruptedException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path jar = Path.of("target", "caseload-api.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run after package");
    }
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
        "-jar", jar.toString(), "--port", Integer.toString(port), "--data", "../data/dfe",
        "--run-slots", "1", "--threads-per-run", "1"));
    command.addAll(List.of(options));
    Path log = Files.createTempFile("caseload-api-", ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().remove("CASELOAD_DB_URL");
    builder.environment().remove("CASELOAD_API_TOKEN");
    ServerProcess server = new ServerProcess(port, builder.start(), log);
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (true) {
      if (!server.process.isAlive()) {
        throw new IllegalStateException("the server exited: " + Files.readString(log));
      }
      try {
        if (server.get("/health").statusCode() == 200) {
          return server;
        }
      } catch (IOException e) {
        // not listening yet
      }
      if (System.nanoTime() > deadline) {
        server.process.destroyForcibly();
        throw new IllegalStateException("the server did not start: " + Files.readString(log));
      }
      Thread.sleep(200);
    }
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(uri(path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** kill -9: no shutdown hook runs. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGTERM: the shutdown hook stops runs and closes the database. */
  void stop() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }

  String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
