package org.caseload.api.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.caseload.api.BadSettingException;
import org.caseload.api.Launch;
import org.caseload.sim.engine.RunOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code caseload worker --cluster}: a compute node. Joins the cluster, computes the chunks
 * API nodes send it and nothing else (no HTTP, no database), until stopped (Ctrl-C or
 * SIGTERM leave the cluster; its chunks in flight are sent elsewhere).
 */
@Command(name = "caseload worker", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Compute chunks of runs for the API nodes of a cluster (docs/cluster.md).")
public final class WorkerCommand implements Callable<Integer> {

  @Mixin
  ClusterOptions cluster = new ClusterOptions();

  @Option(names = "--threads", paramLabel = "N",
      description = "chunks computed at once (default: cores)")
  Integer threads;

  @Spec
  CommandSpec spec;

  private final CountDownLatch stopped = new CountDownLatch(1);

  public static void main(String[] args) {
    System.exit(execute(new java.io.PrintWriter(System.err, true), args));
  }

  /** Runs the command; bad flags exit 2 with one line naming the flag on {@code err}. */
  static int execute(java.io.PrintWriter err, String... args) {
    return Launch.execute("worker", new WorkerCommand(), null, err, args);
  }

  @Override
  public Integer call() throws Exception {
    org.caseload.api.JavaLogging.toServerLog();
    ClusterConfig config = cluster.config();
    if (config == null) {
      throw new BadSettingException("--cluster", "a worker only works in a cluster; give"
          + " --cluster (and --members, --cluster-host)");
    }
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (n < 1 || n > RunOptions.MAX_THREADS) {
      throw new BadSettingException("--threads", "must be between 1 and "
          + RunOptions.MAX_THREADS + ", was " + n);
    }
    ClusterNode.Started node;
    try {
      node = ClusterNode.start(config, new VertxOptions());
    } catch (RuntimeException e) {
      spec.commandLine().getErr().println("caseload worker: cannot join the cluster on "
          + config.host() + ":" + config.hazelcastPort() + ": " + e.getMessage());
      return 1;
    }
    Vertx vertx = node.vertx();
    ComputeService compute = ComputeService.start(vertx, node.manager(), n);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        compute.close();
        vertx.close().await();
      } catch (Exception e) {
        // leaving anyway
      } finally {
        stopped.countDown();
      }
    }, "caseload-worker-shutdown"));
    java.io.PrintWriter err = spec.commandLine().getErr();
    err.println("Caseload worker " + compute.nodeId() + " in cluster '" + config.name()
        + "' on " + config.host() + ":" + config.hazelcastPort() + " (" + n + " threads);"
        + " Ctrl-C stops it");
    err.flush();
    stopped.await();
    return 0;
  }
}
