package org.caseload.sim.summary;

import java.util.Arrays;

/**
 * Counts of integer keys in at most {@value #MAX_BUCKETS} buckets. Each bucket covers
 * {@code 2^shift} consecutive keys; the shift starts at 0 (every key counted exactly) and
 * grows only when the keys seen span more buckets than that, so memory is bounded however
 * many values are added and however widely they spread. A bucket of width 2^s is the union
 * of the buckets of width 2^(s-1) below it, so a histogram depends only on the multiset of
 * keys added (and merged), never on the order or on how the values were split: merging in
 * any order gives the same histogram.
 *
 * @implNote Mutable, not thread-safe.
 */
public final class Histogram {

  /** The most buckets a histogram keeps. */
  static final int MAX_BUCKETS = 512;

  private long[] counts = new long[0];
  private long offset;
  private int shift;
  private long total;
  // Indexes of the lowest and highest non-empty buckets (lo > hi when empty).
  private int lo = Integer.MAX_VALUE;
  private int hi = -1;

  public long total() {
    return total;
  }

  /** Buckets allocated (for checking that memory follows the spread, not the count). */
  int capacity() {
    return counts.length;
  }

  public void add(long key) {
    addToBucket(key >> shift, 1);
  }

  private void addToBucket(long bucket, long count) {
    if (counts.length == 0) {
      counts = new long[16];
    }
    if (hi < 0) {
      offset = bucket - counts.length / 2;
    }
    while (spanWith(bucket) > MAX_BUCKETS) {
      coarsen();
      bucket >>= 1;
    }
    if (bucket < offset || bucket >= offset + counts.length) {
      grow(bucket);
    }
    int index = (int) (bucket - offset);
    counts[index] += count;
    total += count;
    lo = Math.min(lo, index);
    hi = Math.max(hi, index);
  }

  /** The number of buckets from the lowest non-empty one to the highest, with {@code bucket}. */
  private long spanWith(long bucket) {
    if (hi < 0) {
      return 1;
    }
    long first = Math.min(offset + lo, bucket);
    long last = Math.max(offset + hi, bucket);
    return last - first + 1;
  }

  /** Doubles the width of every bucket. */
  private void coarsen() {
    long[] old = counts;
    long oldOffset = offset;
    int oldLo = lo;
    int oldHi = hi;
    shift++;
    counts = new long[old.length];
    lo = Integer.MAX_VALUE;
    hi = -1;
    if (oldHi < 0) {
      offset = oldOffset >> 1;
      return;
    }
    offset = ((oldOffset + oldLo) >> 1) - 4;
    for (int i = oldLo; i <= oldHi; i++) {
      if (old[i] != 0) {
        int index = (int) (((oldOffset + i) >> 1) - offset);
        counts[index] += old[i];
        lo = Math.min(lo, index);
        hi = Math.max(hi, index);
      }
    }
  }

  /** Re-allocates so that the data and {@code bucket} fit, with room on the side grown. */
  private void grow(long bucket) {
    long first = hi < 0 ? bucket : Math.min(offset + lo, bucket);
    long last = hi < 0 ? bucket : Math.max(offset + hi, bucket);
    long span = last - first + 1;
    int size = (int) Math.min(MAX_BUCKETS + 16, Math.max(counts.length * 3L / 2, span + 8));
    long newOffset = bucket < offset ? last - size + 1 : first;
    long[] grown = new long[size];
    for (int i = Math.max(0, lo); i <= hi; i++) {
      grown[(int) (offset + i - newOffset)] = counts[i];
    }
    int moved = (int) (offset - newOffset);
    counts = grown;
    offset = newOffset;
    if (hi >= 0) {
      lo += moved;
      hi += moved;
    }
  }

  /** Adds every count of {@code other}. */
  public void merge(Histogram other) {
    if (other.hi < 0) {
      return;
    }
    while (shift < other.shift) {
      coarsen();
    }
    int extra = shift - other.shift;
    for (int i = other.lo; i <= other.hi; i++) {
      if (other.counts[i] != 0) {
        long bucket = (other.offset + i) >> extra;
        long count = other.counts[i];
        int before = shift;
        addToBucket(bucket, count);
        if (shift != before) {
          // The add coarsened this histogram: re-map the rest of other's buckets.
          extra = shift - other.shift;
        }
      }
    }
  }

  /** Empties the histogram and returns to exact counting, keeping its storage. */
  public void clear() {
    if (hi >= 0) {
      Arrays.fill(counts, lo, hi + 1, 0);
    }
    total = 0;
    shift = 0;
    lo = Integer.MAX_VALUE;
    hi = -1;
  }

  /**
   * The nearest-rank quantile: the key of the bucket holding the {@code ceil(q * total)}-th
   * smallest value ({@code q} in (0, 1]); exact while every bucket holds one key, else the
   * middle key of its bucket.
   */
  public long quantile(double q) {
    if (total == 0) {
      throw new IllegalStateException("no values");
    }
    long rank = Math.max(1, (long) Math.ceil(q * total));
    long seen = 0;
    for (int i = lo; i <= hi; i++) {
      seen += counts[i];
      if (seen >= rank) {
        long bucket = offset + i;
        return shift == 0 ? bucket : (bucket << shift) + (1L << (shift - 1));
      }
    }
    throw new IllegalStateException("rank beyond total");
  }
}
