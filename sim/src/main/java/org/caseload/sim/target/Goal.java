package org.caseload.sim.target;

import java.util.ArrayList;
import java.util.List;

/**
 * What a run reports a probability of meeting: one {@link Target}, or, where there are two or
 * more, {@link EveryTarget} (all of them in the same replication, the probability goal-seek
 * plans against, which is not the product of theirs where they move together).
 */
public sealed interface Goal permits Target, EveryTarget {

  /** The goal as written: a target's text, or {@link EveryTarget#TEXT}. */
  String text();

  /**
   * The goals reported for {@code targets}: each target, then every target together where
   * there are two or more (with one it is that target).
   */
  static List<Goal> of(List<Target> targets) {
    List<Goal> goals = new ArrayList<>(targets);
    if (targets.size() >= 2) {
      goals.add(new EveryTarget(targets));
    }
    return List.copyOf(goals);
  }
}
