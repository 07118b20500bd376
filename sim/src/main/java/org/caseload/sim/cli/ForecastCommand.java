package org.caseload.sim.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.caseload.core.calibration.Calibration;
import org.caseload.sim.engine.MonteCarlo;
import org.caseload.sim.engine.RunResult;
import org.caseload.sim.output.RunCsv;
import org.caseload.sim.output.RunJson;
import org.caseload.sim.output.RunTable;
import org.caseload.sim.target.Target;
import org.caseload.sim.target.TargetParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code caseload forecast}: calibrate from the DfE figures, then run. */
@Command(name = "forecast", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Calibrate a council at 30 September of a year and forecast it; the output"
        + " is that of 'run' (snapshots at 30 September of the following years).")
final class ForecastCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  DataFlags data;

  @Option(names = "--la", paramLabel = "NAME", required = true,
      description = "council name or code; also a region or England")
  String council;

  @Option(names = "--year", paramLabel = "Y", required = true,
      description = "base year: the state at 30 September Y")
  int year;

  @Mixin
  RunFlags flags;

  enum Format { table, json, csv }

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table, json or csv (default ${DEFAULT-VALUE})")
  Format format;

  @Option(names = "--target", paramLabel = "EXPR", description = "a target, as for 'run'")
  List<String> targetTexts = new ArrayList<>();

  @Override
  public Integer call() {
    Calibration calibration = data.calibrate(council, year,
        flags.months == null ? 36 : flags.months);
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
      result = MonteCarlo.run(calibration.scenario(), flags.options(bar), targets);
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
