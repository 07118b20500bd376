package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** A Caseload server on a fresh database and any free port, with a client for it. */
final class TestServer implements AutoCloseable {

  final CaseloadServer server;
  final WebClient client;
  final String databaseUrl;
  private final String token;
  /** Whether closing it drops the database (not for a second server on another's). */
  private final boolean dropsDatabase;

  private TestServer(CaseloadServer server, WebClient client, String databaseUrl,
      String token, boolean dropsDatabase) {
    this.server = server;
    this.client = client;
    this.databaseUrl = databaseUrl;
    this.token = token;
    this.dropsDatabase = dropsDatabase;
  }

  /** Test defaults: 2 run slots, a queue of 16, 1 thread per run, the repo's DfE data. */
  static ServerConfig config(String databaseUrl) {
    return new ServerConfig("127.0.0.1", 0, databaseUrl, null, Path.of("..", "data", "dfe"),
        2, 16, 1, Limits.DEFAULT, null, ConnectionLimits.DEFAULT);
  }

  static TestServer start(Vertx vertx) {
    return start(vertx, c -> c);
  }

  static TestServer start(Vertx vertx, UnaryOperator<ServerConfig> customize) {
    return start(vertx, customize.apply(config(TestDatabase.fresh())));
  }

  static TestServer start(Vertx vertx, ServerConfig config) {
    return start(vertx, config, true);
  }

  /**
   * Another server process's stand-in on this one's database (its own Vert.x, pool and
   * owner lock, as a second {@code caseload serve} has); closing it leaves the database.
   */
  TestServer second(Vertx vertx) {
    return start(vertx, config(databaseUrl).withToken(token), false);
  }

  private static TestServer start(Vertx vertx, ServerConfig config, boolean dropsDatabase) {
    try {
      CaseloadServer server = CaseloadServer.start(config);
      WebClient client = WebClient.create(vertx, new WebClientOptions()
          .setDefaultHost("127.0.0.1").setDefaultPort(server.port()));
      return new TestServer(server, client, config.databaseUrl(), config.token(),
          dropsDatabase);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpRequest<Buffer> authorised(HttpRequest<Buffer> request) {
    return token == null ? request : request.bearerTokenAuthentication(token);
  }

  /**
   * {@code /metrics} after every request made so far: a scrape is served again for a second
   * (MetricsHandler), so this waits out that second first.
   */
  String metrics() {
    sleep(1_100);
    return get("/metrics").bodyAsString();
  }

  HttpResponse<Buffer> get(String path) {
    return authorised(client.get(path)).send().await();
  }

  HttpResponse<Buffer> delete(String path) {
    return authorised(client.delete(path)).send().await();
  }

  HttpResponse<Buffer> post(String path, String json) {
    return authorised(client.post(path)).putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer(json)).await();
  }

  HttpResponse<Buffer> post(String path, JsonObject json) {
    return post(path, json.encode());
  }

  HttpResponse<Buffer> put(String path, JsonObject json) {
    return authorised(client.put(path)).putHeader("Content-Type", "application/json")
        .sendBuffer(json.toBuffer()).await();
  }

  /** Submits a run or comparison, expecting 202; returns its location. */
  String submit(String path, JsonObject request) {
    HttpResponse<Buffer> response = post(path, request);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(202);
    return response.getHeader("Location");
  }

  /** Polls a run until it has ended; returns its last status document. */
  JsonObject awaitEnd(String location, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      JsonObject run = get(location).bodyAsJsonObject();
      String status = run.getString("status");
      if (status.equals("succeeded") || status.equals("failed") || status.equals("cancelled")) {
        return run;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("run still " + status + " after " + timeout + ": " + run);
      }
      sleep(50);
    }
  }

  /** Polls a run until it is running with some progress. */
  JsonObject awaitProgress(String location, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      JsonObject run = get(location).bodyAsJsonObject();
      if (run.getString("status").equals("running")
          && run.getJsonObject("progress").getLong("done") > 0) {
        return run;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("run not progressing after " + timeout + ": " + run);
      }
      sleep(20);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    client.close();
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (dropsDatabase) {
        TestDatabase.drop(databaseUrl);
      }
    }
  }
}
