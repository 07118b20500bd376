package org.caseload.sim.backtest;

import org.caseload.core.data.Area;
import org.caseload.core.data.DfeData;
import org.caseload.core.data.DfeTable;
import org.caseload.core.metrics.SnapshotMetric;

/** The workforce indicators a backtest scores, as published and as forecast. */
public enum Indicator {
  inPostFte(SnapshotMetric.inPostFte),
  vacancyRate(SnapshotMetric.vacancyRate),
  turnoverRate(SnapshotMetric.turnoverRate),
  agencyRate(SnapshotMetric.agencyRate),
  caseload(SnapshotMetric.caseload);

  private final SnapshotMetric metric;

  Indicator(SnapshotMetric metric) {
    this.metric = metric;
  }

  public SnapshotMetric metric() {
    return metric;
  }

  /** Whether the indicator is a fraction (at most 1); the others are counts or ratios. */
  public boolean isRate() {
    return this == vacancyRate || this == turnoverRate || this == agencyRate;
  }

  /**
   * The published value at 30 September {@code year}, as a fraction for rates (computed from
   * the FTE counts by the DfE definitions), or NaN if not published.
   */
  public double actual(DfeData data, Area area, int year) {
    double inPost = data.value(DfeTable.WORKFORCE, area, year, "inpost_fte");
    return switch (this) {
      case inPostFte -> inPost;
      case vacancyRate -> {
        double v = data.value(DfeTable.WORKFORCE, area, year, "vacancy_fte");
        yield v / (v + inPost);
      }
      case turnoverRate -> data.value(DfeTable.WORKFORCE, area, year, "leavers_fte") / inPost;
      case agencyRate -> {
        double a = data.value(DfeTable.WORKFORCE, area, year, "agency_fte");
        yield a / (a + inPost);
      }
      case caseload -> data.value(DfeTable.WORKFORCE, area, year, "cases")
          / data.value(DfeTable.WORKFORCE, area, year, "case_holders_fte");
    };
  }
}
