package org.caseload.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.SnapshotMetric;
import org.caseload.core.scenario.Scenario;
import org.caseload.sim.presets.Presets;
import org.junit.jupiter.api.Test;

/** How a sensitivity's output is named in its JSON and CSV. */
class MetricAtTest {

  private static final Scenario MEDWAY = Presets.load("medway-2019").orElseThrow();

  /** An indicator is named by its 30 September and month ("at snapshot month 12" had been). */
  @Test
  void aSnapshot_isNamedByItsDateAndMonth() {
    MetricAt at = MetricAt.snapshot(SnapshotMetric.vacancyRate, LocalDate.of(2020, 9, 30),
        MEDWAY);
    assertThat(at.describe(MEDWAY)).isEqualTo("vacancyRate at snapshot 2020-09-30 (month 12)");
  }

  /** A monthly metric keeps the name the page reads ("caseload at month 12"). */
  @Test
  void aMonthlyMetric_isNamedByItsMonth() {
    assertThat(MetricAt.month(Metric.caseload, 12).describe(MEDWAY))
        .isEqualTo("caseload at month 12");
    // the table's form dates the month, from the same rule
    assertThat(MetricAt.month(Metric.cost, 12).name(MEDWAY, true))
        .isEqualTo("cost at month 12 (2020-09)");
  }

  /**
   * A caseload with nobody holding cases has no value (NaN), which a study leaves out, where
   * it had been read as 0, the lowest caseload; every other output keeps its value.
   */
  @Test
  void aCaseloadOfNobody_hasNoValue() {
    double[][] rows = new double[12][Metric.COUNT];
    rows[11][Metric.caseload.ordinal()] = 0;
    rows[11][Metric.vacancyRate.ordinal()] = 0.4;
    rows[11][Metric.inPostFte.ordinal()] = 3; // nobody holds cases: all absent, say
    assertThat(MetricAt.month(Metric.caseload, 12).value(rows)).isNaN();
    assertThat(MetricAt.month(Metric.vacancyRate, 12).value(rows)).isEqualTo(0.4);
    rows[11][Metric.caseHolderFte.ordinal()] = 2;
    assertThat(MetricAt.month(Metric.caseload, 12).value(rows)).isEqualTo(0);
    rows[11][Metric.caseload.ordinal()] = 14.5;
    assertThat(MetricAt.month(Metric.caseload, 12).value(rows)).isEqualTo(14.5);
  }
}
