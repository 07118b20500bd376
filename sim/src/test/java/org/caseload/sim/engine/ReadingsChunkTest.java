package org.caseload.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The byte form of a chunk's readings: read back to the bit, and anything else (truncated,
 * lengthened, another version, out of bounds, stray bits, random bytes) refused with a {@link
 * MalformedChunkException}, never another exception.
 */
class ReadingsChunkTest {

  private static final double[] AWKWARD = {-0.0, 0.0, Double.MIN_VALUE, -Double.MAX_VALUE,
      Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 0.1 + 0.2, 1e-310,
      Math.nextUp(1.0)};

  /** 64 replications from 4,096, with 9 flags (two bytes) and 3 values each. */
  private static ReadingsChunk sample() {
    Random random = new Random(3);
    boolean[] flags = new boolean[64 * 9];
    double[] values = new double[64 * 3];
    for (int i = 0; i < flags.length; i++) {
      flags[i] = random.nextBoolean();
    }
    for (int i = 0; i < values.length; i++) {
      values[i] = i < AWKWARD.length ? AWKWARD[i] : random.nextGaussian() * 1e6;
    }
    return new ReadingsChunk(4096, 64, 9, 3, flags, values);
  }

  @Test
  void roundTrip_keepsEveryFlagAndTheExactBitsOfEveryValue() {
    ReadingsChunk chunk = sample();
    byte[] bytes = chunk.toBytes();
    ReadingsChunk back = ReadingsChunk.fromBytes(bytes);

    assertThat(back.first()).isEqualTo(4096);
    assertThat(back.count()).isEqualTo(64);
    assertThat(back.flags()).isEqualTo(9);
    assertThat(back.values()).isEqualTo(3);
    for (int i = 0; i < 64; i++) {
      for (int f = 0; f < 9; f++) {
        assertThat(back.flag(i, f)).as("flag %d of %d", f, i).isEqualTo(chunk.flag(i, f));
      }
      for (int v = 0; v < 3; v++) {
        assertThat(Double.doubleToRawLongBits(back.value(i, v))).as("value %d of %d", v, i)
            .isEqualTo(Double.doubleToRawLongBits(chunk.value(i, v)));
      }
    }
    assertThat(back.toBytes()).isEqualTo(bytes);
    // header 1 + 2 + 1 + 1 + 1 bytes, then 2 flag bytes and 24 value bytes a replication
    assertThat(bytes).hasSize(6 + 64 * 26);
  }

  @Test
  void noFlagsOrNoValues_roundTrip() {
    ReadingsChunk values = new ReadingsChunk(0, 2, 0, 1, new boolean[0], new double[] {1, 2});
    ReadingsChunk flags = new ReadingsChunk(7, 2, 2, 0, new boolean[] {true, false, false,
        true}, new double[0]);

    assertThat(ReadingsChunk.fromBytes(values.toBytes()).value(1, 0)).isEqualTo(2);
    assertThat(ReadingsChunk.fromBytes(flags.toBytes()).flag(1, 1)).isTrue();
    assertThat(ReadingsChunk.fromBytes(flags.toBytes()).flag(1, 0)).isFalse();
  }

  @Test
  void everyTruncation_andAnExtraByte_areRefused() {
    byte[] bytes = sample().toBytes();
    for (int length = 0; length < bytes.length; length++) {
      byte[] cut = Arrays.copyOf(bytes, length);
      assertThatThrownBy(() -> ReadingsChunk.fromBytes(cut)).as("%d bytes", length)
          .isInstanceOf(MalformedChunkException.class);
    }
    assertThatThrownBy(() -> ReadingsChunk.fromBytes(Arrays.copyOf(bytes, bytes.length + 1)))
        .isInstanceOf(MalformedChunkException.class).hasMessageContaining("need");
    assertThatThrownBy(() -> ReadingsChunk.fromBytes(null))
        .isInstanceOf(MalformedChunkException.class);
  }

  @Test
  void anotherVersion_isRefusedNamingIt() {
    byte[] bytes = sample().toBytes();
    bytes[0] = 2;
    assertThatThrownBy(() -> ReadingsChunk.fromBytes(bytes))
        .isInstanceOf(MalformedChunkException.class).hasMessageContaining("version 2");
  }

  @Test
  void outOfBoundsCounts_areRefused() {
    // count 65, more than a chunk
    assertThatThrownBy(() -> ReadingsChunk.fromBytes(new byte[] {1, 0, 65, 0, 1}))
        .isInstanceOf(MalformedChunkException.class).hasMessageContaining("out of bounds");
    // count 0
    assertThatThrownBy(() -> ReadingsChunk.fromBytes(new byte[] {1, 0, 0, 0, 1}))
        .isInstanceOf(MalformedChunkException.class).hasMessageContaining("out of bounds");
    // a huge varint of flags (negative as a long)
    assertThatThrownBy(() -> ReadingsChunk.fromBytes(new byte[] {1, 0, 1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, 1, 0})).isInstanceOf(MalformedChunkException.class);
    // a varint that never ends
    assertThatThrownBy(() -> ReadingsChunk.fromBytes(new byte[] {1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1})).isInstanceOf(MalformedChunkException.class);
  }

  @Test
  void flagBitsBeyondTheFlags_areRefused() {
    ReadingsChunk chunk = new ReadingsChunk(0, 1, 3, 0, new boolean[] {true, true, true},
        new double[0]);
    byte[] bytes = chunk.toBytes();
    assertThat(bytes[bytes.length - 1]).isEqualTo((byte) 7);
    bytes[bytes.length - 1] = 15;
    assertThatThrownBy(() -> ReadingsChunk.fromBytes(bytes))
        .isInstanceOf(MalformedChunkException.class).hasMessageContaining("beyond");
  }

  @Test
  void randomBytes_areReadOrRefused_neverAnotherException() {
    Random random = new Random(11);
    byte[] good = sample().toBytes();
    int refused = 0;
    for (int trial = 0; trial < 2000; trial++) {
      byte[] bytes;
      if (trial % 2 == 0) {
        bytes = new byte[random.nextInt(64)];
        random.nextBytes(bytes);
      } else {
        bytes = good.clone();
        bytes[random.nextInt(8)] = (byte) random.nextInt(256);
      }
      try {
        ReadingsChunk.fromBytes(bytes);
      } catch (MalformedChunkException e) {
        refused++;
      }
    }
    assertThat(refused).isGreaterThan(1000);
  }
}
