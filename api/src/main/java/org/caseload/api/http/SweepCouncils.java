package org.caseload.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.caseload.core.data.Area;
import org.caseload.core.data.DfeData;
import org.caseload.sim.sweep.AllCouncils;

/**
 * The councils of an all-England sweep request, cheapest checks first: the year must have
 * councils with a workforce return ({@code year}), and each name of {@code councils} must be
 * one of them (by name or code, any case, as {@code --la} takes them; {@code councils[i]}),
 * before any council is calibrated; then only the councils named are calibrated (every
 * council's calibration for a year takes most of a second of a worker). The councils are
 * calibrated by {@link AllCouncils#calibrate} as {@code caseload sweep --all-councils} does,
 * in the order named, each once.
 *
 * @implNote Stateless and thread-safe; blocking (calibrations): call it off the event loop.
 */
final class SweepCouncils {

  /** The most councils one sweep may name. */
  static final int MAX_COUNCILS = 200;

  private SweepCouncils() {}

  /** The councils of {@code year} that {@code names} (null: every one) asks for. */
  static AllCouncils.Councils of(DfeData data, int year, int months, JsonNode names) {
    List<Area> areas = AllCouncils.councilsOf(data, year);
    if (areas.isEmpty()) {
      throw ApiProblem.badField("year", "no council has a workforce return for " + year);
    }
    return AllCouncils.calibrate(data, year, months,
        names == null || names.isNull() ? areas : named(areas, names, year));
  }

  /** The areas {@code names} names, each once, in the order named; else a 400 on the name. */
  private static List<Area> named(List<Area> areas, JsonNode names, int year) {
    if (!names.isArray() || names.isEmpty() || names.size() > MAX_COUNCILS) {
      throw ApiProblem.badField("councils", "must be an array of 1 to " + MAX_COUNCILS
          + " council names or codes");
    }
    List<Area> named = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      JsonNode name = names.get(i);
      if (!name.isTextual() || name.asText().isBlank() || name.asText().length() > 100) {
        throw ApiProblem.badField("councils[" + i + "]", "must be a council's name or code");
      }
      String wanted = name.asText().strip();
      Area area = areas.stream().filter(a -> a.name().equalsIgnoreCase(wanted)
          || a.code().equalsIgnoreCase(wanted)).findFirst().orElse(null);
      if (area == null) {
        throw ApiProblem.badField("councils[" + i + "]", "'" + name.asText()
            + "' has no workforce return in " + year + " (or is not a council)");
      }
      if (!named.contains(area)) {
        named.add(area);
      }
    }
    return named;
  }
}
