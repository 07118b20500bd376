package org.caseload.sim.backtest;

import java.util.List;
import org.caseload.core.data.Area;
import org.caseload.core.data.DfeData;
import org.caseload.core.data.DfeTable;
import org.caseload.core.metrics.DfeIndicators;
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
   * the FTE counts by the DfE definitions, {@link DfeIndicators}), or NaN if not published or
   * its denominator is empty (where the DfE prints no rate; the indicators' own 0 would be
   * scored as a published 0).
   */
  public double actual(DfeData data, Area area, int year) {
    double inPost = read(data, area, year, Column.INPOST);
    return switch (this) {
      case inPostFte -> inPost;
      case vacancyRate -> {
        double v = read(data, area, year, Column.VACANCY);
        yield over(v + inPost, DfeIndicators.vacancyRate(v, inPost));
      }
      case turnoverRate -> over(inPost,
          DfeIndicators.turnoverRate(read(data, area, year, Column.LEAVERS), inPost));
      case agencyRate -> {
        double a = read(data, area, year, Column.AGENCY);
        yield over(a + inPost, DfeIndicators.agencyRate(a, inPost));
      }
      case caseload -> {
        double holders = read(data, area, year, Column.CASE_HOLDERS);
        yield over(holders, DfeIndicators.caseload(read(data, area, year, Column.CASES), holders));
      }
    };
  }

  private static double read(DfeData data, Area area, int year, String column) {
    return data.value(DfeTable.WORKFORCE, area, year, column);
  }

  /** {@code indicator}, or NaN where its {@code denominator} is not a positive published figure. */
  private static double over(double denominator, double indicator) {
    return denominator > 0 ? indicator : Double.NaN;
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
