package org.caseload.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The DfE formulas against the published workforce rows in {@code data/dfe}: the rates the
 * DfE publishes (to one decimal place, in percent) must follow from its own FTE counts.
 */
class DfeIndicatorsTest {

  private static final Path CSWW = Path.of("..", "data", "dfe",
      "csww_indicators_2017_to_2022.csv");

  @Test
  void medway2017_vacancyAndAgencyRates() throws IOException {
    Map<String, String> row = row("Medway", "2017");
    double inPost = number(row, "inpost_fte");
    assertThat(100 * DfeIndicators.vacancyRate(number(row, "vacancy_fte"), inPost))
        .isCloseTo(34.7, within(0.05));
    assertThat(100 * DfeIndicators.agencyRate(number(row, "agency_fte"), inPost))
        .isCloseTo(29.3, within(0.05));
  }

  @Test
  void worcestershire2017_caseloadAndTurnover() throws IOException {
    Map<String, String> row = row("Worcestershire", "2017");
    assertThat(DfeIndicators.caseload(number(row, "cases"), number(row, "case_holders_fte")))
        .isCloseTo(19.5, within(0.05));
    assertThat(100 * DfeIndicators.turnoverRate(number(row, "leavers_fte"),
        number(row, "inpost_fte"))).isCloseTo(22.3, within(0.06));
  }

  @Test
  void everyPublishedRow_followsTheDefinitions() throws IOException {
    int checked = 0;
    for (Map<String, String> row : rows()) {
      Double inPost = numberOrNull(row, "inpost_fte");
      Double vacancies = numberOrNull(row, "vacancy_fte");
      Double agency = numberOrNull(row, "agency_fte");
      Double leavers = numberOrNull(row, "leavers_fte");
      Double vacancyRate = numberOrNull(row, "vacancy_rate_fte");
      Double agencyRate = numberOrNull(row, "agency_rate_fte");
      Double turnoverRate = numberOrNull(row, "turnover_rate_fte");
      String where = row.get("la_name") + " " + row.get("time_period");
      // Published counts are rounded to 0.1 FTE before the rate is taken, so allow for it.
      if (inPost != null && vacancies != null && vacancyRate != null && inPost > 20) {
        assertThat(100 * DfeIndicators.vacancyRate(vacancies, inPost)).as(where)
            .isCloseTo(vacancyRate, within(0.15));
        checked++;
      }
      if (inPost != null && agency != null && agencyRate != null && inPost > 20) {
        assertThat(100 * DfeIndicators.agencyRate(agency, inPost)).as(where)
            .isCloseTo(agencyRate, within(0.15));
        checked++;
      }
      // One published row disagrees with its own counts (13.7% from them, 14.8% printed);
      // it is a regional aggregate, not a council, and is left out here.
      boolean knownQuirk = where.equals(" 2022") && "North East".equals(row.get("region_name"));
      if (inPost != null && leavers != null && turnoverRate != null && inPost > 20
          && !knownQuirk) {
        assertThat(100 * DfeIndicators.turnoverRate(leavers, inPost)).as(where)
            .isCloseTo(turnoverRate, within(0.15));
        checked++;
      }
    }
    assertThat(checked).as("rates checked").isGreaterThan(2500);
  }

  /**
   * The caseload (cases / case-holding FTE) of every published row against the published
   * caseload_fte. The DfE prints it to 0.1 from the case-holding FTE before that FTE is
   * rounded to 0.1 for publication, so allow 0.05 for the printed caseload plus the effect
   * of 0.05 FTE on the ratio (caseload x 0.05 / case-holding FTE).
   */
  @Test
  void everyPublishedRow_caseloadFollowsTheDefinition() throws IOException {
    int checked = 0;
    for (Map<String, String> row : rows()) {
      Double cases = numberOrNull(row, "cases");
      Double holders = numberOrNull(row, "case_holders_fte");
      Double caseload = numberOrNull(row, "caseload_fte");
      if (cases == null || holders == null || caseload == null || holders <= 0) {
        continue;
      }
      String where = row.get("la_name") + " " + row.get("time_period");
      double computed = DfeIndicators.caseload(cases, holders);
      assertThat(computed).as(where)
          .isCloseTo(caseload, within(0.05 + computed * 0.05 / holders + 1e-9));
      checked++;
    }
    assertThat(checked).as("caseloads checked").isGreaterThan(850);
  }

  @Test
  void emptyDenominators_giveZero() {
    assertThat(DfeIndicators.vacancyRate(0, 0)).isZero();
    assertThat(DfeIndicators.caseload(10, 0)).isZero();
  }

  private static Map<String, String> row(String la, String year) throws IOException {
    return rows().stream()
        .filter(r -> la.equals(r.get("la_name")) && year.equals(r.get("time_period")))
        .findFirst().orElseThrow();
  }

  private static double number(Map<String, String> row, String column) {
    return Double.parseDouble(row.get(column));
  }

  private static Double numberOrNull(Map<String, String> row, String column) {
    try {
      return Double.valueOf(row.get(column));
    } catch (NumberFormatException | NullPointerException e) {
      return null;
    }
  }

  private static List<Map<String, String>> rows() throws IOException {
    List<String> lines = Files.readAllLines(CSWW);
    List<String> header = split(lines.get(0));
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> cells = split(line);
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.size() && i < cells.size(); i++) {
        row.put(header.get(i), cells.get(i));
      }
      rows.add(row);
    }
    return rows;
  }

  /** Splits a CSV line, honouring double quotes. */
  private static List<String> split(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }
}
