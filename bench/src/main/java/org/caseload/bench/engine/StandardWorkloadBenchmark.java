package org.caseload.bench.engine;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.caseload.bench.Workload;
import org.caseload.core.scenario.Scenario;
import org.caseload.sim.engine.MonteCarlo;
import org.caseload.sim.engine.RunOptions;
import org.caseload.sim.engine.RunResult;
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
 * The standard workload: Medway ({@code medway-2019}), 36 months, 10,000 replications, summaries
 * included, at 1 and 2 threads; one run per measurement.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar StandardWorkloadBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class StandardWorkloadBenchmark {

  @Param({"1", "2"})
  public int threads;

  private Scenario scenario;

  @Setup
  public void setUp() {
    scenario = Workload.medway();
  }

  @Benchmark
  public RunResult run() {
    return MonteCarlo.run(scenario, RunOptions.builder().replications(Workload.REPLICATIONS)
        .seed(Workload.SEED).threads(threads).build(), List.of());
  }
}
