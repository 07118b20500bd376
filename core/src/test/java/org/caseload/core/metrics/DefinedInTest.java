package org.caseload.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Which columns of a month's row have a value: a caseload needs someone to hold cases, and a
 * team's has none where it reads 0 while the team's cases wait. Every other column always has
 * one. Exact.
 */
class DefinedInTest {

  private static double[] row(int teams) {
    double[] row = new double[TeamMetric.rowWidth(teams)];
    row[Metric.caseHolderFte.ordinal()] = 3;
    row[Metric.inPostFte.ordinal()] = 3;
    for (int t = 0; t < teams; t++) {
      row[TeamMetric.column(t, TeamMetric.agencyFte)] = 1;
    }
    return row;
  }

  @Test
  void aTeamsCaseload_hasNoValue_whereItReads0WhileItsCasesWait() {
    double[] row = row(2);
    int caseload = TeamMetric.column(1, TeamMetric.caseload);
    int waiting = TeamMetric.column(1, TeamMetric.unallocatedCases);
    assertThat(TeamMetric.columnDefinedIn(row, caseload)).as("0 cases, none waiting").isTrue();
    // nobody in the team, permanent or agency: no caseload, not 0, though nothing waits
    int agency = TeamMetric.column(1, TeamMetric.agencyFte);
    row[agency] = 0;
    assertThat(TeamMetric.columnDefinedIn(row, caseload)).as("nobody in the team").isFalse();
    row[TeamMetric.column(1, TeamMetric.inPostFte)] = 0.5;
    assertThat(TeamMetric.columnDefinedIn(row, caseload)).as("half a worker in post").isTrue();
    row[TeamMetric.column(1, TeamMetric.inPostFte)] = 0;
    row[agency] = 1;
    row[waiting] = 4;
    assertThat(TeamMetric.columnDefinedIn(row, caseload)).as("0 cases, 4 waiting").isFalse();
    assertThat(TeamMetric.caseload.definedIn(row, 1)).isFalse();
    assertThat(TeamMetric.caseload.definedIn(row, 0)).as("the other team").isTrue();
    row[caseload] = 12.5;
    assertThat(TeamMetric.columnDefinedIn(row, caseload)).as("12.5 a head, 4 waiting").isTrue();
    row[caseload] = 0;
    int vacancyRate = TeamMetric.column(1, TeamMetric.vacancyRate);
    assertThat(TeamMetric.columnDefinedIn(row, vacancyRate)).as("no posts, nobody").isFalse();
    row[TeamMetric.column(1, TeamMetric.inPostFte)] = 1;
    assertThat(TeamMetric.columnDefinedIn(row, vacancyRate)).as("no vacancy, one in post")
        .isTrue();
    row[TeamMetric.column(1, TeamMetric.inPostFte)] = 0;
    row[vacancyRate] = 1;
    assertThat(TeamMetric.columnDefinedIn(row, vacancyRate)).as("posts, all vacant").isTrue();
    for (TeamMetric other : TeamMetric.values()) {
      if (other != TeamMetric.caseload && other != TeamMetric.vacancyRate) {
        assertThat(TeamMetric.columnDefinedIn(row, TeamMetric.column(1, other))).isTrue();
      }
    }
  }

  @Test
  void aServiceColumn_followsTheMetricsRule() {
    double[] row = row(0);
    for (Metric m : Metric.values()) {
      assertThat(TeamMetric.columnDefinedIn(row, m.ordinal())).as(m.name())
          .isEqualTo(m.definedIn(row)).isTrue();
    }
    row[Metric.caseHolderFte.ordinal()] = 0;
    for (Metric m : Metric.values()) {
      boolean caseload = m.name().startsWith("caseload") || m.name().startsWith("shareAbove");
      assertThat(TeamMetric.columnDefinedIn(row, m.ordinal())).as(m.name())
          .isEqualTo(m.definedIn(row)).isEqualTo(!caseload);
    }
  }

  /**
   * A rate of nothing over nothing has no value (DfeIndicators reads 0 / 0 as 0): the agency
   * rate with nobody in post, permanent or agency (the Isles of Scilly's had read 0% in a
   * quarter of its replications, an outside audit), the vacancy rate with no posts and nobody
   * in post, turnover with no permanent worker; in the 30 September snapshot alike.
   */
  @Test
  void aRateOfNothingOverNothing_hasNoValue() {
    double[] row = new double[Metric.COUNT];
    assertThat(Metric.agencyRate.definedIn(row)).isFalse();
    assertThat(Metric.vacancyRate.definedIn(row)).isFalse();
    assertThat(Metric.turnoverRate.definedIn(row)).isFalse();
    row[Metric.vacancyFte.ordinal()] = 2;
    assertThat(Metric.vacancyRate.definedIn(row)).as("2 posts vacant: 100%").isTrue();
    assertThat(Metric.agencyRate.definedIn(row)).isFalse();
    row[Metric.agencyFte.ordinal()] = 1;
    assertThat(Metric.agencyRate.definedIn(row)).as("1 agency, nobody permanent: 100%").isTrue();
    assertThat(Metric.turnoverRate.definedIn(row)).isFalse();
    row[Metric.inPostFte.ordinal()] = 1;
    assertThat(Metric.turnoverRate.definedIn(row)).isTrue();

    double[] snapshot = new double[SnapshotMetric.COUNT];
    for (SnapshotMetric m : new SnapshotMetric[] {SnapshotMetric.agencyRate,
        SnapshotMetric.vacancyRate, SnapshotMetric.turnoverRate, SnapshotMetric.caseload}) {
      assertThat(m.definedIn(snapshot)).as(m.name()).isFalse();
    }
    assertThat(SnapshotMetric.inPostFte.definedIn(snapshot)).isTrue();
    snapshot[SnapshotMetric.inPostFte.ordinal()] = 1;
    snapshot[SnapshotMetric.caseHolderFte.ordinal()] = 1;
    for (SnapshotMetric m : SnapshotMetric.values()) {
      assertThat(m.definedIn(snapshot)).as(m.name()).isTrue();
    }
  }

  /** Every metric that can have no value says why, in words; the others say nothing. */
  @Test
  void aMetricWithoutAValue_saysWhy() {
    double[] empty = new double[TeamMetric.rowWidth(0)];
    for (Metric m : Metric.values()) {
      assertThat(m.whyNoValue() == null).as(m.name()).isEqualTo(m.definedIn(empty));
    }
  }
}
