package org.caseload.sim.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.function.BooleanSupplier;
import org.caseload.core.scenario.ScenarioJson;

/**
 * Work cut into numbered chunks that any process can compute and the caller reads back in
 * chunk order: a run or comparison ({@link ChunkWork}, chunks of accumulators) or a batch of
 * replications read one by one ({@link ReplicationBatch}, chunks of per-replication values).
 * {@link #toJson} and {@link #fromJson} carry it between processes.
 *
 * @implNote Implementations are thread-safe: {@link #compute} may run on many threads.
 */
public interface ChunkJob {

  /** The number of chunks. */
  long chunks();

  /**
   * Computes chunk {@code chunk} and returns its bytes.
   *
   * @throws IllegalArgumentException if there is no such chunk
   * @throws java.util.concurrent.CancellationException if {@code cancelled} turns true
   */
  byte[] compute(long chunk, BooleanSupplier cancelled);

  /** The work as JSON, with its {@code kind}. */
  String toJson();

  /**
   * Checks that {@code bytes} can be chunk {@code chunk}'s result before it is kept, so that
   * a malformed reply is sent again rather than merged. This default accepts any bytes (the
   * merge checks them and fails the run with the reason).
   *
   * @throws MalformedChunkException if the bytes are not such a result
   */
  default void check(long chunk, byte[] bytes) {
  }

  /**
   * The work {@link #toJson} wrote, of either kind.
   *
   * @throws IllegalArgumentException if {@code json} is not such work (an invalid scenario
   *     included)
   */
  static ChunkJob fromJson(String json) {
    JsonNode root;
    try {
      root = ScenarioJson.readOwn(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("chunk work is not JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("chunk work is not a JSON object");
    }
    try {
      return ReplicationBatch.KIND.equals(root.path("kind").asText())
          ? ReplicationBatch.fromTree(root) : ChunkWork.fromTree(root);
    } catch (org.caseload.core.scenario.InvalidScenarioException e) {
      throw new IllegalArgumentException("chunk work with an invalid scenario: "
          + e.getMessage(), e);
    }
  }
}
