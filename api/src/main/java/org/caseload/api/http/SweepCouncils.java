package org.caseload.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.caseload.core.data.DfeData;
import org.caseload.sim.sweep.AllCouncils;

/**
 * The councils of an all-England sweep request, read as {@code caseload sweep --all-councils
 * --councils} reads them ({@link AllCouncils#of}): the year must have councils with a
 * workforce return ({@code year}), and each name of {@code councils} must be one of them (by
 * name or code, any case; {@code councils[i]}), before any council is calibrated; then only
 * the councils named are calibrated (every council's calibration for a year takes most of a
 * second of a worker), in the order named, each once.
 *
 * @implNote Stateless and thread-safe; blocking (calibrations): call it off the event loop.
 */
final class SweepCouncils {

  /** The most councils one sweep may name. */
  static final int MAX_COUNCILS = 200;

  private SweepCouncils() {}

  /** The councils of {@code year} that {@code names} (null: every one) asks for. */
  static AllCouncils.Councils of(DfeData data, int year, int months, JsonNode names) {
    try {
      return AllCouncils.of(data, year, months,
          names == null || names.isNull() ? null : names(names));
    } catch (AllCouncils.UnknownCouncilException e) {
      throw ApiProblem.badField("councils[" + e.index() + "]", e.getMessage());
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badField("year", e.getMessage());
    }
  }

  /** The names of {@code councils}, each a council's name or code; else a 400 on it. */
  private static List<String> names(JsonNode names) {
    if (!names.isArray() || names.isEmpty() || names.size() > MAX_COUNCILS) {
      throw ApiProblem.badField("councils", "must be an array of 1 to " + MAX_COUNCILS
          + " council names or codes");
    }
    List<String> list = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      JsonNode name = names.get(i);
      if (!name.isTextual() || name.asText().isBlank() || name.asText().length() > 100) {
        throw ApiProblem.badField("councils[" + i + "]", "must be a council's name or code");
      }
      list.add(name.asText());
    }
    return list;
  }
}
