package org.caseload.sim.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A stand-in for the cluster in tests: computes every chunk of a copy of the job (made from
 * its JSON, as a node would) on a pool of three threads, in a shuffled order.
 */
public final class ShuffledChunks implements ChunkExecutor {

  private static final ExecutorService POOL = Executors.newFixedThreadPool(3, runnable -> {
    Thread thread = new Thread(runnable, "shuffled-chunks");
    thread.setDaemon(true);
    return thread;
  });

  private int opened;
  private long computed;

  /** Jobs opened. */
  public int opened() {
    return opened;
  }

  /** Chunks computed over every job. */
  public long computed() {
    return computed;
  }

  @Override
  public ChunkSource open(ChunkJob work, RunOptions options) {
    opened++;
    ChunkJob remote = ChunkJob.fromJson(work.toJson());
    List<Long> order = new ArrayList<>();
    for (long c = 0; c < remote.chunks(); c++) {
      order.add(c);
    }
    computed += order.size();
    Collections.shuffle(order, new Random(7));
    Map<Long, Future<byte[]>> futures = new ConcurrentHashMap<>();
    for (long c : order) {
      futures.put(c, POOL.submit(() -> remote.compute(c, options.cancelled())));
    }
    return new ChunkSource() {
      @Override
      public byte[] take(long chunk) {
        try {
          return futures.get(chunk).get();
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException runtime) {
            throw runtime;
          }
          throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new CancellationException("interrupted");
        }
      }

      @Override
      public void close() {
        futures.values().forEach(f -> f.cancel(true));
      }
    };
  }
}
