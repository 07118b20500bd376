package org.caseload.sim.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.caseload.core.model.MonthPlan;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.ScenarioValidator;
import org.caseload.sim.random.Streams;

/**
 * Replications {@code from..to-1} of a scenario handed one by one to a consumer, for callers
 * that keep per-replication outcomes (goal-seek, sensitivity) rather than summaries. A
 * replication's rows are the ones it has inside any run of that seed ({@link
 * MonteCarlo#replicate}), so two scenarios run this way with one seed share their random
 * numbers: common random numbers.
 *
 * @implNote Stateless and thread-safe. Each thread gets its own sink from the supplier; which
 *     thread runs which replication varies, so a sink should write replication r's outcome to
 *     slot r (then the result does not depend on the thread count).
 */
public final class Replications {

  private static final int CHUNK = RunOptions.CHUNK;

  private Replications() {}

  /** Receives replications on one thread. */
  public interface Sink {
    /** Replication {@code replication}'s rows ({@code rows[t - 1]} is month t), valid only
     *  during the call. */
    void accept(long replication, double[][] rows);
  }

  /**
   * Runs replications {@code from} to {@code to - 1} on up to {@code threads} threads.
   *
   * @throws org.caseload.core.scenario.InvalidScenarioException if the scenario has problems
   * @throws CancellationException if {@code cancelled} says so (polled between replications)
   */
  public static void run(Scenario scenario, long seed, long from, long to, int threads,
      BooleanSupplier cancelled, Supplier<Sink> sinks) {
    ScenarioValidator.requireValid(scenario);
    MonthPlan plan = MonthPlan.of(scenario);
    Streams streams = Streams.of(seed);
    long chunks = (to - from + CHUNK - 1) / CHUNK;
    int workers = (int) Math.max(1, Math.min(threads, chunks));
    AtomicLong next = new AtomicLong();
    Runnable work = () -> {
      MonteCarlo.Replicator replicator = new MonteCarlo.Replicator(plan, streams);
      Sink sink = sinks.get();
      for (long c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
        for (long r = from + c * CHUNK; r < Math.min(to, from + (c + 1) * CHUNK); r++) {
          if (cancelled.getAsBoolean()) {
            throw new CancellationException("cancelled");
          }
          sink.accept(r, replicator.replicate(r));
        }
      }
    };
    if (workers == 1) {
      work.run();
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> {
      Thread thread = new Thread(runnable, "caseload-replications");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < workers; i++) {
        futures.add(pool.submit(work));
      }
      for (Future<?> future : futures) {
        await(future);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void await(Future<?> future) {
    try {
      future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
