package org.caseload.core.data;

import java.util.Arrays;
import java.util.List;
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

  /**
   * The codes of the councils this area stands for where the DfE publishes a figure jointly
   * for several: its code lists theirs, joined by "/" ("E09000021 / E09000027", the workforce
   * return of Kingston upon Thames and Richmond upon Thames); empty for an area of its own.
   * The one rule of which councils make a joint area, read from the DfE's own codes rather
   * than kept in a list by hand.
   */
  public List<String> memberCodes() {
    return level != Level.LOCAL_AUTHORITY || !code.contains("/") ? List.of()
        : Arrays.stream(code.split("/")).map(String::trim).toList();
  }

  @Override
  public String toString() {
    return name + " (" + code + ")";
  }
}
