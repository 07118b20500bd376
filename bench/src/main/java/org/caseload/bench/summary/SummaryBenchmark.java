package org.caseload.bench.summary;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.caseload.sim.summary.Accuracy;
import org.caseload.sim.summary.Summary;
import org.caseload.sim.summary.Tally;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Summary recording and merging: {@code record} adds one value to a metric's tally (a run
 * records 45 metrics x months per replication); {@code merge} merges a chunk's tally of 64
 * values into a total, as the runner does after each chunk; {@code summarise} computes the
 * summary (mean, sd, se, seven percentiles).
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar SummaryBenchmark -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SummaryBenchmark {

  /** Kinds of value: a caseload (0.01 resolution) or a monthly cost (£1, 11 bits). */
  public enum Kind { caseload, cost }

  @Param
  public Kind kind;

  private final double[] values = new double[1024];
  private Tally recording;
  private Tally chunk;
  private Tally total;
  private int i;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(3);
    Accuracy accuracy = Accuracy.RELATIVE;
    for (int k = 0; k < values.length; k++) {
      values[k] = kind == Kind.caseload ? random.nextDouble(18, 24)
          : random.nextDouble(1.1e6, 1.4e6);
    }
    recording = new Tally(accuracy);
    chunk = new Tally(accuracy);
    total = new Tally(accuracy);
    for (int k = 0; k < 64; k++) {
      chunk.add(values[k]);
    }
  }

  @Benchmark
  public long record() {
    recording.add(values[i++ & 1023]);
    return recording.n();
  }

  @Benchmark
  public long merge() {
    total.merge(chunk);
    return total.n();
  }

  @Benchmark
  public Summary summarise() {
    return chunk.summary();
  }
}
