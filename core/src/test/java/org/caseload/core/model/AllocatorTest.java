package org.caseload.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class AllocatorTest {

  @Property(tries = 500, seed = "11")
  void share_equalsGivingEachCaseToTheRoomiestWorker(
      @ForAll @Size(max = 40) int[] rawRooms, @ForAll @IntRange(max = 600) int cases) {
    int[] room = Arrays.stream(rawRooms).map(r -> Math.floorMod(r, 40)).toArray();
    int m = room.length;
    int[] give = new int[m];
    int given = Allocator.share(room.clone(), m, cases, give);
    int[] expected = oneAtATime(room, cases);
    assertThat(give).containsExactly(expected);
    assertThat(given).isEqualTo(Arrays.stream(expected).sum());
  }

  @Test
  void share_overCapacity_fillsEveryRoom() {
    int[] give = new int[3];
    assertThat(Allocator.share(new int[] {2, 0, 5}, 3, 100, give)).isEqualTo(7);
    assertThat(give).containsExactly(2, 0, 5);
  }

  @Test
  void share_levelsTheRoomiestFirst() {
    int[] give = new int[3];
    assertThat(Allocator.share(new int[] {10, 4, 7}, 3, 6, give)).isEqualTo(6);
    // 10 -> 7 takes 3; then 7,7 share the other 3, lower index first: 10-5, 7-1.
    assertThat(give).containsExactly(5, 0, 1);
  }

  /** The reference: one case at a time to the worker with most room, lowest index first. */
  private static int[] oneAtATime(int[] rooms, int cases) {
    int[] room = rooms.clone();
    int[] give = new int[room.length];
    for (int c = 0; c < cases; c++) {
      int best = -1;
      for (int i = 0; i < room.length; i++) {
        if (room[i] > 0 && (best < 0 || room[i] > room[best])) {
          best = i;
        }
      }
      if (best < 0) {
        break;
      }
      room[best]--;
      give[best]++;
    }
    return give;
  }
}
