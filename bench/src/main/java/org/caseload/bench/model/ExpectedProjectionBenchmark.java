package org.caseload.bench.model;

import java.util.concurrent.TimeUnit;
import org.caseload.core.metrics.Trajectory;
import org.caseload.core.model.ExpectedProjection;
import org.caseload.core.model.MonthPlan;
import org.caseload.sim.presets.Presets;
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
 * One expected-value projection of a preset over its horizon (36 months for
 * {@code medway-2019}) with every uncertain parameter at its central value,
 * {@code ExpectedProjection.of(plan)}: what {@code caseload project --draws 0} computes. By
 * default {@code caseload project} averages 256 such projections, one for each draw of the
 * uncertain parameters.
 *
 * <p>Run:
 * {@code java -jar bench/target/benchmarks.jar ExpectedProjectionBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExpectedProjectionBenchmark {

  @Param({"medway-2019"})
  public String preset;

  private MonthPlan plan;

  @Setup
  public void setUp() {
    plan = MonthPlan.of(Presets.load(preset).orElseThrow());
  }

  @Benchmark
  public Trajectory projectHorizon() {
    return ExpectedProjection.of(plan);
  }
}
