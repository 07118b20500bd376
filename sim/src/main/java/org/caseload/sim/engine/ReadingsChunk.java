package org.caseload.sim.engine;

import java.io.IOException;
import org.caseload.sim.summary.Wire;

/**
 * One chunk's readings ({@link Readings}): replications {@code first} to {@code first + count
 * - 1} in order, each with its flags and its values, and their byte form. The bytes: a version
 * byte, then unsigned varints first, count, flags a replication and values a replication,
 * then for each replication its flags as bits (flag f in bit f % 8 of byte f / 8, unused bits
 * zero) and its values as the 8 big-endian bytes of their exact bits. A 64-replication chunk of
 * a goal-seek with one target is about 1.1 KB; of a sensitivity study, 0.5 KB.
 *
 * @implNote Mutable arrays, not thread-safe: made and read by one thread.
 */
public final class ReadingsChunk {

  static final int VERSION = 1;

  private final long first;
  private final int count;
  private final int flags;
  private final int values;
  private final boolean[] flagArray;
  private final double[] valueArray;

  /**
   * A chunk of {@code count} replications; {@code flagArray[i * flags + f]} is replication
   * {@code first + i}'s flag f, {@code valueArray[i * values + v]} its value v.
   */
  public ReadingsChunk(long first, int count, int flags, int values, boolean[] flagArray,
      double[] valueArray) {
    if (first < 0 || count < 1 || count > RunOptions.CHUNK || flags < 0
        || flags > Readings.MAX_TARGETS || values < 0 || values > Readings.MAX_TARGETS + 2
        || flagArray.length != count * flags || valueArray.length != count * values) {
      throw new IllegalArgumentException("a chunk of " + count + " replications from " + first
          + " with " + flags + " flags and " + values + " values each, arrays of "
          + flagArray.length + " and " + valueArray.length);
    }
    this.first = first;
    this.count = count;
    this.flags = flags;
    this.values = values;
    this.flagArray = flagArray;
    this.valueArray = valueArray;
  }

  public long first() {
    return first;
  }

  public int count() {
    return count;
  }

  public int flags() {
    return flags;
  }

  public int values() {
    return values;
  }

  /** Replication {@code first + i}'s flag {@code f}. */
  public boolean flag(int i, int f) {
    return flagArray[i * flags + f];
  }

  /** Replication {@code first + i}'s value {@code v}. */
  public double value(int i, int v) {
    return valueArray[i * values + v];
  }

  /** The byte form. */
  public byte[] toBytes() {
    int flagBytes = (flags + 7) / 8;
    Wire.Out out = new Wire.Out(24 + count * (flagBytes + 8 * values));
    out.writeByte(VERSION);
    out.writeVarLong(first);
    out.writeVarLong(count);
    out.writeVarLong(flags);
    out.writeVarLong(values);
    for (int i = 0; i < count; i++) {
      for (int b = 0; b < flagBytes; b++) {
        int bits = 0;
        for (int f = 8 * b; f < Math.min(flags, 8 * b + 8); f++) {
          if (flagArray[i * flags + f]) {
            bits |= 1 << (f - 8 * b);
          }
        }
        out.writeByte(bits);
      }
      for (int v = 0; v < values; v++) {
        out.writeDouble(valueArray[i * values + v]);
      }
    }
    return out.toByteArray();
  }

  /**
   * The chunk {@link #toBytes} wrote.
   *
   * @throws MalformedChunkException if the bytes are of another version, truncated, too long,
   *     out of bounds or with unused bits set
   */
  public static ReadingsChunk fromBytes(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new MalformedChunkException("no bytes");
    }
    Wire.In in = new Wire.In(bytes);
    try {
      int version = in.readUnsignedByte();
      if (version != VERSION) {
        throw new MalformedChunkException("readings of version " + version + ", expected "
            + VERSION);
      }
      long first = in.readVarLong();
      long count = in.readVarLong();
      long flags = in.readVarLong();
      long values = in.readVarLong();
      if (first < 0 || first > RunOptions.MAX_REPLICATIONS || count < 1
          || count > RunOptions.CHUNK || flags < 0 || flags > Readings.MAX_TARGETS
          || values < 0 || values > Readings.MAX_TARGETS + 2) {
        throw new MalformedChunkException("readings of " + count + " replications from "
            + first + " with " + flags + " flags and " + values + " values each: out of bounds");
      }
      int flagBytes = (int) (flags + 7) / 8;
      long body = count * (flagBytes + 8 * values);
      long header = 1L + varLongSize(first) + varLongSize(count) + varLongSize(flags)
          + varLongSize(values);
      if (bytes.length - header != body) {
        throw new MalformedChunkException("readings of " + count + " replications need "
            + body + " bytes after the header, not " + (bytes.length - header));
      }
      int n = (int) count;
      int f = (int) flags;
      int v = (int) values;
      boolean[] flagArray = new boolean[n * f];
      double[] valueArray = new double[n * v];
      for (int i = 0; i < n; i++) {
        for (int b = 0; b < flagBytes; b++) {
          int bits = in.readUnsignedByte();
          int used = Math.min(8, f - 8 * b);
          if ((bits >>> used) != 0) {
            throw new MalformedChunkException("replication " + (first + i)
                + " has flag bits set beyond its " + f + " flags");
          }
          for (int k = 0; k < used; k++) {
            flagArray[i * f + 8 * b + k] = (bits & (1 << k)) != 0;
          }
        }
        for (int k = 0; k < v; k++) {
          valueArray[i * v + k] = in.readDouble();
        }
      }
      if (!in.atEnd()) {
        throw new MalformedChunkException("bytes left after the readings");
      }
      return new ReadingsChunk(first, n, f, v, flagArray, valueArray);
    } catch (IOException e) {
      throw new MalformedChunkException("truncated readings: " + e.getMessage());
    }
  }

  private static int varLongSize(long value) {
    int size = 1;
    for (long v = value >>> 7; v != 0; v >>>= 7) {
      size++;
    }
    return size;
  }
}
