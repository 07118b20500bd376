package org.caseload.core.model;

/**
 * Shares waiting cases among workers so that each case goes to the worker with the most room
 * (docs/specification.md section 4.5). Giving cases one at a time to the roomiest worker levels
 * the rooms down to a water line; this computes that line directly: in whole cases with ties
 * broken by worker order ({@link #share}, sampled), or in fractions for cohorts of expected
 * workers ({@link #shareFluid}).
 *
 * @implNote Stateless and thread-safe; writes only into the caller's arrays.
 */
final class Allocator {

  private Allocator() {}

  /** The largest room {@link #share} finds its water line for by tallying rooms. */
  static final int TALLIED_ROOM = 4096;

  /**
   * Fills {@code give[0..m)} with the whole cases each of {@code m} workers receives, given
   * their whole rooms {@code room[0..m)} ({@code >= 0}) and {@code cases} waiting;
   * {@code tally} is scratch space of at least {@link #TALLIED_ROOM} + 1 entries.
   *
   * @return the number of cases given, {@code min(cases, sum of rooms)}
   */
  static double share(double[] room, int m, double cases, double[] give, int[] tally) {
    double capacity = 0;
    double maxRoom = 0;
    for (int i = 0; i < m; i++) {
      capacity += room[i];
      maxRoom = Math.max(maxRoom, room[i]);
    }
    if (capacity <= cases) {
      System.arraycopy(room, 0, give, 0, m);
      return capacity;
    }
    double line = maxRoom <= TALLIED_ROOM ? tallyLine(room, m, (int) maxRoom, cases, tally)
        : searchLine(room, m, maxRoom, cases);
    double given = 0;
    for (int i = 0; i < m; i++) {
      give[i] = Math.max(0, room[i] - line);
      given += give[i];
    }
    double left = cases - given;
    for (int i = 0; i < m && left > 0; i++) {
      if (room[i] >= line) {
        give[i]++;
        left--;
      }
    }
    return cases;
  }

  /**
   * The water line: the lowest whole line from 1 to {@code maxRoom} with at most
   * {@code cases} of room above it. Counting the workers at each room once, the room above a
   * line grows by the number of workers above it at each step down from {@code maxRoom},
   * where a search passes over every worker at each of its steps (measured: 2% of a Medway
   * replication-month, 5% of England's, bench/README.md).
   */
  private static double tallyLine(double[] room, int m, int maxRoom, double cases,
      int[] tally) {
    java.util.Arrays.fill(tally, 0, maxRoom + 1, 0);
    for (int i = 0; i < m; i++) {
      tally[(int) room[i]]++;
    }
    int line = maxRoom;
    long above = 0;
    long workersAbove = 0;
    while (line > 1) {
      workersAbove += tally[line];
      if (above + workersAbove > cases) {
        break;
      }
      above += workersAbove;
      line--;
    }
    return line;
  }

  /** The same line by bisection, for rooms too large to tally. */
  private static double searchLine(double[] room, int m, double maxRoom, double cases) {
    double lo = 1;
    double hi = maxRoom;
    while (lo < hi) {
      double mid = Math.floor((lo + hi) / 2);
      if (above(room, m, mid) <= cases) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  private static double above(double[] room, int m, double line) {
    double sum = 0;
    for (int i = 0; i < m; i++) {
      sum += Math.max(0, room[i] - line);
    }
    return sum;
  }

  /**
   * The same water line for cohorts: entity k is {@code weight[k]} workers with
   * {@code room[k]} room in all; each worker of the cohort receives down to the line.
   *
   * @return the cases given, {@code min(cases, sum of rooms)}
   */
  static double shareFluid(double[] room, double[] weight, int m, double cases, double[] give) {
    double capacity = 0;
    double maxPerWorker = 0;
    for (int k = 0; k < m; k++) {
      capacity += room[k];
      if (weight[k] > 0) {
        maxPerWorker = Math.max(maxPerWorker, room[k] / weight[k]);
      }
    }
    if (capacity <= cases) {
      System.arraycopy(room, 0, give, 0, m);
      return capacity;
    }
    double lo = 0;
    double hi = maxPerWorker;
    for (int iteration = 0; iteration < 200 && hi - lo > 1e-12 * Math.max(1, hi); iteration++) {
      double line = (lo + hi) / 2;
      if (aboveFluid(room, weight, m, line) <= cases) {
        hi = line;
      } else {
        lo = line;
      }
    }
    double given = 0;
    for (int k = 0; k < m; k++) {
      give[k] = weight[k] > 0 ? Math.max(0, room[k] - hi * weight[k]) : 0;
      given += give[k];
    }
    double scale = given > 0 ? cases / given : 0;
    for (int k = 0; k < m; k++) {
      give[k] = Math.min(room[k], give[k] * scale);
    }
    return cases;
  }

  private static double aboveFluid(double[] room, double[] weight, int m, double line) {
    double sum = 0;
    for (int k = 0; k < m; k++) {
      sum += Math.max(0, room[k] - line * weight[k]);
    }
    return sum;
  }
}
