package org.caseload.sim.cli;

import java.util.ArrayList;
import java.util.List;
import org.caseload.core.metrics.Metric;
import org.caseload.sim.engine.ComparisonResult;
import org.caseload.sim.engine.RunResult;
import org.caseload.sim.output.ComparisonOutput;
import org.caseload.sim.output.RunCsv;
import org.caseload.sim.output.RunJson;
import org.caseload.sim.output.RunTable;
import picocli.CommandLine.Option;

/**
 * {@code --format table|json|csv}, {@code --metrics} and {@code --wide}, and the rendering of
 * results with them.
 */
final class OutputFormat {

  enum Format { table, json, csv }

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table, json or csv (default ${DEFAULT-VALUE})")
  Format format;

  @Option(names = "--metrics", paramLabel = "NAME,NAME", split = ",",
      description = "the monthly metrics to show in the table and CSV (default: caseload,"
          + " caseloadAssessment, caseloadLongTerm, unallocatedCases, vacancyRate, agencyFte,"
          + " cost in the table, every metric in CSV; 'caseload metrics' lists them). JSON"
          + " always has every metric")
  List<String> metricNames;

  @Option(names = "--wide", description = "with --format csv: one row per month and one"
      + " column per metric and statistic (caseload_mean, caseload_p5...), for spreadsheets")
  boolean wide;

  String render(RunResult result) {
    List<Metric> metrics = metrics();
    return switch (checked()) {
      case json -> RunJson.write(result);
      case csv -> wide ? RunCsv.wide(result, or(metrics, List.of(Metric.values())))
          : RunCsv.write(result, or(metrics, List.of(Metric.values())));
      case table -> RunTable.write(result, or(metrics, RunTable.COLUMNS));
    };
  }

  String render(ComparisonResult result) {
    List<Metric> metrics = metrics();
    return switch (checked()) {
      case json -> ComparisonOutput.json(result);
      case csv -> wide ? ComparisonOutput.wideCsv(result, or(metrics, List.of(Metric.values())))
          : ComparisonOutput.csv(result, or(metrics, List.of(Metric.values())));
      case table -> ComparisonOutput.table(result, or(metrics, RunTable.COLUMNS));
    };
  }

  /** Checks --metrics and --wide, so that a mistake stops a command before it runs. */
  void check() {
    metrics();
    checked();
  }

  private Format checked() {
    if (wide && format != Format.csv) {
      throw new UserError("--wide: is a layout of CSV; add --format csv");
    }
    return format;
  }

  private static List<Metric> or(List<Metric> chosen, List<Metric> otherwise) {
    return chosen.isEmpty() ? otherwise : chosen;
  }

  /** The metrics named by --metrics, in order; a user error names one that is not a metric. */
  List<Metric> metrics() {
    List<Metric> metrics = new ArrayList<>();
    if (metricNames == null) {
      return metrics;
    }
    if (metricNames.stream().allMatch(String::isBlank)) {
      throw new UserError("--metrics: give metric names separated by commas, e.g."
          + " caseload,unallocatedCases ('caseload metrics' lists every metric)");
    }
    for (String raw : metricNames) {
      String name = raw.strip();
      if (name.isEmpty()) {
        continue;
      }
      Metric metric = Metric.byName(name);
      if (metric == null) {
        throw new UserError("--metrics: " + Metric.notAMetric(name));
      }
      if (!metrics.contains(metric)) {
        metrics.add(metric);
      }
    }
    return metrics;
  }
}
