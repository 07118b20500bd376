package org.caseload.core.metrics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The monthly metrics of one replication (or of the expected-value projection), months 1 to
 * the horizon, and the 30 September snapshots they contain.
 *
 * @implNote Immutable and thread-safe.
 */
public final class Trajectory {

  private final LocalDate baseDate;
  private final double[][] rows;

  private Trajectory(LocalDate baseDate, double[][] rows) {
    this.baseDate = baseDate;
    this.rows = rows;
  }

  /**
   * A trajectory from rows of metrics: {@code rows[t - 1]} holds month t, indexed by
   * {@link Metric#ordinal()}. The rows are copied.
   */
  public static Trajectory of(LocalDate baseDate, double[][] rows) {
    double[][] copy = new double[rows.length][];
    for (int t = 0; t < rows.length; t++) {
      if (rows[t].length != Metric.COUNT) {
        throw new IllegalArgumentException("row " + t + " has " + rows[t].length
            + " values, expected " + Metric.COUNT);
      }
      copy[t] = rows[t].clone();
    }
    return new Trajectory(baseDate, copy);
  }

  public LocalDate baseDate() {
    return baseDate;
  }

  /** Months projected. */
  public int months() {
    return rows.length;
  }

  /** The end of month {@code month}. */
  public LocalDate dateOf(int month) {
    LocalDate d = baseDate.plusMonths(month);
    return d.withDayOfMonth(d.lengthOfMonth());
  }

  /** The value of {@code metric} in month {@code month} (1 to {@link #months()}). */
  public double value(int month, Metric metric) {
    return rows[month - 1][metric.ordinal()];
  }

  /** Every value of month {@code month}, indexed by metric ordinal (a copy). */
  public double[] row(int month) {
    return Arrays.copyOf(rows[month - 1], Metric.COUNT);
  }

  /** The months whose end is a 30 September. */
  public List<Integer> snapshotMonths() {
    List<Integer> months = new ArrayList<>();
    for (int t = 1; t <= rows.length; t++) {
      if (dateOf(t).getMonthValue() == 9) {
        months.add(t);
      }
    }
    return months;
  }

  /** The DfE snapshot at the end of month {@code month}, which must be a September. */
  public DfeSnapshot snapshot(int month) {
    return DfeSnapshot.at(this, month);
  }

  /** Every 30 September snapshot in the horizon. */
  public List<DfeSnapshot> snapshots() {
    return snapshotMonths().stream().map(this::snapshot).toList();
  }
}
