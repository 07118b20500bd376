package org.caseload.sim.cli;

import java.util.concurrent.Callable;
import org.caseload.core.calibration.Calibration;
import org.caseload.core.calibration.Calibrator;
import org.caseload.core.scenario.ScenarioJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code caseload calibrate}: a scenario from the DfE figures of a council and year. */
@Command(name = "calibrate", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Build a scenario at 30 September of a year from the DfE figures of that"
        + " year and earlier; print its JSON (notes on stderr).")
final class CalibrateCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  DataFlags data;

  @Mixin
  CouncilYear place;

  @Option(names = "--months", paramLabel = "M",
      defaultValue = "" + Calibrator.DEFAULT_HORIZON_MONTHS,
      description = "horizon of the scenario (default ${DEFAULT-VALUE})")
  int months;

  @Option(names = "--out", paramLabel = "FILE", description = "write the scenario here")
  java.nio.file.Path out;

  @Option(names = "--quiet", description = "no notes on stderr")
  boolean quiet;

  @Override
  public Integer call() {
    if (out != null) {
      RunFlags.checkOut(out); // before calibrating: its notes had come before the refusal
      data.checkNotData(out, "--out");
    }
    Calibration calibration = data.calibrate(place.council, place.year, months);
    if (!quiet) {
      calibration.notes().forEach(spec.commandLine().getErr()::println);
      spec.commandLine().getErr().println("years of data read: " + calibration.yearsRead());
      spec.commandLine().getErr().flush();
    }
    RunFlags writer = new RunFlags();
    writer.out = out;
    writer.emit(spec.commandLine().getOut(), ScenarioJson.write(calibration.scenario()) + "\n");
    return 0;
  }
}
