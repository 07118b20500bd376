package org.caseload.sim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.caseload.core.calibration.Calibration;
import org.caseload.core.calibration.Calibrator;
import org.caseload.core.scenario.Scenario;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * {@code --preset NAME | --scenario FILE | --la NAME --year Y}: the base scenario of a
 * goal-seek or a sensitivity study, a preset, a file, or a council calibrated from the DfE
 * figures (as {@code caseload forecast} does).
 */
final class DecisionBase {

  @Option(names = "--preset", paramLabel = "NAME",
      description = "a preset scenario (see 'caseload presets')")
  String preset;

  @Option(names = "--scenario", paramLabel = "FILE", description = "a scenario JSON file")
  Path file;

  @ArgGroup(exclusive = false)
  CouncilYear council;

  /**
   * The scenario: a calibrated council over {@code months}
   * ({@link Calibrator#DEFAULT_HORIZON_MONTHS} when not given), its calibration notes written
   * to {@code err} unless {@code quiet}.
   */
  Scenario resolve(DataFlags data, Integer months, PrintWriter err, boolean quiet, Path out) {
    if (council == null) {
      return preset != null ? ScenarioChoice.preset(preset) : ScenarioFiles.read("--scenario", file);
    }
    data.checkNotData(out, "--out"); // before calibrating, as for --scenario
    Calibration calibration = data.calibrate(council.council, council.year,
        months == null ? Calibrator.DEFAULT_HORIZON_MONTHS : months);
    if (!quiet) {
      calibration.notes().forEach(err::println);
      err.flush();
    }
    return calibration.scenario();
  }
}
