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

  /** The snapshot of a trajectory at month {@code month}. */
  public static DfeSnapshot at(Trajectory trajectory, int month) {
    LocalDate date = trajectory.dateOf(month);
    if (date.getMonthValue() != 9) {
      throw new IllegalArgumentException("month " + month + " ends on " + date
          + ", not on 30 September");
    }
    int observed = Math.min(12, month);
    double scale = 12.0 / observed;
    double referrals = 0;
    double starters = 0;
    double leavers = 0;
    double cost = 0;
    for (int t = month - observed + 1; t <= month; t++) {
      referrals += trajectory.value(t, Metric.referrals);
      starters += trajectory.value(t, Metric.starters);
      leavers += trajectory.value(t, Metric.leavers);
      cost += trajectory.value(t, Metric.cost);
    }
    double[] v = new double[SnapshotMetric.COUNT];
    double inPost = trajectory.value(month, Metric.inPostFte);
    double agency = trajectory.value(month, Metric.agencyFte);
    double vacancies = trajectory.value(month, Metric.vacancyFte);
    double cases = trajectory.value(month, Metric.cases);
    double holders = trajectory.value(month, Metric.caseHolderFte);
    v[SnapshotMetric.inPostFte.ordinal()] = inPost;
    v[SnapshotMetric.agencyFte.ordinal()] = agency;
    v[SnapshotMetric.vacancyFte.ordinal()] = vacancies;
    v[SnapshotMetric.vacancyRate.ordinal()] = DfeIndicators.vacancyRate(vacancies, inPost);
    v[SnapshotMetric.turnoverRate.ordinal()] =
        DfeIndicators.turnoverRate(leavers * scale, inPost);
    v[SnapshotMetric.agencyRate.ordinal()] = DfeIndicators.agencyRate(agency, inPost);
    v[SnapshotMetric.caseload.ordinal()] = DfeIndicators.caseload(cases, holders);
    v[SnapshotMetric.cases.ordinal()] = cases;
    v[SnapshotMetric.caseHolderFte.ordinal()] = holders;
    v[SnapshotMetric.unallocatedCases.ordinal()] =
        trajectory.value(month, Metric.unallocatedCases);
    v[SnapshotMetric.referrals.ordinal()] = referrals * scale;
    v[SnapshotMetric.starters.ordinal()] = starters * scale;
    v[SnapshotMetric.leavers.ordinal()] = leavers * scale;
    v[SnapshotMetric.cost.ordinal()] = cost * scale;
    return new DfeSnapshot(date, month, observed, v);
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
