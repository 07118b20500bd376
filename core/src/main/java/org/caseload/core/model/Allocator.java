package org.caseload.core.model;

/**
 * Shares waiting cases among workers so that each case goes to the worker with the most room
 * (docs/specification.md section 4.5). Giving cases one at a time to the roomiest worker levels the rooms
 * down to a water line; this computes that line directly, breaking ties by worker order.
 *
 * @implNote Stateless and thread-safe; writes only into the caller's arrays.
 */
final class Allocator {

  private Allocator() {}

  /**
   * Fills {@code give[0..m)} with the cases each of {@code m} workers receives, given their
   * rooms {@code room[0..m)} ({@code >= 0}) and {@code cases} waiting.
   *
   * @return the number of cases given, {@code min(cases, sum of rooms)}
   */
  static int share(int[] room, int m, int cases, int[] give) {
    long capacity = 0;
    int maxRoom = 0;
    for (int i = 0; i < m; i++) {
      capacity += room[i];
      maxRoom = Math.max(maxRoom, room[i]);
    }
    if (capacity <= cases) {
      System.arraycopy(room, 0, give, 0, m);
      return (int) capacity;
    }
    int lo = 1;
    int hi = maxRoom;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (above(room, m, mid) <= cases) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    int line = lo;
    long given = 0;
    for (int i = 0; i < m; i++) {
      give[i] = Math.max(0, room[i] - line);
      given += give[i];
    }
    long left = cases - given;
    for (int i = 0; i < m && left > 0; i++) {
      if (room[i] >= line) {
        give[i]++;
        left--;
      }
    }
    return cases;
  }

  private static long above(int[] room, int m, int line) {
    long sum = 0;
    for (int i = 0; i < m; i++) {
      sum += Math.max(0, room[i] - line);
    }
    return sum;
  }
}
