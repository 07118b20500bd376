package org.caseload.sim.cli;

import java.util.concurrent.Callable;
import org.caseload.sim.output.MetricCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code caseload metrics}: every metric with its unit and meaning. */
@Command(name = "metrics", mixinStandardHelpOptions = true,
    description = "List every metric (for --metrics and --target) with its unit and meaning.")
final class MetricsCommand implements Callable<Integer> {

  enum Format { table, csv, json }

  @Spec
  CommandSpec spec;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table, csv or json, for scripts (default ${DEFAULT-VALUE})")
  Format format;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(switch (format) {
      case table -> MetricCatalog.text();
      case csv -> MetricCatalog.csv();
      case json -> MetricCatalog.json();
    });
    return 0;
  }
}
