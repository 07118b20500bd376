package org.caseload.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.caseload.core.metrics.Metric;
import org.caseload.core.scenario.Examples;
import org.caseload.core.scenario.Intervention;
import org.caseload.core.scenario.Scenario;
import org.caseload.sim.target.TargetParser;
import org.junit.jupiter.api.Test;

/**
 * Batches of replications read one by one: the values are the bits of the per-replication
 * access ({@link Replications}) whatever computes the chunks (one thread, several, a copy made
 * from the JSON in a shuffled order), and chunks that are not the batch's are refused.
 */
class ReplicationBatchTest {

  private static final Scenario BASE = Examples.medway().withHorizon(12);
  private static final Scenario POSTS = BASE.withInterventions(List.of(
      new Intervention.Posts(1, null, "longTerm", 8)));
  private static final Readings READINGS = Readings.targetsAndCost(List.of(
      TargetParser.parse("caseload <= 20 at month 12"),
      TargetParser.parse("vacancyRate <= 0.2 in every month")));

  private static ReplicationBatch batch() {
    // spans not aligned on 64: 70..199 of one scenario, 0..9 of another
    return ReplicationBatch.of(List.of(new ReplicationBatch.Span(BASE, 70, 200),
        new ReplicationBatch.Span(POSTS, 0, 10)), 9, READINGS);
  }

  @Test
  void values_areThoseOfEachReplication_onAnyExecutor() {
    ReplicationBatch batch = batch();
    assertThat(batch.chunks()).isEqualTo(3 + 1);
    List<ReplicationValues> one = batch.run(null, 1, () -> false, Progress.NONE);
    List<ReplicationValues> three = batch.run(null, 3, () -> false, Progress.NONE);
    long[] progress = {0};
    List<ReplicationValues> elsewhere = batch.run(new ShuffledChunks(), 1, () -> false,
        (done, total) -> {
          assertThat(total).isEqualTo(140);
          progress[0] = done;
        });
    assertThat(progress[0]).isEqualTo(140);

    double[] cost = new double[200];
    boolean[][] holds = new boolean[2][200];
    double[][] signature = new double[2][200];
    TargetCheck check = TargetCheck.of(BASE, List.of(
        TargetParser.parse("caseload <= 20 at month 12"),
        TargetParser.parse("vacancyRate <= 0.2 in every month")));
    Replications.run(BASE, 9, 70, 200, 1, () -> false, () -> (r, rows) -> {
      double sum = 0;
      for (double[] row : rows) {
        sum += row[Metric.cost.ordinal()];
      }
      cost[(int) r] = sum;
      for (int t = 0; t < 2; t++) {
        holds[t][(int) r] = check.holds(t, rows);
        signature[t][(int) r] = check.signature(t, rows);
      }
    });
    boolean[] bothSeen = new boolean[2];
    for (List<ReplicationValues> values : List.of(one, three, elsewhere)) {
      assertThat(values.get(0).from()).isEqualTo(70);
      assertThat(values.get(0).count()).isEqualTo(130);
      assertThat(values.get(1).count()).isEqualTo(10);
      for (int i = 0; i < 130; i++) {
        assertThat(Double.doubleToRawLongBits(values.get(0).value(READINGS.costIndex(), i)))
            .isEqualTo(Double.doubleToRawLongBits(cost[70 + i]));
        for (int t = 0; t < 2; t++) {
          // each target's flag and signature are those of the replication run alone
          assertThat(values.get(0).flag(t, i)).isEqualTo(holds[t][70 + i]);
          assertThat(Double.doubleToRawLongBits(values.get(0).value(t, i)))
              .isEqualTo(Double.doubleToRawLongBits(signature[t][70 + i]));
          bothSeen[values.get(0).flag(t, i) ? 1 : 0] = true;
        }
      }
    }
    // the targets are met in some replications and not in others, so the flags are tested
    assertThat(bothSeen).containsExactly(true, true);
    // eight more long-term posts change the cost of the same replication
    assertThat(one.get(1).value(READINGS.costIndex(), 0))
        .isNotEqualTo(values(BASE, 0, 1).value(READINGS.costIndex(), 0));
  }

  private static ReplicationValues values(Scenario scenario, long from, long to) {
    return ReplicationBatch.of(List.of(new ReplicationBatch.Span(scenario, from, to)), 9,
        READINGS).run(null, 1, () -> false, Progress.NONE).get(0);
  }

  @Test
  void json_roundTrip_computesTheSameBytes() {
    ReplicationBatch batch = batch();
    ChunkJob copy = ChunkJob.fromJson(batch.toJson());
    assertThat(copy).isInstanceOf(ReplicationBatch.class);
    assertThat(copy.toJson()).isEqualTo(batch.toJson());
    assertThat(copy.compute(3, () -> false)).isEqualTo(batch.compute(3, () -> false));
    ReplicationBatch output = ReplicationBatch.of(List.of(new ReplicationBatch.Span(BASE, 0,
        5)), 1, Readings.output(MetricAt.month(Metric.caseload, 6)));
    assertThat(ChunkJob.fromJson(output.toJson()).compute(0, () -> false))
        .isEqualTo(output.compute(0, () -> false));
  }

  @Test
  void check_refusesAnotherChunksBytes_withATypedError() {
    ReplicationBatch batch = batch();
    byte[] second = batch.compute(1, () -> false);
    batch.check(1, second);
    assertThatThrownBy(() -> batch.check(2, second))
        .isInstanceOf(MalformedChunkException.class).hasMessageContaining("chunk 2");
    assertThatThrownBy(() -> batch.check(0, new byte[] {1, 2, 3}))
        .isInstanceOf(MalformedChunkException.class);
  }

  @Test
  void run_whenAChunkArrivesMalformed_failsWithATypedError() {
    ReplicationBatch batch = batch();
    ChunkExecutor liar = (work, options) -> new ChunkSource() {
      @Override
      public byte[] take(long chunk) {
        byte[] bytes = work.compute(chunk, () -> false);
        return chunk == 2 ? java.util.Arrays.copyOf(bytes, bytes.length - 1) : bytes;
      }

      @Override
      public void close() {
      }
    };
    assertThatThrownBy(() -> batch.run(liar, 1, () -> false, Progress.NONE))
        .isInstanceOf(MalformedChunkException.class);
  }

  @Test
  void hostileJson_isRefused() {
    for (String json : List.of("[]", "{\"kind\":\"REPLICATIONS\"}",
        "{\"kind\":\"REPLICATIONS\",\"seed\":1,\"spans\":[{\"from\":5,\"to\":1}]}",
        "{\"kind\":\"NOPE\"}", "not json")) {
      assertThatThrownBy(() -> ChunkJob.fromJson(json)).as(json)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void compute_outOfRangeOrCancelled_refused() {
    ReplicationBatch batch = batch();
    assertThatThrownBy(() -> batch.compute(4, () -> false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chunk 4");
    assertThatThrownBy(() -> batch.compute(0, () -> true))
        .isInstanceOf(java.util.concurrent.CancellationException.class);
  }
}
