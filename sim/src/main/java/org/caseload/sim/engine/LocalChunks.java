package org.caseload.sim.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Computes a job's chunks on this process's threads: one thread computes each chunk as it is
 * taken; more compute ahead, at most two chunks a thread beyond the one taken. The same bytes
 * as any other executor, since the caller reads them in chunk order.
 *
 * @implNote Thread-safe; each opened source has its own threads, stopped when it is closed.
 */
public final class LocalChunks implements ChunkExecutor {

  private final int threads;

  public LocalChunks(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    this.threads = threads;
  }

  @Override
  public ChunkSource open(ChunkJob job, RunOptions options) {
    int workers = (int) Math.min(threads, job.chunks());
    if (workers <= 1) {
      return new ChunkSource() {
        @Override
        public byte[] take(long chunk) {
          return job.compute(chunk, options.cancelled());
        }

        @Override
        public void close() {
        }
      };
    }
    return new Ahead(job, options, workers);
  }

  /** How often a wait for a chunk looks at the cancellation flag. */
  private static final long POLL_MILLIS = 100;

  /** Chunks computed ahead on a few threads. */
  private static final class Ahead implements ChunkSource {
    private final ChunkJob job;
    private final RunOptions options;
    private final int window;
    private final ExecutorService pool;
    private final Map<Long, byte[]> done = new HashMap<>();
    private long taken;
    private long started;
    private RuntimeException failure;
    private volatile boolean closed;

    Ahead(ChunkJob job, RunOptions options, int workers) {
      this.job = job;
      this.options = options;
      this.window = 2 * workers;
      this.pool = Executors.newFixedThreadPool(workers, runnable -> {
        Thread thread = new Thread(runnable, "caseload-chunks");
        thread.setDaemon(true);
        return thread;
      });
      for (int i = 0; i < workers; i++) {
        pool.execute(this::work);
      }
    }

    private void work() {
      while (true) {
        long chunk;
        synchronized (this) {
          while (!closed && failure == null && started - taken >= window) {
            try {
              wait();
            } catch (InterruptedException e) {
              return;
            }
          }
          if (closed || failure != null || started >= job.chunks()) {
            return;
          }
          chunk = started++;
        }
        try {
          byte[] bytes = job.compute(chunk, () -> closed || options.cancelled().getAsBoolean());
          synchronized (this) {
            done.put(chunk, bytes);
            notifyAll();
          }
        } catch (RuntimeException e) {
          synchronized (this) {
            if (failure == null) {
              failure = e;
            }
            notifyAll();
          }
          return;
        } catch (Error e) {
          synchronized (this) {
            failure = new IllegalStateException("chunk " + chunk + " failed: " + e, e);
            notifyAll();
          }
          throw e;
        }
      }
    }

    @Override
    public synchronized byte[] take(long chunk) {
      while (!done.containsKey(chunk)) {
        if (failure != null) {
          throw failure;
        }
        if (options.cancelled().getAsBoolean()) {
          throw new CancellationException("cancelled");
        }
        try {
          wait(POLL_MILLIS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new CancellationException("interrupted");
        }
      }
      taken = chunk + 1;
      notifyAll();
      return done.remove(chunk);
    }

    @Override
    public void close() {
      synchronized (this) {
        closed = true;
        done.clear();
        notifyAll();
      }
      pool.shutdownNow();
    }
  }
}
