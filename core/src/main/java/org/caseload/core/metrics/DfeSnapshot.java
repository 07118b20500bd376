package org.caseload.core.metrics;

import java.time.LocalDate;

/**
 * The 30 September snapshot, as the DfE computes it from a workforce return. Flows are
 * summed over the 12 months to 30 September; when fewer months have been projected, the
 * months available are scaled to a year (so a snapshot 6 months after the base date doubles
 * its 6 months of leavers), and {@link #monthsObserved()} says so.
 *
 * @param date the 30 September
 * @param month the month of the horizon it falls at
 * @param monthsObserved months of flows behind it, at most 12
 * @param values indexed by {@link SnapshotMetric#ordinal()}
 */
public record DfeSnapshot(LocalDate date, int month, int monthsObserved, double[] values) {

  public DfeSnapshot {
    values = values.clone();
  }

  /** The months of flows behind a snapshot at month {@code month}: at most the 12 to it. */
  public static int monthsObserved(int month) {
    return Math.min(12, month);
  }

  /** The snapshot of a trajectory at month {@code month}. */
  public static DfeSnapshot at(Trajectory trajectory, int month) {
    LocalDate date = trajectory.dateOf(month);
    if (date.getMonthValue() != 9) {
      throw new IllegalArgumentException("month " + month + " ends on " + date
          + ", not on 30 September");
    }
    double[][] rows = new double[trajectory.months()][];
    for (int t = 1; t <= trajectory.months(); t++) {
      rows[t - 1] = trajectory.row(t);
    }
    double[] values = new double[SnapshotMetric.COUNT];
    compute(rows, month, values);
    return new DfeSnapshot(date, month, monthsObserved(month), values);
  }

  /**
   * Computes the snapshot at month {@code month} from monthly rows ({@code rows[t - 1]} holds
   * month t, indexed by {@link Metric#ordinal()}) into {@code out}, indexed by
   * {@link SnapshotMetric#ordinal()}, without allocating.
   */
  public static void compute(double[][] rows, int month, double[] out) {
    int observed = monthsObserved(month);
    double scale = 12.0 / observed;
    double referrals = 0;
    double starters = 0;
    double leavers = 0;
    double cost = 0;
    for (int t = month - observed + 1; t <= month; t++) {
      double[] row = rows[t - 1];
      referrals += row[Metric.referrals.ordinal()];
      starters += row[Metric.starters.ordinal()];
      leavers += row[Metric.leavers.ordinal()];
      cost += row[Metric.cost.ordinal()];
    }
    double[] row = rows[month - 1];
    double inPost = row[Metric.inPostFte.ordinal()];
    double agency = row[Metric.agencyFte.ordinal()];
    double vacancies = row[Metric.vacancyFte.ordinal()];
    double cases = row[Metric.cases.ordinal()];
    double holders = row[Metric.caseHolderFte.ordinal()];
    out[SnapshotMetric.inPostFte.ordinal()] = inPost;
    out[SnapshotMetric.agencyFte.ordinal()] = agency;
    out[SnapshotMetric.vacancyFte.ordinal()] = vacancies;
    out[SnapshotMetric.vacancyRate.ordinal()] = DfeIndicators.vacancyRate(vacancies, inPost);
    out[SnapshotMetric.turnoverRate.ordinal()] =
        DfeIndicators.turnoverRate(leavers * scale, inPost);
    out[SnapshotMetric.agencyRate.ordinal()] = DfeIndicators.agencyRate(agency, inPost);
    out[SnapshotMetric.caseload.ordinal()] = DfeIndicators.caseload(cases, holders);
    out[SnapshotMetric.cases.ordinal()] = cases;
    out[SnapshotMetric.caseHolderFte.ordinal()] = holders;
    out[SnapshotMetric.unallocatedCases.ordinal()] = row[Metric.unallocatedCases.ordinal()];
    out[SnapshotMetric.referrals.ordinal()] = referrals * scale;
    out[SnapshotMetric.starters.ordinal()] = starters * scale;
    out[SnapshotMetric.leavers.ordinal()] = leavers * scale;
    out[SnapshotMetric.cost.ordinal()] = cost * scale;
  }

  /** The value of one indicator. */
  public double value(SnapshotMetric metric) {
    return values[metric.ordinal()];
  }

  @Override
  public double[] values() {
    return values.clone();
  }
}
