package org.caseload.api.store;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A scenario as stored: its JSON document (the scenario format), what its planner set for
 * it (the targets, as runs take them, none unless given; the replications and seed of its
 * runs, null unless given), and a version for updates.
 */
public record StoredScenario(UUID id, String name, int version, String document,
    List<String> targets, Long replications, Long seed, OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  public StoredScenario {
    targets = List.copyOf(targets);
  }

  /** What a planner set for a scenario besides the scenario: targets and run settings. */
  public record Settings(List<String> targets, Long replications, Long seed) {
    public Settings {
      targets = List.copyOf(targets);
    }
  }
}
