package org.caseload.sim.output;

import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.SnapshotMetric;
import org.caseload.sim.engine.RunResult;
import org.caseload.sim.summary.Summary;

/**
 * Tidy CSV of a run: one row per metric per period, {@code period} being {@code month} or
 * {@code snapshot} (30 September; its {@code month} is the month of the horizon it falls at).
 *
 * @implNote Stateless and thread-safe.
 */
public final class RunCsv {

  /** The header row. */
  public static final String HEADER =
      "period,month,date,metric,mean,sd,se,p5,p10,p25,p50,p75,p90,p95";

  private RunCsv() {}

  public static String write(RunResult result) {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    for (RunResult.MonthSummary month : result.monthly()) {
      for (Metric m : Metric.values()) {
        row(out, "month", month.month(), month.date().toString(), m.name(), month.get(m));
      }
    }
    for (RunResult.SnapshotSummary snapshot : result.snapshots()) {
      for (SnapshotMetric m : SnapshotMetric.values()) {
        row(out, "snapshot", snapshot.month(), snapshot.date().toString(), m.name(),
            snapshot.get(m));
      }
    }
    return out.toString();
  }

  static void row(StringBuilder out, String period, int month, String date, String metric,
      Summary summary) {
    out.append(period).append(',').append(month).append(',').append(date).append(',')
        .append(metric);
    for (double v : summary.values()) {
      out.append(',').append(Double.isFinite(v) ? Double.toString(v) : "");
    }
    out.append('\n');
  }
}
