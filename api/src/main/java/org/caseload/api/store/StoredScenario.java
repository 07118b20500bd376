package org.caseload.api.store;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A scenario as stored: its JSON document (the scenario format), the targets its planner set
 * for it (as runs take them; none unless given), and a version for updates.
 */
public record StoredScenario(UUID id, String name, int version, String document,
    List<String> targets, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

  public StoredScenario {
    targets = List.copyOf(targets);
  }
}
