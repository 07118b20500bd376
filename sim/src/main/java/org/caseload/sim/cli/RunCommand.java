package org.caseload.sim.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.caseload.core.scenario.Scenario;
import org.caseload.sim.engine.MonteCarlo;
import org.caseload.sim.engine.RunResult;
import org.caseload.sim.output.RunCsv;
import org.caseload.sim.output.RunJson;
import org.caseload.sim.output.RunTable;
import org.caseload.sim.target.Target;
import org.caseload.sim.target.TargetParser;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code caseload run}: Monte Carlo replications of one scenario, summarised. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Run replications of a scenario; print summaries by month, 30 September"
        + " snapshots and target probabilities.")
final class RunCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  ScenarioChoice choice;

  @Mixin
  RunFlags flags;

  enum Format { table, json, csv }

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table, json or csv (default ${DEFAULT-VALUE})")
  Format format;

  @Option(names = "--target", paramLabel = "EXPR",
      description = "a target, e.g. 'caseload <= 18 at month 12', 'vacancyRate <= 0.15 at"
          + " snapshot 2021-09-30', 'unallocatedCases == 0 in every month'; repeatable")
  List<String> targetTexts = new ArrayList<>();

  @Override
  public Integer call() {
    Scenario scenario = flags.horizon(choice.resolve());
    List<Target> targets = new ArrayList<>();
    for (String text : targetTexts) {
      try {
        targets.add(TargetParser.parse(text));
      } catch (IllegalArgumentException e) {
        throw new UserError("--target: " + e.getMessage());
      }
    }
    ProgressBar bar = flags.progressBar(spec.commandLine().getErr());
    RunResult result;
    try {
      result = MonteCarlo.run(scenario, flags.options(bar), targets);
    } catch (IllegalArgumentException e) {
      throw new UserError("--target: " + e.getMessage());
    } finally {
      bar.finish();
    }
    flags.emit(spec.commandLine().getOut(), switch (format) {
      case json -> RunJson.write(result);
      case csv -> RunCsv.write(result);
      case table -> RunTable.write(result);
    });
    return 0;
  }
}
