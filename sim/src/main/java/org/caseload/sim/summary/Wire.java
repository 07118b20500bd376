package org.caseload.sim.summary;

import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;

/**
 * The byte form of accumulators sent between processes: big-endian longs and doubles (their
 * exact bits), unsigned varints, fixed ints. Unsynchronised and without stream layers: a
 * chunk's tallies are a few hundred thousand small writes.
 */
public final class Wire {

  private Wire() {}

  /** A growable buffer to write into. Not thread-safe. */
  public static final class Out {
    private byte[] bytes;
    private int size;

    public Out(int capacity) {
      bytes = new byte[Math.max(16, capacity)];
    }

    private void room(int more) {
      if (size + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
      }
    }

    public void writeByte(int value) {
      room(1);
      bytes[size++] = (byte) value;
    }

    public void writeLong(long value) {
      room(8);
      for (int shift = 56; shift >= 0; shift -= 8) {
        bytes[size++] = (byte) (value >>> shift);
      }
    }

    public void writeDouble(double value) {
      writeLong(Double.doubleToRawLongBits(value));
    }

    /** An unsigned varint: 7 bits a byte, low first. */
    public void writeVarLong(long value) {
      room(10);
      long v = value;
      while ((v & ~0x7FL) != 0) {
        bytes[size++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      bytes[size++] = (byte) v;
    }

    /** Reserves 4 bytes for an int written later with {@link #putInt}; returns where. */
    public int reserveInt() {
      room(4);
      int at = size;
      size += 4;
      return at;
    }

    public void putInt(int at, int value) {
      bytes[at] = (byte) (value >>> 24);
      bytes[at + 1] = (byte) (value >>> 16);
      bytes[at + 2] = (byte) (value >>> 8);
      bytes[at + 3] = (byte) value;
    }

    public int size() {
      return size;
    }

    public byte[] toByteArray() {
      return Arrays.copyOf(bytes, size);
    }
  }

  /** Bytes to read from. Not thread-safe. */
  public static final class In {
    private final byte[] bytes;
    private int position;

    public In(byte[] bytes) {
      this.bytes = bytes;
    }

    private void need(int count) throws EOFException {
      if (position + count > bytes.length) {
        throw new EOFException("the bytes end at " + bytes.length + ", " + count
            + " more needed at " + position);
      }
    }

    public int readUnsignedByte() throws EOFException {
      need(1);
      return bytes[position++] & 0xFF;
    }

    public long readLong() throws EOFException {
      need(8);
      long value = 0;
      for (int i = 0; i < 8; i++) {
        value = (value << 8) | (bytes[position++] & 0xFF);
      }
      return value;
    }

    public double readDouble() throws EOFException {
      return Double.longBitsToDouble(readLong());
    }

    public int readInt() throws EOFException {
      need(4);
      int value = 0;
      for (int i = 0; i < 4; i++) {
        value = (value << 8) | (bytes[position++] & 0xFF);
      }
      return value;
    }

    public long readVarLong() throws IOException {
      long result = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        int b = readUnsignedByte();
        result |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return result;
        }
      }
      throw new IOException("a varint longer than 10 bytes");
    }

    /** Whether every byte has been read. */
    public boolean atEnd() {
      return position == bytes.length;
    }
  }
}
