package org.caseload.bench.random;

import java.util.concurrent.TimeUnit;
import org.caseload.bench.Workload;
import org.caseload.core.metrics.Metric;
import org.caseload.core.model.MonthPlan;
import org.caseload.core.model.RandomProcess;
import org.caseload.core.model.RandomSources;
import org.caseload.core.model.Simulation;
import org.caseload.sim.random.FastSampler;
import org.caseload.sim.random.SeedMixer;
import org.caseload.sim.random.Streams;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The random-number floor of the standard workload: the draws (and substream re-keyings) that
 * 16 replications of Medway ({@code medway-2019}) really made, recorded with their parameters and
 * replayed with no model logic. {@code replicationMonth} is per replication-month, to set
 * beside {@code ReplicationMonthBenchmark}; with {@code sampler=commonsMath3} the same draws
 * go through commons-math3 distribution objects instead (the sampling-only speedup).
 * {@code workload} replays as many replications as the standard workload (10,000 x 36
 * months) on one thread, to set beside {@code StandardWorkloadBenchmark} at 1 thread.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar RngFloorBenchmark}
 */
@State(Scope.Thread)
@Fork(1)
public class RngFloorBenchmark {

  private static final int RECORDED = 16;

  private DrawLog[][] logs;
  private FastSampler[] samplers;
  private int next;

  @Setup
  public void setUp() {
    Simulation simulation = Simulation.of(MonthPlan.of(Workload.medway()));
    Streams streams = Streams.of(Workload.SEED);
    double[] row = new double[Metric.COUNT];
    logs = new DrawLog[RECORDED][RandomProcess.values().length];
    for (int r = 0; r < RECORDED; r++) {
      RandomSources real = streams.forReplication(r);
      DrawLog[] replication = logs[r];
      for (RandomProcess p : RandomProcess.values()) {
        replication[p.ordinal()] = new DrawLog(real.get(p));
      }
      RandomSources logged = RandomSources.of(p -> replication[p.ordinal()]);
      simulation.reset();
      for (int t = 0; t < Workload.MONTHS; t++) {
        simulation.step(logged, row);
      }
    }
    samplers = new FastSampler[RandomProcess.values().length];
    for (int p = 0; p < samplers.length; p++) {
      samplers[p] = new FastSampler(p);
    }
  }

  private long replayOne(long replication) {
    DrawLog[] replicationLogs = logs[(int) (replication % RECORDED)];
    long sum = 0;
    for (int p = 0; p < samplers.length; p++) {
      samplers[p].restream(SeedMixer.seed(Workload.SEED, replication, p));
      sum += replicationLogs[p].replay(samplers[p]);
    }
    return sum;
  }

  /** Who replays the draws in {@code replicationMonth}. */
  @State(Scope.Thread)
  public static class Replay {
    /** The engine's samplers or commons-math3 distribution objects. */
    public enum Samplers { caseload, commonsMath3 }

    @Param
    public Samplers sampler;
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  @OperationsPerInvocation(Workload.MONTHS)
  public long replicationMonth(Replay replay) {
    long replication = next++;
    if (replay.sampler == Replay.Samplers.caseload) {
      return replayOne(replication);
    }
    DrawLog[] replicationLogs = logs[(int) (replication % RECORDED)];
    long sum = 0;
    for (int p = 0; p < samplers.length; p++) {
      sum += replicationLogs[p].replay(
          new Math3Sampler(SeedMixer.seed(Workload.SEED, replication, p)));
    }
    return sum;
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public long workload() {
    long sum = 0;
    for (long r = 0; r < Workload.REPLICATIONS; r++) {
      sum += replayOne(r);
    }
    return sum;
  }
}
