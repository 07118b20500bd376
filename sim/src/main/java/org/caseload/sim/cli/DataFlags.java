package org.caseload.sim.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.caseload.core.calibration.Calibration;
import org.caseload.core.calibration.Calibrator;
import org.caseload.core.calibration.UncalibratableException;
import org.caseload.core.data.Area;
import org.caseload.core.data.DfeData;
import org.caseload.core.data.UnknownAreaException;
import org.caseload.core.data.UnreadableFileException;
import org.caseload.core.data.UnusableFolderException;
import org.caseload.core.scenario.Scenario;
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
      } catch (UnusableFolderException e) {
        throw new UserError("--data: " + e.getMessage());
      } catch (IOException e) {
        throw new UserError("--data: cannot read " + folder + ": " + FileReasons.of(e));
      }
    }
    return data;
  }

  /** {@link RunFlags#checkNotData} on the files of this folder (read if not yet read). */
  void checkNotData(Path file, String flag) {
    if (file != null) {
      RunFlags.checkNotData(file, flag, data());
    }
  }

  Area area(String name) {
    try {
      return data().area(name);
    } catch (UnknownAreaException e) {
      throw new UserError("--la: " + e.getMessage());
    }
  }

  /** The area named, for figures of {@code year} (a name two councils have had, by year). */
  Area area(String name, int year) {
    try {
      return data().area(name, year);
    } catch (UnknownAreaException e) {
      throw new UserError("--la: " + e.getMessage());
    }
  }

  Calibration calibrate(String name, int year, int months) {
    if (months < 1 || months > Scenario.MAX_HORIZON_MONTHS) {
      throw new UserError("--months: must be between 1 and " + Scenario.MAX_HORIZON_MONTHS
          + ", was " + months);
    }
    Area area = area(name, year);
    try {
      return Calibrator.calibrate(data(), area, year, months);
    } catch (UncalibratableException e) {
      String flag = switch (e.reason()) {
        case NOT_PUBLISHED -> "--year";
        case PUBLISHED_JOINTLY -> "--la";
        case UNUSABLE_FIGURES -> "--data: " + folder;
      };
      throw new UserError(flag + ": " + e.getMessage());
    }
  }
}
