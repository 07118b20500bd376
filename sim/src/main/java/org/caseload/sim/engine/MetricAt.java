package org.caseload.sim.engine;

import java.time.LocalDate;
import java.util.Objects;
import org.caseload.core.metrics.DfeSnapshot;
import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.SnapshotMetric;
import org.caseload.core.scenario.Scenario;

/**
 * The output a sensitivity analysis studies: a monthly metric at a month, or a 30 September
 * indicator at its snapshot month.
 *
 * @param metric the monthly metric, or null for a snapshot indicator
 * @param snapshotMetric the snapshot indicator, or null
 * @param month the month (for a snapshot: the month ending on its 30 September)
 * @implNote Immutable and thread-safe; {@link #value} allocates its own buffer.
 */
public record MetricAt(Metric metric, SnapshotMetric snapshotMetric, int month) {

  public MetricAt {
    if ((metric == null) == (snapshotMetric == null)) {
      throw new IllegalArgumentException("one of a monthly metric or a snapshot indicator");
    }
  }

  public static MetricAt month(Metric metric, int month) {
    return new MetricAt(Objects.requireNonNull(metric), null, month);
  }

  /**
   * The indicator at the snapshot {@code date} of {@code scenario}.
   *
   * @throws IllegalArgumentException if the date is not a 30 September within the horizon
   */
  public static MetricAt snapshot(SnapshotMetric metric, LocalDate date, Scenario scenario) {
    for (int t = 1; t <= scenario.horizonMonths(); t++) {
      if (scenario.dateOf(t).equals(date) && date.getMonthValue() == 9) {
        return new MetricAt(null, Objects.requireNonNull(metric), t);
      }
    }
    throw new IllegalArgumentException(date + " is not a 30 September within the horizon ("
        + scenario.dateOf(1) + " to " + scenario.dateOf(scenario.horizonMonths()) + ")");
  }

  /** Checks that the month is within {@code scenario}'s horizon. */
  public MetricAt within(Scenario scenario) {
    if (month < 1 || month > scenario.horizonMonths()) {
      throw new IllegalArgumentException("month " + month + " is outside the horizon of "
          + scenario.horizonMonths() + " months");
    }
    return this;
  }

  /**
   * The value in one replication's rows; NaN where it has none ({@link Metric#definedIn},
   * {@link SnapshotMetric#definedIn}: a caseload with nobody holding cases reads 0, which is
   * no caseload), which a study leaves out of its means as runs leave it out of summaries.
   */
  public double value(double[][] rows) {
    if (metric != null) {
      double[] row = rows[month - 1];
      return metric.definedIn(row) ? row[metric.ordinal()] : Double.NaN;
    }
    double[] buffer = new double[SnapshotMetric.COUNT];
    DfeSnapshot.compute(rows, month, buffer);
    return snapshotMetric.definedIn(buffer) ? buffer[snapshotMetric.ordinal()] : Double.NaN;
  }

  /**
   * The output's name in JSON and CSV: {@code caseload at month 12}, or for an indicator its
   * 30 September and month, {@code vacancyRate at snapshot 2020-09-30 (month 12)} (it had
   * read "at snapshot month 12", a month no reader could date).
   */
  public String describe(Scenario scenario) {
    return name(scenario, false);
  }

  /**
   * The output's name, the one rule of its forms: {@link #describe}'s, or with {@code dated}
   * a month's year and month too, as the tables date months ({@code cost at month 12
   * (2020-09)}).
   */
  public String name(Scenario scenario, boolean dated) {
    LocalDate date = scenario.dateOf(month);
    return metric != null
        ? metric.name() + " at month " + month + (dated ? " (" + date.toString().substring(0, 7)
            + ")" : "")
        : snapshotMetric.name() + " at snapshot " + date + " (month " + month + ")";
  }

  @Override
  public String toString() {
    return metric != null ? metric.name() + " at month " + month
        : snapshotMetric.name() + " at snapshot month " + month;
  }
}
