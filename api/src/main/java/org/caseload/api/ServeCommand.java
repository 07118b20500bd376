package org.caseload.api;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.caseload.api.cluster.ClusterConfig;
import org.caseload.api.cluster.ClusterOptions;
import org.caseload.api.http.HostNames;
import org.caseload.api.store.DatabaseAddress;
import org.caseload.sim.cli.CaseloadCommand;
import org.caseload.sim.engine.SummaryMemory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code caseload serve}: starts the API and serves until stopped (Ctrl-C or SIGTERM, which
 * store runs in flight as failed). Bad options, a host that is not this machine's and a port
 * in use exit 2 with one line naming the flag, before any database is started or connected
 * to; a database that cannot start exits 1.
 */
@Command(name = "caseload serve", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Serve the planners' HTTP API on PostgreSQL: CASELOAD_DB_URL, or an embedded"
        + " PostgreSQL with its data in --embedded-data. CASELOAD_API_TOKEN, when set, is the"
        + " bearer token every request needs but GET /health, /health/live, /metrics and the"
        + " planners' page's files (/, /assets/..., /api/v1/docs). The heap is the JVM's"
        + " -Xmx (./caseload serve: 1 GiB, or CASELOAD_SERVE_JAVA_OPTS).")
public final class ServeCommand implements Callable<Integer> {

  @Option(names = "--host", defaultValue = "127.0.0.1",
      description = "address to bind (default ${DEFAULT-VALUE})")
  String host;

  @Option(names = "--port", defaultValue = "8080", description = "port (default ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--access-log",
      description = "log each request when answered, refused ones too: address, request line,"
          + " status, bytes, time taken, user agent (never the token; off by default)")
  boolean accessLog;

  @Option(names = "--allowed-host", paramLabel = "NAME",
      description = "a name requests may give in Host, e.g. behind a proxy (repeatable); on a"
          + " loopback --host only localhost and IP addresses are answered otherwise, against"
          + " DNS rebinding")
  java.util.List<String> allowedHosts = new java.util.ArrayList<>();

  @Option(names = "--db-url", paramLabel = "URL", defaultValue = "${env:CASELOAD_DB_URL}",
      description = "postgresql://user:password@host:port/database (default: CASELOAD_DB_URL;"
          + " none: embedded PostgreSQL)")
  String databaseUrl;

  /**
   * The embedded PostgreSQL's folder unless {@code --embedded-data} says: the system property
   * {@code caseload.embedded}, which the launcher ({@code ./caseload}) sets to the
   * repository's {@code .caseload/postgres} wherever it is run from (a server started from
   * another folder had silently made a new, empty store there), else {@code .caseload/postgres}
   * under the working directory ({@code java -jar} from the repository).
   */
  static final String EMBEDDED_FOLDER = "${sys:caseload.embedded:-.caseload/postgres}";

  @Option(names = "--embedded-data", paramLabel = "DIR", defaultValue = EMBEDDED_FOLDER,
      description = "the embedded PostgreSQL's data folder (default ${DEFAULT-VALUE})")
  Path embeddedFolder;

  @Option(names = "--data", paramLabel = "DIR", defaultValue = CaseloadCommand.DFE_FOLDER,
      description = "DfE CSV files for calibrations (default ${DEFAULT-VALUE})")
  Path dfeFolder;

  @Option(names = "--run-slots", defaultValue = "1",
      description = "runs executing at once (default ${DEFAULT-VALUE})")
  int runSlots;

  @Option(names = "--queue", defaultValue = "16",
      description = "runs waiting for a slot before 429 (default ${DEFAULT-VALUE})")
  int queue;

  @Option(names = "--threads-per-run", description = "threads of each run (default: cores)")
  Integer threadsPerRun;

  @Option(names = "--max-replications", defaultValue = "100000",
      description = "most replications per run (default ${DEFAULT-VALUE})")
  long maxReplications;

  @Option(names = "--max-sweep-replications", defaultValue = "2000000",
      description = "most replications of an all-England sweep, over all its councils and"
          + " grid points (default ${DEFAULT-VALUE})")
  long maxSweepReplications;

  @Option(names = "--max-work", defaultValue = "25e9", paramLabel = "WORKER_MONTHS",
      description = "most work of one run, comparison, sensitivity study or goal-seek:"
          + " replications x the funded posts of every month, summed over its scenarios"
          + " (default ${DEFAULT-VALUE}, about 20-25 minutes of one core)")
  double maxWork;

  @Option(names = "--max-months", defaultValue = "120",
      description = "most months per run (default ${DEFAULT-VALUE})")
  int maxMonths;

  @Option(names = "--max-body-bytes", defaultValue = "1048576",
      description = "largest request body (default ${DEFAULT-VALUE})")
  long maxBodyBytes;

  @Option(names = "--max-connections", defaultValue = "1000",
      description = "connections open at once (default ${DEFAULT-VALUE})")
  int maxConnections;

  @picocli.CommandLine.Mixin
  ClusterOptions cluster = new ClusterOptions();

  @Spec
  CommandSpec spec;

  private final CountDownLatch stopped = new CountDownLatch(1);

  public static void main(String[] args) {
    System.exit(execute(new java.io.PrintWriter(System.err, true), args));
  }

  /**
   * Runs the command until the server stops; bad flags exit 2 with one line naming the flag
   * on {@code err}.
   */
  static int execute(java.io.PrintWriter err, String... args) {
    return Launch.execute("serve", new ServeCommand(), null, err, args);
  }

  @Override
  public Integer call() throws Exception {
    int threads = threadsPerRun == null ? Runtime.getRuntime().availableProcessors()
        : threadsPerRun;
    Limits limits = new Limits(maxReplications, maxMonths, maxBodyBytes,
        maxSweepReplications, SummaryMemory.defaultBudget(), Limits.defaultResultBytes(),
        maxWork);
    String url = databaseUrl == null || databaseUrl.isBlank() ? null : databaseUrl;
    if (url != null) {
      try {
        DatabaseAddress.parse(url);
      } catch (IllegalArgumentException e) {
        throw new BadSettingException("--db-url (or CASELOAD_DB_URL)", e.getMessage());
      }
    }
    ClusterConfig clusterConfig = cluster.config();
    String token = token(System.getenv());
    ServerConfig config = new ServerConfig(host, port, url, embeddedFolder, dfeFolder, runSlots,
        queue, threads, limits, token,
        ConnectionLimits.DEFAULT.withMaxConnections(maxConnections),
        HostNames.of(host, allowedHosts), accessLog);
    java.io.PrintWriter err = spec.commandLine().getErr();
    String weak = tokenWarning(token);
    if (weak != null) {
      err.println(weak);
    }
    CaseloadServer server;
    try {
      server = CaseloadServer.start(config, java.time.Clock.systemUTC(), clusterConfig);
    } catch (HostNotLocalException | PortInUseException e) {
      err.println("caseload serve: " + e.getMessage());
      return 2;
    } catch (org.flywaydb.core.api.FlywayException | java.io.IOException e) {
      err.println("caseload serve: cannot start the database"
          + (url == null ? " (embedded, in " + embeddedFolder + ")" : " at "
              + DatabaseAddress.parse(url))
          + ": " + startFailure(e));
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (Exception e) {
        err.println("caseload serve: error while stopping: " + e.getMessage());
        err.flush();
      } finally {
        stopped.countDown();
      }
    }, "caseload-shutdown"));
    err.println("Caseload API on http://" + host + ":" + server.port() + "/api/v1"
        + (config.token() == null ? "" : " (bearer token required)")
        + "; the planners' page on http://" + host + ":" + server.port() + "/" 
        + (clusterConfig == null ? "" : "; in cluster '" + clusterConfig.name() + "' on "
            + clusterConfig.host() + ":" + clusterConfig.hazelcastPort())
        + "; heap up to " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB (java -Xmx);"
        + " Ctrl-C stops it");
    err.flush();
    stopped.await();
    return 0;
  }

  /**
   * The bearer token from {@code CASELOAD_API_TOKEN}, or null when it is not set. Set but
   * blank is a mistake that would serve without a token: refused. So is a token no client
   * can send: one with a space, a line break or another control character (a secret file's
   * trailing newline), or a character outside ASCII. A client's {@code Authorization} header
   * loses its leading and trailing whitespace on the way and is read as the scheme, spaces,
   * then the token, so such a server had started and then answered every request 401 "is not
   * this server's token".
   *
   * @throws BadSettingException if the variable is set but blank, or has a character
   *     other than visible ASCII (U+0021-U+007E)
   */
  static String token(java.util.Map<String, String> environment) {
    String token = environment.get("CASELOAD_API_TOKEN");
    if (token != null && token.isBlank()) {
      throw new BadSettingException("CASELOAD_API_TOKEN", "is set but empty: give a token, or"
          + " unset it to serve without one");
    }
    if (token != null) {
      for (int i = 0; i < token.length(); i++) {
        char c = token.charAt(i);
        if (c < 0x21 || c > 0x7e) {
          throw new BadSettingException("CASELOAD_API_TOKEN", "has "
              + (Character.isWhitespace(c) || Character.isISOControl(c)
                  ? "a space, line break or control character (U+" + String.format("%04X", (int) c)
                      + ")" + (i == token.length() - 1 ? " at its end (a file's newline?)" : "")
                  : "a character outside ASCII")
              + " at position " + (i + 1) + " of " + token.length()
              + ": no client can send it as a bearer token; use letters, digits and"
              + " punctuation, e.g. openssl rand -hex 32");
        }
      }
    }
    return token;
  }

  /**
   * Why the database could not be started or migrated, in a line: what PostgreSQL answered
   * when it did (Flyway's own first line can be only "Failed to execute script" or "Unable to
   * create schema", the refusal several lines below), and for a privilege refused, what the
   * server's role needs.
   */
  static String startFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.sql.SQLException sql && sql.getMessage() != null
          && !sql.getMessage().isBlank()) {
        String line = sql.getMessage().strip().lines().findFirst().orElse("");
        return "42501".equals(sql.getSQLState()) || line.contains("permission denied")
            ? line + " (the role needs CONNECT on the database, and USAGE and CREATE on the"
                + " schema public, or to own the database: docs/api.md, Configuration)"
            : line;
      }
    }
    String message = failure.getMessage();
    return message == null || message.isBlank() ? failure.toString()
        : message.strip().lines().findFirst().orElse("");
  }

  /** Tokens shorter than this are warned of at start: guessable. */
  static final int SHORT_TOKEN = 16;

  /** A warning for a token that is guessable, or null. */
  static String tokenWarning(String token) {
    return token == null || token.length() >= SHORT_TOKEN ? null
        : "caseload serve: warning: CASELOAD_API_TOKEN is only " + token.length()
            + " characters, which could be guessed; use at least " + SHORT_TOKEN
            + " random ones, e.g. openssl rand -hex 32";
  }
}
