package org.caseload.sim.decide;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.caseload.sim.engine.ChunkExecutor;
import org.caseload.sim.engine.Progress;
import org.caseload.sim.engine.Readings;
import org.caseload.sim.engine.ReplicationBatch;
import org.caseload.sim.engine.ReplicationValues;

/**
 * Where a goal-seek's or sensitivity study's replications are computed: batches of {@link
 * ReplicationBatch}, on this process's threads or on a {@link ChunkExecutor} (the cluster),
 * with the same values to the bit either way (at most {@link #SPANS_PER_BATCH} scenarios a
 * batch). Counts the replications run over every batch
 * and reports them to a progress callback (with no total: a study's is not known ahead).
 *
 * @implNote Mutable (the count), not thread-safe: one study's thread.
 */
final class ReplicationRunner {

  /**
   * The most scenarios in one batch: a Sobol study's thousands of scenarios go as several
   * batches, so that no job's JSON (about 3 KB a scenario, sent once a batch to each node that
   * computes one of its chunks) passes a megabyte or so, and a caller that reduces each
   * scenario's readings holds one batch's at a time. The values do not depend on it.
   */
  static final int SPANS_PER_BATCH = 256;

  private final long seed;
  private final int threads;
  private final BooleanSupplier cancelled;
  private final ChunkExecutor chunks;
  private final Progress progress;
  private long run;

  /**
   * @param chunks computes the chunks, or null for {@code threads} of this process's threads
   */
  ReplicationRunner(long seed, int threads, BooleanSupplier cancelled, ChunkExecutor chunks,
      Progress progress) {
    this.seed = seed;
    this.threads = threads;
    this.cancelled = cancelled;
    this.chunks = chunks;
    this.progress = progress;
  }

  /**
   * Each span's readings, in the order of the spans.
   *
   * @throws java.util.concurrent.CancellationException if cancelled
   */
  List<ReplicationValues> run(List<ReplicationBatch.Span> spans, Readings readings) {
    return run(spans, readings, values -> values);
  }

  /**
   * Each span's readings reduced by {@code reduce}, in the order of the spans; the readings of
   * one batch at most are held at a time.
   *
   * @throws java.util.concurrent.CancellationException if cancelled
   */
  <T> List<T> run(List<ReplicationBatch.Span> spans, Readings readings,
      Function<ReplicationValues, T> reduce) {
    List<T> out = new ArrayList<>(spans.size());
    for (int from = 0; from < spans.size(); from += SPANS_PER_BATCH) {
      List<ReplicationBatch.Span> part = spans.subList(from, Math.min(spans.size(),
          from + SPANS_PER_BATCH));
      long before = run;
      for (ReplicationValues values : ReplicationBatch.of(part, seed, readings).run(chunks,
          threads, cancelled, (done, total) -> progress.update(before + done, 0))) {
        out.add(reduce.apply(values));
      }
      for (ReplicationBatch.Span span : part) {
        run += span.to() - span.from();
      }
    }
    return out;
  }

  /** Replications run so far, over every batch. */
  long replicationsRun() {
    return run;
  }
}
