package org.caseload.bench.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.caseload.core.metrics.Trajectory;
import org.caseload.core.model.ExpectedProjection;
import org.caseload.core.model.MonthPlan;
import org.caseload.core.scenario.ScenarioJson;
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
 * The expected-value projection of an example scenario over its horizon (what
 * {@code caseload project} computes).
 *
 * <p>Run from the repository root:
 * {@code java -jar bench/target/benchmarks.jar ExpectedProjectionBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExpectedProjectionBenchmark {

  @Param({"examples/medway-2019.json"})
  public String scenario;

  private MonthPlan plan;

  @Setup
  public void setUp() throws IOException {
    plan = MonthPlan.of(ScenarioJson.read(Files.readString(Path.of(scenario))));
  }

  @Benchmark
  public Trajectory projectHorizon() {
    return ExpectedProjection.of(plan);
  }
}
