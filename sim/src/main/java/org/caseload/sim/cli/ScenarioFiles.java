package org.caseload.sim.cli;

import java.nio.file.Path;
import java.util.List;
import org.caseload.core.data.InputFile;
import org.caseload.core.data.UnreadableFileException;
import org.caseload.core.scenario.InvalidScenarioException;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.ScenarioJson;

/**
 * Reads scenario files and other JSON input, turning every failure into a {@link UserError}
 * naming the file: only regular files (never a device or FIFO such as {@code /dev/zero}, which
 * has no end), at most {@link #MAX_BYTES}, in bounded memory, by {@link InputFile}'s rules.
 */
public final class ScenarioFiles {

  /** Larger files are refused before reading. */
  static final long MAX_BYTES = 8L << 20;

  private ScenarioFiles() {}

  static Scenario read(Path file) {
    return read(null, file);
  }

  /**
   * The scenario in {@code file}; {@code flag} (--scenario), when not null, starts the message
   * of a file that cannot be read.
   */
  static Scenario read(String flag, Path file) {
    String json = readText(flag, file, "a scenario file");
    try {
      return ScenarioJson.read(json);
    } catch (InvalidScenarioException e) {
      List<String> lines = e.problems().stream().map(p -> file + ": " + p).toList();
      throw new UserError(lines);
    }
  }

  /**
   * The UTF-8 text of {@code file}, a regular file of at most {@link #MAX_BYTES} ({@code what}
   * names what it should be, for the message about a folder: "a scenario file").
   */
  public static String readText(String flag, Path file, String what) {
    String where = (flag == null ? "" : flag + ": ") + file;
    if (file.toString().isEmpty()) {
      throw new UserError((flag == null ? "FILE" : flag) + ": the file name is empty; give "
          + what);
    }
    try {
      return InputFile.readText(file, MAX_BYTES, what);
    } catch (UnreadableFileException e) {
      if (e.reason() == UnreadableFileException.Reason.FOLDER) {
        throw new UserError(where + ": is a directory, not " + what);
      }
      throw new UserError(where + ": " + FileReasons.of(e));
    }
  }
}
