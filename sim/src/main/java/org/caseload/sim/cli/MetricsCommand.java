package org.caseload.sim.cli;

import java.util.concurrent.Callable;
import org.caseload.sim.output.MetricCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code caseload metrics}: every metric with its unit and meaning. */
@Command(name = "metrics", mixinStandardHelpOptions = true,
    description = "List every metric (for --metrics and --target) with its unit and meaning.")
final class MetricsCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(MetricCatalog.text());
    return 0;
  }
}
