package org.caseload.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CancellationException;
import org.caseload.core.metrics.Metric;
import org.caseload.core.scenario.Examples;
import org.caseload.core.scenario.Intervention;
import org.caseload.core.scenario.Scenario;
import org.caseload.sim.output.ComparisonOutput;
import org.caseload.sim.output.RunCsv;
import org.caseload.sim.output.RunJson;
import org.caseload.sim.target.TargetParser;
import org.junit.jupiter.api.Test;

/**
 * Chunks computed elsewhere (here: from the work's JSON, on a pool, in shuffled order, their
 * bytes sent through {@link ChunkWork#compute}) and merged in chunk order give the bytes of a
 * local run.
 */
class ChunkWorkTest {

  private static final Scenario BASE = Examples.medway().withHorizon(24);
  private static final Scenario EIGHT_POSTS = BASE.withInterventions(List.of(
      new Intervention.Posts(1, null, "assessment", 8)));
  private static RunOptions options(long replications) {
    return RunOptions.builder().replications(replications).seed(11).threads(2).build();
  }

  @Test
  void run_chunksComputedElsewhere_sameBytesAsLocal() {
    var targets = List.of(TargetParser.parse("caseload <= 20 at month 12"));
    RunResult local = MonteCarlo.run(BASE, options(1000), targets);
    ShuffledChunks executor = new ShuffledChunks();
    RunResult remote = MonteCarlo.run(BASE, options(1000), targets, executor);
    assertThat(executor.opened()).isEqualTo(1);
    assertThat(RunJson.write(remote)).isEqualTo(RunJson.write(local));
    assertThat(RunCsv.write(remote)).isEqualTo(RunCsv.write(local));
    assertThat(remote.replications()).isEqualTo(1000);
  }

  @Test
  void comparison_chunksComputedElsewhere_sameBytesAsLocal() {
    var targets = List.of(TargetParser.parse("caseload <= 20 at month 12"));
    ComparisonResult local = Comparison.run(BASE, List.of(EIGHT_POSTS), options(300), true,
        targets);
    ShuffledChunks executor = new ShuffledChunks();
    ComparisonResult remote = Comparison.run(BASE, List.of(EIGHT_POSTS), options(300), true,
        targets, executor);
    assertThat(executor.opened()).isEqualTo(1);
    assertThat(ComparisonOutput.json(remote)).isEqualTo(ComparisonOutput.json(local));
    assertThat(ComparisonOutput.csv(remote)).isEqualTo(ComparisonOutput.csv(local));
  }

  @Test
  void earlyStop_chunksComputedElsewhere_stopsAtTheSameChunk() {
    RunOptions options = RunOptions.builder().replications(20_000).seed(3).threads(2)
        .precisions(List.of(new Precision(Metric.caseload, 0.5))).build();
    RunResult local = MonteCarlo.run(BASE, options, List.of());
    RunResult remote = MonteCarlo.run(BASE, options, List.of(), new ShuffledChunks());
    assertThat(local.stoppedEarly()).isTrue();
    assertThat(RunJson.write(remote)).isEqualTo(RunJson.write(local));
  }

  @Test
  void compute_chunkOutOfRange_refused() {
    ChunkWork work = ChunkWork.run(BASE, List.of(), 1, 100);
    assertThat(work.chunks()).isEqualTo(2);
    assertThatThrownBy(() -> work.compute(2, () -> false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chunk 2");
  }

  @Test
  void compute_cancelled_throws() {
    ChunkWork work = ChunkWork.run(BASE, List.of(), 1, 100);
    assertThatThrownBy(() -> work.compute(0, () -> true))
        .isInstanceOf(CancellationException.class);
  }

  @Test
  void fromJson_keepsKindSeedAndReplications() {
    ChunkWork work = ChunkWork.comparison(BASE, List.of(EIGHT_POSTS), List.of(), 5, 130, false);
    ChunkWork copy = ChunkWork.fromJson(work.toJson());
    assertThat(copy.kind()).isEqualTo(ChunkWork.Kind.COMPARISON);
    assertThat(copy.seed()).isEqualTo(5);
    assertThat(copy.chunks()).isEqualTo(3);
    assertThat(copy.toJson()).isEqualTo(work.toJson());
    assertThat(copy.compute(2, () -> false)).isEqualTo(work.compute(2, () -> false));
  }
}
