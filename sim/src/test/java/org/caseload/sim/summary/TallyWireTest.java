package org.caseload.sim.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Tallies written and read back (as a chunk crosses the wire) merge into a total with the
 * same summary, to the bit, as the originals merged locally.
 */
class TallyWireTest {

  private static byte[] bytes(Tally tally) {
    Wire.Out out = new Wire.Out(64);
    tally.writeTo(out);
    return out.toByteArray();
  }

  private static Tally read(Accuracy accuracy, byte[] bytes) throws IOException {
    Tally tally = new Tally(accuracy);
    Wire.In in = new Wire.In(bytes);
    tally.readFrom(in);
    assertThat(in.atEnd()).as("every byte read").isTrue();
    return tally;
  }

  private static double value(Accuracy accuracy, SplittableRandom random, int i) {
    if (i % 17 == 0) {
      return 0;
    }
    double v = random.nextDouble(-5_000, 40_000);
    return accuracy == Accuracy.WHOLE ? Math.rint(v) : v;
  }

  @ParameterizedTest
  @EnumSource(Accuracy.class)
  void chunksThroughBytes_mergeToTheSameSummaryAsLocally(Accuracy accuracy) throws IOException {
    SplittableRandom random = new SplittableRandom(42);
    Tally local = new Tally(accuracy);
    Tally wire = new Tally(accuracy);
    Tally direct = new Tally(accuracy);
    for (int chunk = 0; chunk < 40; chunk++) {
      Tally part = new Tally(accuracy);
      int size = chunk == 3 ? 0 : 1 + random.nextInt(64);
      for (int i = 0; i < size; i++) {
        part.add(value(accuracy, random, i));
      }
      Tally copy = read(accuracy, bytes(part));
      assertThat(bytes(copy)).isEqualTo(bytes(part));
      local.merge(part);
      wire.merge(copy);
      direct.mergeFrom(new Wire.In(bytes(part)));
    }
    assertThat(wire.summary()).isEqualTo(local.summary());
    assertThat(Double.doubleToRawLongBits(wire.summary().sd()))
        .isEqualTo(Double.doubleToRawLongBits(local.summary().sd()));
    assertThat(bytes(wire)).isEqualTo(bytes(local));
    assertThat(bytes(direct)).isEqualTo(bytes(local));
    assertThat(direct.summary()).isEqualTo(local.summary());
    assertThat(wire.n()).isGreaterThan(500);
  }

  @Test
  void emptyTally_isEightBytes_andReadsBackEmpty() throws IOException {
    byte[] bytes = bytes(new Tally(Accuracy.RELATIVE));
    assertThat(bytes).hasSize(8);
    assertThat(read(Accuracy.RELATIVE, bytes).n()).isZero();
  }

  @Test
  void readFrom_replacesWhatWasThere() throws IOException {
    Tally source = new Tally(Accuracy.WHOLE);
    source.add(3);
    Tally target = new Tally(Accuracy.WHOLE);
    for (int i = 0; i < 10; i++) {
      target.add(100 + i);
    }
    target.readFrom(new Wire.In(bytes(source)));
    assertThat(target.summary()).isEqualTo(source.summary());
  }

  @Test
  void truncatedOrNegative_refused() throws IOException {
    Tally tally = new Tally(Accuracy.RELATIVE);
    tally.add(1.5);
    tally.add(-2.5);
    byte[] bytes = bytes(tally);
    byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 1);
    assertThatThrownBy(() -> read(Accuracy.RELATIVE, cut)).isInstanceOf(EOFException.class);
    byte[] negative = new byte[8];
    negative[0] = (byte) 0x80;
    assertThatThrownBy(() -> read(Accuracy.RELATIVE, negative))
        .isInstanceOf(IOException.class).hasMessageContaining("negative");
  }
}
