package org.caseload.core.data;

import java.util.Objects;

/**
 * A place the DfE publishes figures for: England, a region, or a local authority (council).
 *
 * @param level national, regional or local authority
 * @param code the ONS code (E92000001 for England, E12... regions, E06/E08/E09/E10 councils)
 * @param name the published name
 */
public record Area(Level level, String code, String name) {

  public Area {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
  }

  /** Geographic levels of the DfE files. */
  public enum Level {
    NATIONAL,
    REGIONAL,
    LOCAL_AUTHORITY
  }

  @Override
  public String toString() {
    return name + " (" + code + ")";
  }
}
