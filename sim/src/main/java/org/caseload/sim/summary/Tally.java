package org.caseload.sim.summary;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.mapping.IndexMapping;
import com.datadoghq.sketch.ddsketch.store.Bin;
import com.datadoghq.sketch.ddsketch.store.CollapsingLowestDenseStore;
import com.datadoghq.sketch.ddsketch.store.Store;
import java.io.IOException;
import java.util.Iterator;

/**
 * Accumulates one metric over replications: count, Welford mean and sum of squared
 * deviations, the count above zero, the exact smallest and largest values, and a DDSketch of
 * the values (Masson, Rim and Lee, VLDB 2019) binned as the metric's {@link Accuracy} says.
 * Merging uses Chan's formula for the moments and adds bin counts for the sketch, so a tally
 * merged from chunks in a fixed order has the same bytes however the chunks were computed,
 * and its percentiles do not depend on the merge order at all. Memory follows the spread of
 * the values (the span of their bins, at most {@link Accuracy#MAX_BINS} per sign), not their
 * number.
 *
 * @implNote Mutable, not thread-safe.
 */
public final class Tally {

  private final Accuracy accuracy;
  private final DDSketch sketch;
  private long n;
  private double mean;
  private double m2;
  private long aboveZero;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;

  public Tally(Accuracy accuracy) {
    this.accuracy = accuracy;
    this.sketch = new DDSketch(accuracy.mapping(),
        () -> new CollapsingLowestDenseStore(Accuracy.MAX_BINS));
  }

  public long n() {
    return n;
  }

  /**
   * Adds a value.
   *
   * @throws IllegalArgumentException if {@code value} is not finite, or not whole in a tally
   *     of whole numbers
   */
  public void add(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("a tally takes finite values, not " + value);
    }
    if (accuracy == Accuracy.WHOLE && value != Math.rint(value)) {
      throw new IllegalArgumentException("a tally of whole numbers cannot take " + value);
    }
    n++;
    double delta = value - mean;
    mean += delta / n;
    m2 += delta * (value - mean);
    if (value > 0) {
      aboveZero++;
    }
    min = Math.min(min, value);
    max = Math.max(max, value);
    sketch.accept(value);
  }

  public void merge(Tally other) {
    if (other.n == 0) {
      return;
    }
    if (n == 0) {
      n = other.n;
      mean = other.mean;
      m2 = other.m2;
    } else {
      long total = n + other.n;
      double delta = other.mean - mean;
      mean += delta * other.n / total;
      m2 += other.m2 + delta * delta * ((double) n * other.n / total);
      n = total;
    }
    aboveZero += other.aboveZero;
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
    sketch.mergeWith(other.sketch);
  }

  public void clear() {
    n = 0;
    mean = 0;
    m2 = 0;
    aboveZero = 0;
    min = Double.POSITIVE_INFINITY;
    max = Double.NEGATIVE_INFINITY;
    sketch.clear();
  }

  public double mean() {
    return mean;
  }

  /** Sample standard deviation; NaN with fewer than two values, which say nothing of a spread. */
  public double sd() {
    return n < 2 ? Double.NaN : Math.sqrt(Math.max(0, m2 / (n - 1)));
  }

  /** Standard error of the mean; NaN below two values, as the standard deviation. */
  public double se() {
    return n < 2 ? Double.NaN : sd() / Math.sqrt(n);
  }

  /** The summary of everything added or merged. */
  public Summary summary() {
    if (n == 0) {
      return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
          Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
          Summary.Intervals.NONE, accuracy);
    }
    PercentileRanks ranks = PercentileRanks.of(n);
    double[] v = valuesAtRanks(ranks.ascending());
    int k = PercentileRanks.PERCENTS.length;
    double[] p = new double[k];
    double[] low = new double[k];
    double[] high = new double[k];
    for (int i = 0; i < k; i++) {
      p[i] = v[ranks.printed(i)];
      // bounds on the exact order statistics: the sketch may have moved each by its accuracy
      double lower = v[ranks.lower(i)];
      double upper = v[ranks.upper(i)];
      low[i] = Math.max(min, lower - accuracy.maxError(lower));
      high[i] = Math.min(max, upper + accuracy.maxError(upper));
    }
    return new Summary(n, mean, sd(), se(), p[0], p[1], p[2], p[3], p[4], p[5], p[6],
        (double) aboveZero / n, Summary.Intervals.of(low, high), accuracy);
  }

  /**
   * Nearest-rank percentiles: for each percent q (ascending, in 1..100) the value of rank
   * {@code ceil(q n / 100)} among the values in ascending order, within the accuracy (whole
   * numbers rounded).
   */
  double[] percentiles(int[] percents) {
    long[] ranks = new long[percents.length];
    for (int i = 0; i < ranks.length; i++) {
      ranks[i] = PercentileRanks.nearest(percents[i], n);
    }
    return valuesAtRanks(ranks);
  }

  /**
   * The values of the given ranks (ascending) among the values in ascending order, within
   * the accuracy (whole numbers rounded); NaN for a rank outside 1..n. One pass over the bins.
   */
  double[] valuesAtRanks(long[] ascending) {
    double[] result = new double[ascending.length];
    Store negatives = sketch.getNegativeValueStore();
    Store positives = sketch.getPositiveValueStore();
    Iterator<Bin> negative = negatives.getDescendingIterator();
    Iterator<Bin> positive = positives.getAscendingIterator();
    long zeros = n - Math.round(negatives.getTotalCount())
        - Math.round(positives.getTotalCount());
    IndexMapping mapping = sketch.getIndexMapping();
    long seen = 0;
    int next = 0;
    while (next < ascending.length && ascending[next] < 1) {
      result[next++] = Double.NaN;
    }
    while (next < ascending.length && ascending[next] <= n) {
      double value;
      if (negative.hasNext()) {
        Bin bin = negative.next();
        value = -mapping.value(bin.getIndex());
        seen += Math.round(bin.getCount());
      } else if (zeros > 0) {
        value = 0;
        seen += zeros;
        zeros = 0;
      } else {
        Bin bin = positive.next();
        value = mapping.value(bin.getIndex());
        seen += Math.round(bin.getCount());
      }
      while (next < ascending.length && ascending[next] <= seen) {
        result[next++] = reported(value);
      }
    }
    while (next < ascending.length) {
      result[next++] = Double.NaN;
    }
    return result;
  }

  /** Bins from the lowest to the highest non-empty one, both signs: what memory follows. */
  long binSpan() {
    long span = 0;
    for (Store store : new Store[] {sketch.getNegativeValueStore(),
        sketch.getPositiveValueStore()}) {
      span += store.isEmpty() ? 0 : store.getMaxIndex() - store.getMinIndex() + 1;
    }
    return span;
  }

  /**
   * A bin's representative as reported: rounded for whole numbers, and kept within the exact
   * smallest and largest values recorded (which only brings it nearer the true percentile:
   * a constant is reported as itself).
   */
  private double reported(double value) {
    double shown = accuracy == Accuracy.WHOLE ? Math.rint(value) : value;
    return Math.max(min, Math.min(max, shown));
  }

  /**
   * Writes this tally compactly (for sending a chunk's tallies to another process): the
   * moments and extremes as their exact bits, then each sign's non-empty sketch bins as
   * (index delta, count) varints. {@link #readFrom} restores a tally that merges, and
   * summarises, exactly as this one does.
   */
  public void writeTo(Wire.Out out) {
    out.writeLong(n);
    if (n == 0) {
      return;
    }
    out.writeDouble(mean);
    out.writeDouble(m2);
    out.writeLong(aboveZero);
    out.writeDouble(min);
    out.writeDouble(max);
    double inBins = writeStore(out, sketch.getNegativeValueStore())
        + writeStore(out, sketch.getPositiveValueStore());
    // every value went into the sketch once, so what is not in a bin is a zero
    out.writeDouble(n - inBins);
  }

  /**
   * Replaces this tally's contents with one written by {@link #writeTo} from a tally of the
   * same accuracy.
   *
   * @throws IOException if the input ends early or is not a tally
   */
  public void readFrom(Wire.In in) throws IOException {
    clear();
    long count = in.readLong();
    if (count < 0) {
      throw new IOException("a tally's count cannot be negative: " + count);
    }
    if (count == 0) {
      return;
    }
    n = count;
    mean = in.readDouble();
    m2 = in.readDouble();
    aboveZero = in.readLong();
    min = in.readDouble();
    max = in.readDouble();
    readStore(in, sketch.getNegativeValueStore());
    readStore(in, sketch.getPositiveValueStore());
    double zeros = in.readDouble();
    if (zeros > 0) {
      sketch.accept(0, zeros);
    }
  }

  /**
   * Merges a tally written by {@link #writeTo} (from a tally of the same accuracy) into this
   * one without building it: the same result, to the bit, as {@link #merge} of the tally
   * {@link #readFrom} would restore.
   *
   * @throws IOException if the input ends early or is not a tally
   */
  public void mergeFrom(Wire.In in) throws IOException {
    long otherN = in.readLong();
    if (otherN < 0) {
      throw new IOException("a tally's count cannot be negative: " + otherN);
    }
    if (otherN == 0) {
      return;
    }
    double otherMean = in.readDouble();
    double otherM2 = in.readDouble();
    long otherAboveZero = in.readLong();
    double otherMin = in.readDouble();
    double otherMax = in.readDouble();
    if (n == 0) {
      n = otherN;
      mean = otherMean;
      m2 = otherM2;
    } else {
      long total = n + otherN;
      double delta = otherMean - mean;
      mean += delta * otherN / total;
      m2 += otherM2 + delta * delta * ((double) n * otherN / total);
      n = total;
    }
    aboveZero += otherAboveZero;
    min = Math.min(min, otherMin);
    max = Math.max(max, otherMax);
    readStore(in, sketch.getNegativeValueStore());
    readStore(in, sketch.getPositiveValueStore());
    double zeros = in.readDouble();
    if (zeros > 0) {
      sketch.accept(0, zeros);
    }
  }

  /** Writes the store's non-empty bins; returns their total count. */
  private static double writeStore(Wire.Out out, Store store) {
    int at = out.reserveInt();
    if (store.isEmpty()) {
      out.putInt(at, 0);
      return 0;
    }
    BinWriter writer = new BinWriter(out);
    store.forEach(writer);
    out.putInt(at, writer.bins);
    return writer.total;
  }

  /** Writes bins as (index delta, count) varints, in whatever order the store gives them. */
  private static final class BinWriter implements com.datadoghq.sketch.ddsketch.store.BinAcceptor {
    private final Wire.Out out;
    private int bins;
    private long previous;
    private double total;

    BinWriter(Wire.Out out) {
      this.out = out;
    }

    @Override
    public void accept(int index, double count) {
      if (count == 0) {
        return;
      }
      bins++;
      total += count;
      long delta = (long) index - previous;
      out.writeVarLong((delta << 1) ^ (delta >> 63));
      previous = index;
      if (count == Math.rint(count) && count > 0 && count < 0x1p62) {
        out.writeVarLong((long) count << 1);
      } else {
        out.writeVarLong(1);
        out.writeDouble(count);
      }
    }
  }

  private static void readStore(Wire.In in, Store store) throws IOException {
    int bins = in.readInt();
    if (bins < 0 || bins > 2 * Accuracy.MAX_BINS + 2) {
      throw new IOException("a tally's sketch cannot have " + bins + " bins");
    }
    long index = 0;
    for (int b = 0; b < bins; b++) {
      long zigzag = in.readVarLong();
      index += (zigzag >>> 1) ^ -(zigzag & 1);
      long coded = in.readVarLong();
      double c = (coded & 1) == 0 ? (double) (coded >>> 1) : in.readDouble();
      if (index < Integer.MIN_VALUE || index > Integer.MAX_VALUE) {
        throw new IOException("a tally's bin index is out of range: " + index);
      }
      store.add((int) index, c);
    }
  }
}
