package org.caseload.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
   * cases from a fixed seed, plus the edges: nobody, no room, no cases; then 200 teams with
   * rooms around {@link Allocator#TALLIED_ROOM}, where the line is found by bisection above
   * it and by tallying at or below it (rooms within 3 of each other, so 0 to 600 cases reach
   * the line).
   */
  static Stream<Arguments> teams() {
    SplittableRandom random = new SplittableRandom(11);
    Stream<Arguments> drawn = IntStream.range(0, 500).mapToObj(i -> Arguments.of(
        random.ints(random.nextInt(41), 0, 40).toArray(), random.nextInt(601)));
    Stream<Arguments> large = IntStream.range(0, 200).mapToObj(i -> {
      int top = Allocator.TALLIED_ROOM - 2 + random.nextInt(4);
      return Arguments.of(random.ints(1 + random.nextInt(40), top - 3, top + 1).toArray(),
          random.nextInt(601));
    });
    return Stream.of(Stream.of(Arguments.of(new int[0], 5),
        Arguments.of(new int[] {0, 0, 0}, 9), Arguments.of(new int[] {3, 3}, 0)), drawn, large)
        .flatMap(s -> s);
  }

  @ParameterizedTest
  @MethodSource("teams")
  void share_equalsGivingEachCaseToTheRoomiestWorker(int[] room, int cases) {
    int m = room.length;
    double[] give = new double[m];
    double given = Allocator.share(doubles(room), m, cases, give, tally());
    int[] expected = oneAtATime(room, cases);
    assertThat(give).containsExactly(doubles(expected));
    assertThat(given).isEqualTo(Arrays.stream(expected).sum());
  }

  @Test
  void share_overCapacity_fillsEveryRoom() {
    double[] give = new double[3];
    assertThat(Allocator.share(new double[] {2, 0, 5}, 3, 100, give, tally())).isEqualTo(7);
    assertThat(give).containsExactly(2, 0, 5);
  }

  @Test
  void share_levelsTheRoomiestFirst() {
    double[] give = new double[3];
    assertThat(Allocator.share(new double[] {10, 4, 7}, 3, 6, give, tally())).isEqualTo(6);
    // 10 -> 7 takes 3; then 7,7 share the other 3, lower index first: 10-5, 7-1.
    assertThat(give).containsExactly(5, 0, 1);
  }

  /**
   * Cohorts: the fluid water line gives every worker of every cohort down to one line. With
   * one worker per cohort and rooms whose differences are whole, it equals the whole-case
   * share wherever that share has no ties to break (checked against the line computed by
   * hand).
   */
  @Test
  void shareFluid_levelsEveryWorkerToOneLine() {
    double[] give = new double[3];
    // Cohorts of 2, 1 and 4 workers with 10, 4 and 7 places each: rooms 20, 4, 28.
    double given = Allocator.shareFluid(new double[] {20, 4, 28}, new double[] {2, 1, 4}, 3,
        18, give);
    // Line L: 2 (10 - L) + 4 (7 - L) = 18 with L >= 4 -> 48 - 6L = 18 -> L = 5.
    assertThat(given).isEqualTo(18);
    assertThat(give[0]).isCloseTo(10, within(1e-9));
    assertThat(give[1]).isEqualTo(0);
    assertThat(give[2]).isCloseTo(8, within(1e-9));
  }

  @Test
  void shareFluid_overCapacity_fillsEveryRoom() {
    double[] give = new double[2];
    assertThat(Allocator.shareFluid(new double[] {1.5, 2.25}, new double[] {0.5, 1}, 2, 9, give))
        .isEqualTo(3.75);
    assertThat(give).containsExactly(1.5, 2.25);
  }

  private static int[] tally() {
    return new int[Allocator.TALLIED_ROOM + 1];
  }

  private static double[] doubles(int[] values) {
    return Arrays.stream(values).asDoubleStream().toArray();
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
