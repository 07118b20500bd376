package org.caseload.sim.output;

import java.util.List;
import java.util.Locale;
import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.SnapshotMetric;
import org.caseload.core.metrics.Unit;
import org.caseload.sim.engine.RunResult;
import org.caseload.sim.summary.Summary;
import org.caseload.sim.target.TargetResult;

/**
 * A readable table of a run: headline metrics by month as {@code mean [p5, p95]}, the 30
 * September DfE snapshots, and the targets. Long horizons show every third month.
 *
 * @implNote Stateless and thread-safe.
 */
public final class RunTable {

  /** The monthly columns. */
  public static final List<Metric> COLUMNS = List.of(Metric.caseload, Metric.unallocatedCases,
      Metric.inPostFte, Metric.agencyFte, Metric.vacancyRate, Metric.cost);

  private static final List<SnapshotMetric> SNAPSHOT_COLUMNS = List.of(SnapshotMetric.inPostFte,
      SnapshotMetric.vacancyRate, SnapshotMetric.turnoverRate, SnapshotMetric.agencyRate,
      SnapshotMetric.caseload, SnapshotMetric.unallocatedCases, SnapshotMetric.cost);

  private RunTable() {}

  public static String write(RunResult result) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%s: %,d replications, seed %d, from %s%s%n",
        result.scenario().name(), result.replications(), result.seed(), result.baseDate(),
        result.stoppedEarly() ? " (stopped early: precision reached)" : ""));
    out.append("Each cell: mean [5th, 95th percentile] over replications.\n\n");
    out.append(String.format(Locale.ROOT, "%5s  %-10s", "month", "date"));
    for (Metric m : COLUMNS) {
      out.append(String.format(Locale.ROOT, "  %-25s", m.name()));
    }
    out.append('\n');
    int step = result.months() > 24 ? 3 : 1;
    for (RunResult.MonthSummary month : result.monthly()) {
      if (month.month() % step != 0 && month.month() != 1 && month.month() != result.months()) {
        continue;
      }
      out.append(String.format(Locale.ROOT, "%5d  %-10s", month.month(), month.date()));
      for (Metric m : COLUMNS) {
        out.append(String.format(Locale.ROOT, "  %-25s", cell(m.unit(), month.get(m))));
      }
      out.append('\n');
    }
    if (!result.snapshots().isEmpty()) {
      out.append("\nDfE snapshots at 30 September (turnover and cost over the 12 months):\n");
      out.append(String.format(Locale.ROOT, "%-10s", "date"));
      for (SnapshotMetric m : SNAPSHOT_COLUMNS) {
        out.append(String.format(Locale.ROOT, "  %-27s", m.name()));
      }
      out.append('\n');
      for (RunResult.SnapshotSummary s : result.snapshots()) {
        out.append(String.format(Locale.ROOT, "%-10s", s.date()));
        for (SnapshotMetric m : SNAPSHOT_COLUMNS) {
          out.append(String.format(Locale.ROOT, "  %-27s", cell(m.unit(), s.get(m))));
        }
        out.append('\n');
      }
    }
    if (!result.targets().isEmpty()) {
      out.append("\nTargets (probability, 95% interval):\n");
      for (TargetResult t : result.targets()) {
        out.append(String.format(Locale.ROOT, "  %-50s %6.1f%%  [%.1f%%, %.1f%%]%n",
            t.target().text(), 100 * t.probability(), 100 * t.lower95(), 100 * t.upper95()));
      }
    }
    out.append("\nRates are fractions; cost is pounds (a month, or a year in snapshots)."
        + " Percentiles are at a fixed resolution (money to 0.05%, coarser for very wide"
        + " spreads; docs/monte-carlo.md). For skewed counts such as"
        + " unallocated cases the mean can lie outside the 5-95% band.\n");
    return out.toString();
  }

  static String cell(Unit unit, Summary s) {
    return format(unit, s.mean()) + " [" + format(unit, s.p5()) + ", " + format(unit, s.p95())
        + "]";
  }

  /** A value for a table cell: counts whole, FTE and caseloads to 0.1, rates to 0.001. */
  public static String format(Unit unit, double value) {
    String text = switch (unit) {
      case COUNT -> String.format(Locale.ROOT, "%.0f", value);
      case FTE, CASELOAD, MONTHS -> String.format(Locale.ROOT, "%.1f", value);
      case RATE -> String.format(Locale.ROOT, "%.3f", value);
      case MONEY -> String.format(Locale.ROOT, "%,.0f", value);
    };
    // A tiny negative rounds to "-0": show it as zero.
    return text.matches("-0(\\.0*)?") ? text.substring(1) : text;
  }
}
