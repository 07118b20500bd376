package org.caseload.sim.cli;

import java.util.ArrayList;
import java.util.List;
import org.caseload.core.scenario.FieldSetting;
import org.caseload.core.scenario.InvalidScenarioException;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.ScenarioEdits;
import picocli.CommandLine.Option;

/** {@code --set PATH=VALUE}, repeatable: scenario fields set by their JSON path. */
final class ScenarioEditOptions {

  @Option(names = "--set", paramLabel = "PATH=VALUE",
      description = "set a field of the scenario by its path in the JSON form, e.g."
          + " parameters.demand.annualGrowth=0.08 or teams[1].establishment=197.4; checked as a"
          + " scenario file is (docs/scenario-format.md); repeatable")
  List<String> assignments = new ArrayList<>();

  /** {@code scenario} with the settings applied, or a user error naming each bad field. */
  Scenario apply(Scenario scenario) {
    try {
      List<FieldSetting> settings = assignments.stream().map(FieldSetting::parse).toList();
      return ScenarioEdits.apply(scenario, settings);
    } catch (InvalidScenarioException e) {
      throw new UserError(e.problems().stream().map(p -> "--set: " + p + hint(p.reason()))
          .toList());
    }
  }

  private static String hint(String reason) {
    return reason.startsWith("is not a field") ? " (docs/scenario-format.md lists the fields)"
        : "";
  }
}
