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

  public long total() {
    return total;
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
    counts[(int) (key - offset)] += count;
    total += count;
  }

  private void grow(long key) {
    long lo = Math.min(offset, key);
    long hi = Math.max(offset + counts.length - 1, key);
    long span = hi - lo + 1;
    if (span > Integer.MAX_VALUE / 2) {
      throw new IllegalStateException("histogram range too wide: " + lo + " to " + hi);
    }
    int size = (int) Math.min(Integer.MAX_VALUE / 2, Math.max(span + span / 2, counts.length * 2L));
    long newOffset = key < offset ? hi - size + 1 : lo;
    long[] grown = new long[size];
    System.arraycopy(counts, 0, grown, (int) (offset - newOffset), counts.length);
    counts = grown;
    offset = newOffset;
  }

  /** Adds every count of {@code other}. */
  public void merge(Histogram other) {
    for (int i = 0; i < other.counts.length; i++) {
      if (other.counts[i] != 0) {
        add(other.offset + i, other.counts[i]);
      }
    }
  }

  /** Empties the histogram, keeping its storage. */
  public void clear() {
    Arrays.fill(counts, 0);
    total = 0;
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
    for (int i = 0; i < counts.length; i++) {
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
