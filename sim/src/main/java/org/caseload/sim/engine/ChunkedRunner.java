package org.caseload.sim.engine;

import java.util.ArrayDeque;
import java.util.Deque;
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
 * Runs replications 0..R-1 in chunks of a fixed size, each chunk into its own accumulator,
 * on a pool of worker threads that run ahead of the calling thread, which merges finished
 * chunks into the total strictly in chunk order. So the total depends only on the chunk
 * sequence, never on the thread count or on which thread ran what. After each merge it
 * reports progress and asks whether to stop early; chunks computed beyond that are dropped.
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

  /** Merges a chunk's accumulator from the bytes {@link ChunkWork#compute} made of it. */
  interface Decoder<A> {
    void read(byte[] bytes, A total) throws java.io.IOException;
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
    if (threads <= 1) {
      return runInline(total, enough);
    }
    // Workers compute chunks ahead while this thread merges finished ones in order, so no
    // worker waits for a merge; at most `window` chunks (and their summaries) are in flight.
    int window = threads + 1;
    BlockingQueue<W> idleWorkers = new ArrayBlockingQueue<>(threads);
    BlockingQueue<A> freeAccumulators = new ArrayBlockingQueue<>(window);
    for (int i = 0; i < window; i++) {
      freeAccumulators.add(accumulators.get());
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "caseload-replications");
      thread.setDaemon(true);
      return thread;
    });
    Deque<Future<A>> inFlight = new ArrayDeque<>();
    try {
      long submitted = 0;
      while (submitted < chunks() && inFlight.size() < window) {
        inFlight.add(submit(pool, idleWorkers, freeAccumulators.poll(), submitted++));
      }
      while (!inFlight.isEmpty()) {
        A chunk = await(inFlight.poll());
        total.merge(chunk);
        chunk.clear();
        freeAccumulators.add(chunk);
        options.progress().update(total.replications(), options.replications());
        if (total.replications() < options.replications() && enough.test(total)) {
          return true;
        }
        if (submitted < chunks()) {
          inFlight.add(submit(pool, idleWorkers, freeAccumulators.poll(), submitted++));
        }
      }
      return false;
    } finally {
      inFlight.forEach(f -> f.cancel(true));
      pool.shutdownNow();
    }
  }

  /**
   * Like {@link #run}, but each chunk is computed elsewhere (another process): takes chunk
   * c's bytes from {@code source} for c = 0, 1, ... in order and merges them into the total
   * with {@code decoder}, which merges as {@link Accumulator#merge} does, so the total has the
   * same bytes.
   *
   * @throws CancellationException if cancelled
   */
  boolean runFrom(ChunkSource source, Decoder<A> decoder, A total, Predicate<A> enough) {
    for (long c = 0; c < chunks(); c++) {
      byte[] bytes = source.take(c);
      long before = total.replications();
      try {
        decoder.read(bytes, total);
      } catch (java.io.IOException e) {
        throw new IllegalStateException("chunk " + c + " arrived unreadable: " + e, e);
      }
      long from = c * options.chunkSize();
      long expected = Math.min(options.replications(), from + options.chunkSize()) - from;
      if (total.replications() - before != expected) {
        throw new IllegalStateException("chunk " + c + " arrived with "
            + (total.replications() - before) + " replications, not " + expected);
      }
      options.progress().update(total.replications(), options.replications());
      if (total.replications() < options.replications() && enough.test(total)) {
        return true;
      }
    }
    return false;
  }

  /** Runs chunk {@code chunk} with {@code worker} into {@code into} (for {@link ChunkWork}). */
  void runOne(W worker, long chunk, A into) {
    runChunk(worker, chunk, into);
  }

  private boolean runInline(A total, Predicate<A> enough) {
    W worker = workers.get();
    A chunk = accumulators.get();
    for (long c = 0; c < chunks(); c++) {
      runChunk(worker, c, chunk);
      total.merge(chunk);
      chunk.clear();
      options.progress().update(total.replications(), options.replications());
      if (total.replications() < options.replications() && enough.test(total)) {
        return true;
      }
    }
    return false;
  }

  private long chunks() {
    return (options.replications() + options.chunkSize() - 1) / options.chunkSize();
  }

  private Future<A> submit(ExecutorService pool, BlockingQueue<W> idle, A into, long chunk) {
    return pool.submit(() -> {
      W worker = idle.poll();
      if (worker == null) {
        worker = workers.get();
      }
      try {
        runChunk(worker, chunk, into);
      } finally {
        idle.offer(worker);
      }
      return into;
    });
  }

  private static <A> A await(Future<A> future) {
    try {
      return future.get();
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
