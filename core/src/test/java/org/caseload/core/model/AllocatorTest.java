package org.caseload.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AllocatorTest {

  /**
   * 500 random teams (0 to 40 workers with 0 to 39 places each, ties common) and 0 to 600
   * cases from a fixed seed, plus the edges: nobody, no room, no cases.
   */
  static Stream<Arguments> teams() {
    SplittableRandom random = new SplittableRandom(11);
    Stream<Arguments> drawn = IntStream.range(0, 500).mapToObj(i -> Arguments.of(
        random.ints(random.nextInt(41), 0, 40).toArray(), random.nextInt(601)));
    return Stream.concat(Stream.of(Arguments.of(new int[0], 5),
        Arguments.of(new int[] {0, 0, 0}, 9), Arguments.of(new int[] {3, 3}, 0)), drawn);
  }

  @ParameterizedTest
  @MethodSource("teams")
  void share_equalsGivingEachCaseToTheRoomiestWorker(int[] room, int cases) {
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
