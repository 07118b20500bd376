package org.caseload.sim.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Runs replications 0..R-1 in chunks of a fixed size. Chunks are computed a round at a time
 * (one chunk per thread), each into its own accumulator, then merged into the total in chunk
 * order; so the total depends only on the chunk sequence, never on the thread count or on
 * which thread ran what. After each merge it reports progress and asks whether to stop early.
 *
 * @param <W> a worker: the per-thread state that runs replications (a simulation, buffers)
 * @param <A> an accumulator of replications that can be merged and cleared
 * @implNote One run at a time per instance; not thread-safe itself.
 */
final class ChunkedRunner<W, A extends ChunkedRunner.Accumulator<A>> {

  /** Something that accumulates replications and merges in order. */
  interface Accumulator<A> {
    void merge(A other);

    void clear();

    long replications();
  }

  /** Runs one replication with a worker into an accumulator. */
  interface Replicator<W, A> {
    void replicate(W worker, long replication, A into);
  }

  private final RunOptions options;
  private final Supplier<W> workers;
  private final Supplier<A> accumulators;
  private final Replicator<W, A> replicator;

  ChunkedRunner(RunOptions options, Supplier<W> workers, Supplier<A> accumulators,
      Replicator<W, A> replicator) {
    this.options = options;
    this.workers = workers;
    this.accumulators = accumulators;
    this.replicator = replicator;
  }

  /**
   * Runs and merges into {@code total}; returns true if stopped early by {@code enough}.
   *
   * @throws CancellationException if cancelled
   */
  boolean run(A total, Predicate<A> enough) {
    int threads = (int) Math.min(options.threads(), chunks());
    List<A> round = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      round.add(accumulators.get());
    }
    BlockingQueue<W> idle = new ArrayBlockingQueue<>(threads);
    ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "caseload-replications");
      thread.setDaemon(true);
      return thread;
    }) : null;
    try {
      long chunk = 0;
      while (chunk < chunks()) {
        int inRound = (int) Math.min(threads, chunks() - chunk);
        runRound(pool, idle, round, chunk, inRound);
        for (int i = 0; i < inRound; i++) {
          total.merge(round.get(i));
          round.get(i).clear();
          options.progress().update(total.replications(), options.replications());
          if (total.replications() < options.replications() && enough.test(total)) {
            return true;
          }
        }
        chunk += inRound;
      }
      return false;
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  private long chunks() {
    return (options.replications() + options.chunkSize() - 1) / options.chunkSize();
  }

  private void runRound(ExecutorService pool, BlockingQueue<W> idle, List<A> round,
      long firstChunk, int inRound) {
    if (pool == null) {
      W worker = idle.isEmpty() ? workers.get() : idle.poll();
      runChunk(worker, firstChunk, round.get(0));
      idle.add(worker);
      return;
    }
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < inRound; i++) {
      long chunk = firstChunk + i;
      A into = round.get(i);
      futures.add(pool.submit(() -> {
        W worker = idle.poll();
        if (worker == null) {
          worker = workers.get();
        }
        try {
          runChunk(worker, chunk, into);
        } finally {
          idle.add(worker);
        }
      }));
    }
    for (Future<?> future : futures) {
      try {
        future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CancellationException("interrupted");
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException runtime) {
          throw runtime;
        }
        if (cause instanceof Error error) {
          throw error;
        }
        throw new IllegalStateException(cause);
      }
    }
  }

  private void runChunk(W worker, long chunk, A into) {
    long from = chunk * options.chunkSize();
    long to = Math.min(options.replications(), from + options.chunkSize());
    for (long r = from; r < to; r++) {
      if (options.cancelled().getAsBoolean()) {
        throw new CancellationException("run cancelled");
      }
      replicator.replicate(worker, r, into);
    }
  }
}
