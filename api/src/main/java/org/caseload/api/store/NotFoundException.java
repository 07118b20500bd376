package org.caseload.api.store;

import java.util.UUID;
import org.caseload.api.domain.RunKind;

/**
 * The stored thing asked for does not exist: a scenario, or a run of a kind.
 *
 * @implNote Immutable and thread-safe.
 */
public final class NotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The run's kind, or null for a scenario. */
  private final transient RunKind kind;
  private final UUID id;

  private NotFoundException(RunKind kind, UUID id) {
    super((kind == null ? "scenario" : kind.text()) + " " + id + " not found", null, false,
        false);
    this.kind = kind;
    this.id = id;
  }

  /** No stored scenario {@code id}. */
  public static NotFoundException scenario(UUID id) {
    return new NotFoundException(null, id);
  }

  /** No stored run of {@code kind} with {@code id}. */
  public static NotFoundException run(RunKind kind, UUID id) {
    return new NotFoundException(java.util.Objects.requireNonNull(kind, "kind"), id);
  }

  /** Whether a scenario, not a run, is missing. */
  public boolean ofScenario() {
    return kind == null;
  }

  /** What was asked for, as the API names it: {@code scenario}, {@code run}, {@code goal-seek}. */
  public String resource() {
    return kind == null ? "scenario" : kind.text();
  }

  public UUID id() {
    return id;
  }
}
