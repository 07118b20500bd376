package org.caseload.sim.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.caseload.core.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code caseload validate FILE}: checks a scenario file and lists every problem. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check a scenario file; print every problem with its path (exit 2) or 'ok'.")
final class ValidateCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "scenario JSON file")
  Path file;

  @Override
  public Integer call() {
    Scenario scenario = ScenarioFiles.read(file);
    spec.commandLine().getOut().printf("%s: ok (%s, %d teams, %d interventions, %d months)%n",
        file, scenario.name(), scenario.teams().size(), scenario.interventions().size(),
        scenario.horizonMonths());
    return 0;
  }
}
