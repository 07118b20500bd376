package org.caseload.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.caseload.core.metrics.Metric;
import org.caseload.core.scenario.Examples;
import org.caseload.core.scenario.Scenario;
import org.caseload.sim.target.TargetParser;
import org.junit.jupiter.api.Test;

/**
 * Targets read from a replication's rows: a caseload where nobody holds cases has no value,
 * and a target on it is not met in that month (a council whose two social workers had both gone
 * met "caseload <= 12" with its children waiting, the row reading 0).
 */
class TargetCheckTest {

  private static final Scenario SCENARIO = Examples.medway().withHorizon(12);

  /** Ten cases each for three case holders, but nobody in {@code emptyMonths}. */
  private static double[][] rows(int... emptyMonths) {
    double[][] rows = new double[12][Metric.COUNT];
    for (double[] row : rows) {
      row[Metric.caseHolderFte.ordinal()] = 3;
      row[Metric.cases.ordinal()] = 30;
      row[Metric.caseload.ordinal()] = 10;
      row[Metric.caseloadMax.ordinal()] = 12;
      row[Metric.unallocatedCases.ordinal()] = 5;
    }
    for (int month : emptyMonths) {
      double[] row = rows[month - 1];
      row[Metric.caseHolderFte.ordinal()] = 0;
      row[Metric.cases.ordinal()] = 0;
      row[Metric.caseload.ordinal()] = 0;
      row[Metric.caseloadMax.ordinal()] = 0;
      row[Metric.unallocatedCases.ordinal()] = 35;
    }
    return rows;
  }

  private static boolean holds(String target, double[][] rows) {
    return TargetCheck.of(SCENARIO, List.of(TargetParser.parse(target))).holds(0, rows);
  }

  @Test
  void aCaseloadWithNobodyHoldingCases_meetsNoTarget() {
    double[][] rows = rows(12);
    assertThat(holds("caseload <= 12 at month 12", rows)).isFalse();
    assertThat(holds("caseload != 5 at month 12", rows)).isFalse();
    assertThat(holds("caseload >= 0 at month 12", rows)).isFalse();
    assertThat(holds("caseloadMax <= 20 at month 12", rows)).isFalse();
    assertThat(holds("caseloadAssessment <= 20 at month 12", rows)).isFalse();
    assertThat(holds("shareAbove20 <= 0.5 at month 12", rows)).isFalse();
    assertThat(holds("caseload <= 12 in every month", rows)).isFalse();
    // the other months have case holders, and the metrics without a denominator keep theirs
    assertThat(holds("caseload <= 12 at month 11", rows)).isTrue();
    assertThat(holds("caseload <= 12 in any month", rows)).isTrue();
    assertThat(holds("unallocatedCases >= 35 at month 12", rows)).isTrue();
    assertThat(holds("caseHolderFte == 0 at month 12", rows)).isTrue();
  }

  @Test
  void inAnyMonth_needsAMonthWithCaseHolders() {
    int[] every = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    assertThat(holds("caseload <= 12 in any month", rows(every))).isFalse();
    assertThat(holds("caseload <= 12 in every month", rows())).isTrue();
  }

  @Test
  void theSnapshotCaseload_needsCaseHoldersAt30September() {
    String date = SCENARIO.dateOf(12).toString();
    assertThat(date).endsWith("-09-30");
    assertThat(holds("caseload <= 12 at snapshot " + date, rows())).isTrue();
    assertThat(holds("caseload <= 12 at snapshot " + date, rows(12))).isFalse();
    assertThat(holds("unallocatedCases >= 35 at snapshot " + date, rows(12))).isTrue();
  }

  private static double signature(String target, double[][] rows) {
    return TargetCheck.of(SCENARIO, List.of(TargetParser.parse(target))).signature(0, rows);
  }

  /**
   * Rows whose caseload reads the same but has a value in one and none in the other differ in
   * a target's signature: a goal-seek's check that a lever moves a target had read them alike.
   */
  @Test
  void theSignature_changesWithWhetherTheCaseloadHasAValue() {
    double[][] held = rows();
    double[][] empty = rows();
    empty[11][Metric.caseHolderFte.ordinal()] = 0; // the same caseload, 10, with nobody holding
    String date = SCENARIO.dateOf(12).toString();
    for (String target : new String[] {"caseload <= 12 at month 12", "caseload <= 12 in every"
        + " month", "caseload <= 12 in any month", "caseload <= 12 at snapshot " + date}) {
      assertThat(Double.compare(signature(target, held), signature(target, empty)))
          .as(target).isNotZero();
      assertThat(Double.compare(signature(target, held), signature(target, rows())))
          .as(target).isZero();
    }
    double[][] waiting = rows();
    waiting[11][Metric.caseloadAssessment.ordinal()] = 0;
    waiting[11][Metric.unallocatedAssessments.ordinal()] = 3;
    double[][] noneWaiting = rows();
    noneWaiting[11][Metric.caseloadAssessment.ordinal()] = 0;
    assertThat(Double.compare(signature("caseloadAssessment <= 20 at month 12", waiting),
        signature("caseloadAssessment <= 20 at month 12", noneWaiting))).isNotZero();
    // a metric always defined: its value, as before
    assertThat(signature("unallocatedCases <= 12 at month 12", empty)).isEqualTo(5);
  }
}
