package org.caseload.api.store;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A scenario as stored: its JSON document (the scenario format), what its planner set for
 * it ({@link Settings}), and a version for updates.
 */
public record StoredScenario(UUID id, String name, int version, String document,
    Settings settings, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

  /**
   * What a planner set for a scenario besides the scenario: the targets (as runs take them,
   * none unless given), the replications and seed of its runs (null unless given) and which
   * of its interventions are assumptions, in the baseline too (their positions in the
   * scenario's interventions, ascending; none unless given), and what the calibration it was
   * made from assumed (the calibration's notes, as the planner saw them; none unless given),
   * and the page's step 4, Decide, as the planner left it (null unless given).
   */
  public record Settings(List<String> targets, Long replications, Long seed,
      List<Integer> assumptions, List<String> calibrationNotes, Decide decide) {
    public Settings {
      targets = List.copyOf(targets);
      assumptions = List.copyOf(assumptions);
      calibrationNotes = List.copyOf(calibrationNotes);
    }
  }

  /**
   * What the planners' page's "Decide" had: the goal-seek's levers as goal-seek takes them
   * ({@code posts:longTerm=0..60/6}), and the probability of meeting every target (null when
   * not given).
   */
  public record Decide(List<String> levers, Double probability) {
    public Decide {
      levers = List.copyOf(levers);
    }
  }
}
