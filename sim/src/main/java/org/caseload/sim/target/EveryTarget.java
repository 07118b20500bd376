package org.caseload.sim.target;

import java.util.List;

/**
 * Every one of two or more targets met in the same replication.
 *
 * @param targets the targets, each a {@link Goal} of its own too
 */
public record EveryTarget(List<Target> targets) implements Goal {

  /** How outputs name it, in every format: no target parses as this. */
  public static final String TEXT = "every target together";

  public EveryTarget {
    targets = List.copyOf(targets);
    if (targets.size() < 2) {
      throw new IllegalArgumentException("every target together needs two or more targets");
    }
  }

  @Override
  public String text() {
    return TEXT;
  }
}
