package org.caseload.api.store;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A scenario as stored: its JSON document (the scenario format) and a version for updates. */
public record StoredScenario(UUID id, String name, int version, String document,
    OffsetDateTime createdAt, OffsetDateTime updatedAt) {}
