package org.caseload.sim.summary;

import java.util.Arrays;

/**
 * Counts of integer keys in a dense array over the range seen so far, growing at either end
 * as needed. Merging adds counts, so any merge order gives the same histogram.
 *
 * @implNote Mutable, not thread-safe.
 */
public final class Histogram {

  private long[] counts = new long[0];
  private long offset;
  private long total;
  // Indexes of the lowest and highest non-empty cells (lo > hi when empty).
  private int lo = Integer.MAX_VALUE;
  private int hi = -1;

  public long total() {
    return total;
  }

  /** Cells allocated (for checking that memory follows the spread, not the count). */
  int capacity() {
    return counts.length;
  }

  public void add(long key) {
    add(key, 1);
  }

  private void add(long key, long count) {
    if (counts.length == 0) {
      counts = new long[16];
      offset = key - 8;
    }
    if (key < offset || key >= offset + counts.length) {
      grow(key);
    }
    int index = (int) (key - offset);
    counts[index] += count;
    total += count;
    lo = Math.min(lo, index);
    hi = Math.max(hi, index);
  }

  private void grow(long key) {
    long first = Math.min(offset, key);
    long last = Math.max(offset + counts.length - 1, key);
    long span = last - first + 1;
    if (span > Integer.MAX_VALUE / 2) {
      throw new IllegalStateException("histogram range too wide: " + first + " to " + last);
    }
    int size = (int) Math.min(Integer.MAX_VALUE / 2, Math.max(span + span / 2, counts.length * 2L));
    long newOffset = key < offset ? last - size + 1 : first;
    long[] grown = new long[size];
    int shift = (int) (offset - newOffset);
    System.arraycopy(counts, 0, grown, shift, counts.length);
    counts = grown;
    offset = newOffset;
    if (hi >= 0) {
      lo += shift;
      hi += shift;
    }
  }

  /** Adds every count of {@code other}. */
  public void merge(Histogram other) {
    for (int i = other.lo; i <= other.hi; i++) {
      if (other.counts[i] != 0) {
        add(other.offset + i, other.counts[i]);
      }
    }
  }

  /** Empties the histogram, keeping its storage. */
  public void clear() {
    if (hi >= 0) {
      Arrays.fill(counts, lo, hi + 1, 0);
    }
    total = 0;
    lo = Integer.MAX_VALUE;
    hi = -1;
  }

  /**
   * The nearest-rank quantile: the smallest key with at least {@code ceil(q * total)} values
   * at or below it ({@code q} in (0, 1]).
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
        return offset + i;
      }
    }
    throw new IllegalStateException("rank beyond total");
  }

  /** Number of values with key at most {@code key}. */
  public long countAtMost(long key) {
    long seen = 0;
    for (int i = 0; i < counts.length && offset + i <= key; i++) {
      seen += counts[i];
    }
    return seen;
  }
}
