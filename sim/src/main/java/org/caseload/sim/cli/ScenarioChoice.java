package org.caseload.sim.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.caseload.core.scenario.Scenario;
import org.caseload.sim.presets.Presets;
import picocli.CommandLine.Option;

/** {@code --preset NAME | --scenario FILE}: the scenario a command runs. */
final class ScenarioChoice {

  @Option(names = "--preset", paramLabel = "NAME", description = "a preset scenario (see 'caseload presets')")
  String preset;

  @Option(names = "--scenario", paramLabel = "FILE", description = "a scenario JSON file")
  Path file;

  Scenario resolve() {
    if ((preset == null) == (file == null)) {
      throw new UserError("give exactly one of --preset NAME or --scenario FILE");
    }
    return preset != null ? preset(preset) : ScenarioFiles.read("--scenario", file);
  }

  /** A preset by name, or a user error listing the closest names. */
  static Scenario preset(String name) {
    return Presets.load(name).orElseThrow(() -> new UserError("--preset: unknown preset '"
        + name + "'; closest: " + String.join(", ", Presets.closest(name))));
  }

  /**
   * A preset name or a file path; a name that is both (a file named like a preset in the
   * working folder) is refused rather than read as one of them unsaid.
   */
  static Scenario presetOrFile(String option, String value) {
    if (Presets.description(value) != null) {
      if (Files.isRegularFile(Path.of(value))) {
        throw new UserError(option + ": '" + value + "' is both a preset and a file here;"
            + " write ./" + value + " for the file, or rename the file to use the preset");
      }
      return preset(value);
    }
    Path path = Path.of(value);
    if (!path.toFile().exists() && !value.endsWith(".json")) {
      throw new UserError(option + ": '" + value + "' is neither a preset ("
          + String.join(", ", Presets.names()) + ") nor a file");
    }
    return ScenarioFiles.read(option, path);
  }
}
