package org.caseload.api.cluster;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * What travels on the event bus. A chunk request: a version byte, the job's id, the chunk's
 * number and the work as JSON (omitted, length 0, once the node has confirmed it holds the
 * job). The reply: the bytes {@link org.caseload.sim.engine.ChunkJob#compute} made of the
 * chunk. A cancellation (published): the job's id. A node ready to compute (published): its
 * id.
 */
final class ChunkMessages {

  /** Where each node takes chunks: this prefix and its node id. */
  static final String COMPUTE = "caseload.cluster.compute.";
  /** Where cancellations are published to every node. */
  static final String CANCEL = "caseload.cluster.cancel";
  /** Where a node publishes its id once it takes chunks, so dispatchers send it some at once. */
  static final String READY = "caseload.cluster.ready";

  /** Failure codes of a chunk's reply. */
  static final int UNKNOWN_JOB = 404;
  static final int CANCELLED = 409;
  static final int BAD_REQUEST = 400;
  static final int FAILED = 500;

  /**
   * The messages' and the chunks' format: 2 since a chunk with two or more targets carries
   * every target together's count after theirs (a node of format 1 would read it shifted).
   */
  private static final byte VERSION = 2;

  private ChunkMessages() {}

  record Request(String job, long chunk, String work) {}

  static Buffer request(String job, long chunk, String work) {
    byte[] id = job.getBytes(StandardCharsets.UTF_8);
    byte[] json = work == null ? new byte[0] : work.getBytes(StandardCharsets.UTF_8);
    return Buffer.buffer(1 + 4 + id.length + 8 + 4 + json.length).appendByte(VERSION)
        .appendInt(id.length).appendBytes(id).appendLong(chunk).appendInt(json.length)
        .appendBytes(json);
  }

  /**
   * @throws IllegalArgumentException if the buffer is not a request of this version
   */
  static Request request(Buffer buffer) {
    try {
      if (buffer.getByte(0) != VERSION) {
        throw new IllegalArgumentException("version " + buffer.getByte(0) + ", expected "
            + VERSION);
      }
      int idLength = buffer.getInt(1);
      if (idLength < 1 || idLength > 64) {
        throw new IllegalArgumentException("job id of " + idLength + " bytes");
      }
      String id = buffer.getString(5, 5 + idLength, "UTF-8");
      long chunk = buffer.getLong(5 + idLength);
      int jsonLength = buffer.getInt(13 + idLength);
      if (jsonLength < 0 || 17 + idLength + jsonLength != buffer.length()) {
        throw new IllegalArgumentException("work of " + jsonLength + " bytes in a message of "
            + buffer.length());
      }
      String json = jsonLength == 0 ? null : buffer.getString(17 + idLength,
          17 + idLength + jsonLength, "UTF-8");
      return new Request(id, chunk, json);
    } catch (IndexOutOfBoundsException e) {
      throw new IllegalArgumentException("a truncated chunk request", e);
    }
  }
}
