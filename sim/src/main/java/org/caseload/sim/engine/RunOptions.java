package org.caseload.sim.engine;

import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.caseload.sim.random.SamplerFactory;

/**
 * How to run replications. Build with {@link #builder()}; every setter checks its value.
 *
 * @param replications replications to run (at most; fewer if stopped early)
 * @param seed master seed of the random streams
 * @param threads worker threads
 * @param chunkSize replications per chunk, always {@link #CHUNK}: chunks are merged in order,
 *     so results do not depend on the thread count
 * @param precisions early-stop requests (empty: run every replication)
 * @param progress told of progress after each chunk
 * @param cancelled polled between replications; when it returns true the run is cancelled
 * @param samplers how draws are made: {@link SamplerFactory#FAST} unless a benchmark swaps it
 * @param summaryBytes the memory the run's summaries may take ({@link SummaryMemory}): a run
 *     that would take more on {@code threads} threads runs on fewer (the same results), one
 *     that would take more even on one is refused before it starts
 */
public record RunOptions(long replications, long seed, int threads, int chunkSize,
    List<Precision> precisions, Progress progress, BooleanSupplier cancelled,
    SamplerFactory samplers, long summaryBytes) {

  /** The most replications a run may ask for. */
  public static final long MAX_REPLICATIONS = 10_000_000;
  /** The most threads a run, a server's run or a cluster worker may be given. */
  public static final int MAX_THREADS = 1024;

  /**
   * Replications per chunk. Fixed, because the order of floating-point merges follows the
   * chunks: a different chunk size would give results equal in distribution but not in bytes.
   */
  public static final int CHUNK = 64;

  public RunOptions {
    precisions = List.copyOf(precisions);
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(cancelled, "cancelled");
    Objects.requireNonNull(samplers, "samplers");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The same options on {@code value} threads. */
  public RunOptions withThreads(int value) {
    return new RunOptions(replications, seed, value, chunkSize, precisions, progress, cancelled,
        samplers, summaryBytes);
  }

  /** The same options with these early-stop requests. */
  public RunOptions withPrecisions(List<Precision> value) {
    return new RunOptions(replications, seed, threads, chunkSize, value, progress, cancelled,
        samplers, summaryBytes);
  }

  /** Replications of a run when none are asked for, in every command and the API. */
  public static final int DEFAULT_REPLICATIONS = 1000;

  /** Options built field by field, each checked when set. */
  public static final class Builder {
    private long replications = DEFAULT_REPLICATIONS;
    private long seed = 1;
    private int threads = Runtime.getRuntime().availableProcessors();
    private List<Precision> precisions = List.of();
    private Progress progress = Progress.NONE;
    private BooleanSupplier cancelled = () -> false;
    private SamplerFactory samplers = SamplerFactory.FAST;
    private long summaryBytes = SummaryMemory.defaultBudget();

    public Builder replications(long value) {
      if (value < 1 || value > MAX_REPLICATIONS) {
        throw new IllegalArgumentException("replications must be between 1 and "
            + MAX_REPLICATIONS + ", was " + value);
      }
      replications = value;
      return this;
    }

    public Builder seed(long value) {
      seed = value;
      return this;
    }

    public Builder threads(int value) {
      if (value < 1 || value > MAX_THREADS) {
        throw new IllegalArgumentException("threads must be between 1 and " + MAX_THREADS
            + ", was " + value);
      }
      threads = value;
      return this;
    }

    public Builder precisions(List<Precision> value) {
      precisions = List.copyOf(value);
      return this;
    }

    public Builder progress(Progress value) {
      progress = Objects.requireNonNull(value, "progress");
      return this;
    }

    public Builder cancelled(BooleanSupplier value) {
      cancelled = Objects.requireNonNull(value, "cancelled");
      return this;
    }

    /** Swaps the samplers (benchmarks compare commons-math3 with the default). */
    public Builder samplers(SamplerFactory value) {
      samplers = Objects.requireNonNull(value, "samplers");
      return this;
    }

    /** The memory the run's summaries may take (default: {@link SummaryMemory#defaultBudget}). */
    public Builder summaryBytes(long value) {
      if (value < 1) {
        throw new IllegalArgumentException("summaryBytes must be positive, was " + value);
      }
      summaryBytes = value;
      return this;
    }

    public RunOptions build() {
      return new RunOptions(replications, seed, threads, CHUNK, precisions, progress,
          cancelled, samplers, summaryBytes);
    }
  }
}
