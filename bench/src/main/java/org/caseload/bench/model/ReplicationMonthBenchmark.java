package org.caseload.bench.model;

import java.util.concurrent.TimeUnit;
import org.caseload.bench.Workload;
import org.caseload.bench.random.Math3Sampler;
import org.caseload.core.metrics.Metric;
import org.caseload.core.model.MonthPlan;
import org.caseload.core.model.RandomSources;
import org.caseload.core.model.Simulation;
import org.caseload.sim.random.SamplerFactory;
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
 * One replication-month of Medway (preset {@code medway-2019}, 230 workers), or with
 * {@code area=england} of England as one service ({@code england-2022}, about 38,000
 * workers): an invocation simulates a replication of 36 months, so scores are per
 * replication-month. {@code sampler=caseload}
 * draws with the engine's samplers; {@code sampler=commonsMath3} swaps in commons-math3
 * distribution objects and changes nothing else: the ratio is the speedup of our sampling.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar ReplicationMonthBenchmark -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReplicationMonthBenchmark {

  /** Who draws the random numbers. */
  public enum Samplers { caseload, commonsMath3 }

  @Param
  public Samplers sampler;

  /** Which service. */
  public enum Area { medway, england }

  @Param("medway")
  public Area area;

  private Simulation simulation;
  private Streams.Reusable sources;
  private double[][] rows;
  private long replication;

  @Setup
  public void setUp() {
    simulation = Simulation.of(MonthPlan.of(
        area == Area.medway ? Workload.medway() : Workload.england()));
    Streams streams = sampler == Samplers.caseload ? Streams.of(Workload.SEED)
        : Streams.of(Workload.SEED, (SamplerFactory) Math3Sampler::new);
    sources = streams.reusable();
    rows = new double[Workload.MONTHS][Metric.COUNT];
  }

  @Benchmark
  @OperationsPerInvocation(Workload.MONTHS)
  public double replication() {
    RandomSources random = sources.at(replication++);
    simulation.reset();
    for (double[] row : rows) {
      simulation.step(random, row);
    }
    return rows[Workload.MONTHS - 1][Metric.caseload.ordinal()];
  }
}
