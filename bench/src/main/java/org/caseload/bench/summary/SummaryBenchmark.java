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
 * summary (mean, sd, se and 21 ranks read in one pass: the seven printed percentiles and
 * the ends of each one's 95% order-statistic interval, its Monte Carlo error;
 * {@code PercentileRanks}).
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

  /**
   * Kinds of value: a caseload (18-24) or a monthly cost (£1.1m-£1.4m), both kept to 0.5%;
   * or staff in post (whole numbers 180-219), kept exactly.
   */
  public enum Kind {
    caseload(Accuracy.RELATIVE),
    cost(Accuracy.RELATIVE),
    staff(Accuracy.WHOLE);

    final Accuracy accuracy;

    Kind(Accuracy accuracy) {
      this.accuracy = accuracy;
    }
  }

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
    Accuracy accuracy = kind.accuracy;
    for (int k = 0; k < values.length; k++) {
      values[k] = switch (kind) {
        case caseload -> random.nextDouble(18, 24);
        case cost -> random.nextDouble(1.1e6, 1.4e6);
        case staff -> 180 + random.nextInt(40);
      };
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
