package org.caseload.sim.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.caseload.core.scenario.InvalidScenarioException;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.ScenarioJson;

/** Reads scenario files, turning every failure into a {@link UserError} naming the file. */
final class ScenarioFiles {

  /** Larger files are refused before reading. */
  static final long MAX_BYTES = 8L << 20;

  private ScenarioFiles() {}

  static Scenario read(Path file) {
    String json;
    try {
      if (Files.isDirectory(file)) {
        throw new UserError(file + ": is a directory, not a scenario file");
      }
      if (Files.size(file) > MAX_BYTES) {
        throw new UserError(file + ": is larger than " + (MAX_BYTES >> 20) + " MiB");
      }
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UserError(file + ": no such file");
    } catch (IOException e) {
      throw new UserError(file + ": cannot be read: " + FileReasons.of(e));
    }
    try {
      return ScenarioJson.read(json);
    } catch (InvalidScenarioException e) {
      List<String> lines = e.problems().stream().map(p -> file + ": " + p).toList();
      throw new UserError(lines);
    }
  }
}
