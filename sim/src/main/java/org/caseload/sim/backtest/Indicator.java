package org.caseload.sim.backtest;

import java.util.List;
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

  /** The workforce columns {@link #actual} reads, of every indicator. */
  static final List<String> COLUMNS = List.of(Column.INPOST, Column.VACANCY, Column.LEAVERS,
      Column.AGENCY, Column.CASES, Column.CASE_HOLDERS);

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
    double inPost = data.value(DfeTable.WORKFORCE, area, year, Column.INPOST);
    return switch (this) {
      case inPostFte -> inPost;
      case vacancyRate -> {
        double v = data.value(DfeTable.WORKFORCE, area, year, Column.VACANCY);
        yield v / (v + inPost);
      }
      case turnoverRate -> data.value(DfeTable.WORKFORCE, area, year, Column.LEAVERS) / inPost;
      case agencyRate -> {
        double a = data.value(DfeTable.WORKFORCE, area, year, Column.AGENCY);
        yield a / (a + inPost);
      }
      case caseload -> data.value(DfeTable.WORKFORCE, area, year, Column.CASES)
          / data.value(DfeTable.WORKFORCE, area, year, Column.CASE_HOLDERS);
    };
  }

  /** The workforce return's columns the indicators are computed from. */
  private static final class Column {
    static final String INPOST = "inpost_fte";
    static final String VACANCY = "vacancy_fte";
    static final String LEAVERS = "leavers_fte";
    static final String AGENCY = "agency_fte";
    static final String CASES = "cases";
    static final String CASE_HOLDERS = "case_holders_fte";

    private Column() {}
  }
}
