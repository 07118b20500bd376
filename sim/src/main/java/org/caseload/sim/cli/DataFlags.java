package org.caseload.sim.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.caseload.core.calibration.Calibration;
import org.caseload.core.calibration.Calibrator;
import org.caseload.core.data.Area;
import org.caseload.core.data.DfeData;
import org.caseload.core.data.UnknownAreaException;
import org.caseload.core.data.UnreadableFileException;
import org.caseload.core.scenario.InvalidScenarioException;
import picocli.CommandLine.Option;

/** {@code --data DIR}: where the DfE files are, read once per command. */
final class DataFlags {

  @Option(names = "--data", paramLabel = "DIR", defaultValue = CaseloadCommand.DFE_FOLDER,
      description = "folder of DfE CSV files (default ${DEFAULT-VALUE}); a newer release can be"
          + " dropped in")
  Path folder;

  private DfeData data;

  DfeData data() {
    if (data == null) {
      try {
        data = DfeData.load(folder);
      } catch (UnreadableFileException e) {
        throw new UserError("--data: " + e.file() + ": " + FileReasons.of(e));
      } catch (IOException e) {
        throw new UserError("--data: cannot read " + folder + ": " + FileReasons.of(e));
      } catch (IllegalArgumentException e) {
        throw new UserError("--data: " + e.getMessage());
      }
    }
    return data;
  }

  Area area(String name) {
    try {
      return data().area(name);
    } catch (UnknownAreaException e) {
      throw new UserError("--la: " + e.getMessage());
    }
  }

  Calibration calibrate(String name, int year, int months) {
    if (months < 1 || months > 120) {
      throw new UserError("--months: must be between 1 and 120, was " + months);
    }
    Area area = area(name);
    try {
      return Calibrator.calibrate(data(), area, year, months);
    } catch (InvalidScenarioException e) {
      throw new UserError("--data: the figures of " + area.name() + " for " + year + " in "
          + folder + " give an invalid scenario: " + String.join("; ",
              e.problems().stream().map(Object::toString).toList()));
    } catch (IllegalArgumentException e) {
      throw new UserError("--year: " + e.getMessage());
    }
  }
}
