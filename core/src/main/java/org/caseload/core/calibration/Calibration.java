package org.caseload.core.calibration;

import java.util.List;
import org.caseload.core.data.Area;
import org.caseload.core.scenario.Scenario;

/**
 * A calibrated scenario and how it was made.
 *
 * @param area the council, region or country
 * @param year the base year: the state is the 30 September of that year
 * @param scenario the scenario, with its uncertainty
 * @param yearsRead the years of data read (all at most {@code year})
 * @param notes how each figure was derived, and which published figures were missing
 */
public record Calibration(Area area, int year, Scenario scenario, List<Integer> yearsRead,
    List<String> notes) {

  public Calibration {
    yearsRead = List.copyOf(yearsRead);
    notes = List.copyOf(notes);
  }
}
