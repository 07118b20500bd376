package org.caseload.sim.cli;

import java.util.concurrent.Callable;
import org.caseload.core.calibration.Calibration;
import org.caseload.core.calibration.Calibrator;
import org.caseload.core.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code caseload forecast}: calibrate from the DfE figures, then run. */
@Command(name = "forecast", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Calibrate a council at 30 September of a year and forecast it; the output"
        + " is that of 'run' (snapshots at 30 September of the following years); the"
        + " calibration's notes go to stderr (not with --quiet).")
final class ForecastCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  DataFlags data;

  @Mixin
  CouncilYear place;

  @Mixin
  ScenarioEditOptions edits;

  @Mixin
  InterventionOptions interventions;

  @Mixin
  RunFlags flags;

  @Mixin
  OutputFormat output;

  @Mixin
  TargetOptions targets;

  @Override
  public Integer call() {
    output.check();
    if (flags.out != null) {
      RunFlags.checkOut(flags.out); // before calibrating: its notes had come before the refusal
      data.checkNotData(flags.out, "--out");
    }
    Calibration calibration = data.calibrate(place.council, place.year,
        flags.months == null ? Calibrator.DEFAULT_HORIZON_MONTHS : flags.months);
    if (!flags.quiet) {
      calibration.notes().forEach(spec.commandLine().getErr()::println);
      spec.commandLine().getErr().flush();
    }
    Scenario scenario = interventions.apply(edits.apply(calibration.scenario()));
    flags.emit(spec.commandLine().getOut(), output.render(
        RunCommand.run(spec, flags, scenario, targets.parse())));
    return 0;
  }
}
