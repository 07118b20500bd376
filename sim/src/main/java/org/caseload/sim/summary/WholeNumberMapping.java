package org.caseload.sim.summary;

import com.datadoghq.sketch.ddsketch.Serializer;
import com.datadoghq.sketch.ddsketch.encoding.Output;
import com.datadoghq.sketch.ddsketch.mapping.CubicallyInterpolatedMapping;
import com.datadoghq.sketch.ddsketch.mapping.IndexMapping;

/**
 * A DDSketch index mapping for whole numbers: one bin per whole number from 1 to
 * {@value #EXACT_UP_TO} (so a percentile there is the exact value), then the library's
 * logarithmic bins ({@link CubicallyInterpolatedMapping}) with the given relative accuracy.
 * Small counts such as starters in a month (1 to 30) take 30 bins rather than the thousands
 * a purely logarithmic mapping fine enough to separate whole numbers would need. Only whole
 * values may be indexed; zero is the sketch's own zero count.
 *
 * @implNote Immutable and thread-safe. Not serialisable: sketches here live in one process.
 */
final class WholeNumberMapping implements IndexMapping {

  /** Whole numbers up to this are binned one each. */
  static final int EXACT_UP_TO = 1024;

  private final IndexMapping logarithmic;
  private final int offset;

  WholeNumberMapping(double relativeAccuracy) {
    this.logarithmic = new CubicallyInterpolatedMapping(relativeAccuracy);
    // The first logarithmic index used is that of EXACT_UP_TO + 1: it follows EXACT_UP_TO.
    this.offset = EXACT_UP_TO + 1 - logarithmic.index(EXACT_UP_TO + 1);
  }

  @Override
  public int index(double value) {
    return value <= EXACT_UP_TO ? (int) value : logarithmic.index(value) + offset;
  }

  @Override
  public double value(int index) {
    return index <= EXACT_UP_TO ? index : logarithmic.value(index - offset);
  }

  @Override
  public double lowerBound(int index) {
    return index <= EXACT_UP_TO ? index
        : Math.max(EXACT_UP_TO + 1, logarithmic.lowerBound(index - offset));
  }

  @Override
  public double upperBound(int index) {
    return index <= EXACT_UP_TO ? index : logarithmic.upperBound(index - offset);
  }

  @Override
  public double relativeAccuracy() {
    return logarithmic.relativeAccuracy();
  }

  /** Below one, a whole value is zero: the sketch counts it apart. */
  @Override
  public double minIndexableValue() {
    return 0.5;
  }

  @Override
  public double maxIndexableValue() {
    return logarithmic.maxIndexableValue();
  }

  @Override
  public void encode(Output output) {
    throw new UnsupportedOperationException("whole-number sketches are not serialised");
  }

  @Override
  public int serializedSize() {
    throw new UnsupportedOperationException("whole-number sketches are not serialised");
  }

  @Override
  public void serialize(Serializer serializer) {
    throw new UnsupportedOperationException("whole-number sketches are not serialised");
  }
}
