package org.caseload.sim.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.TeamMetric;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.ScenarioJson;
import org.caseload.sim.engine.MonteCarlo;
import org.caseload.sim.engine.RunOptions;
import org.caseload.sim.engine.RunResult;
import org.caseload.sim.presets.Presets;
import org.junit.jupiter.api.Test;

/**
 * Per-team outputs appear where a role has several teams, with the same summaries in the
 * table, the JSON and the CSV; with one team per role the outputs are as before.
 * Deterministic (fixed seed): no false failures.
 */
class TeamOutputsTest {

  @Test
  void localities_haveTheirTeamsInEveryOutput() throws IOException {
    Scenario scenario = ScenarioJson.read(
        Files.readString(Path.of("..", "examples", "medway-2019-localities.json")))
        .withHorizon(12);
    RunResult result = MonteCarlo.run(scenario,
        RunOptions.builder().replications(200).seed(3).threads(2).build(), List.of());
    int east = scenario.teamIndex("east");
    double eastCaseload = result.summary(12, east, TeamMetric.caseload).mean();
    double westCaseload =
        result.summary(12, scenario.teamIndex("west"), TeamMetric.caseload).mean();
    // East has 40% of the long-term staff for half the demand.
    assertThat(eastCaseload).isGreaterThan(westCaseload + 3);
    assertThat(RunTable.write(result)).contains("By team").contains("east").contains("west");
    assertThat(RunJson.tree(result).get("teams").get(east).get("monthly").get(11)
        .get("metrics").get("caseload").get("mean").asDouble()).isEqualTo(eastCaseload);
    String csvRow = RunCsv.write(result).lines()
        .filter(line -> line.startsWith("team,12,") && line.contains(",east/caseload,"))
        .findFirst().orElseThrow();
    assertThat(csvRow.split(",")[4]).isEqualTo(CsvNumbers.format(eastCaseload));

    // wide: the team columns after the service's, the same figure at month 12
    List<String> wide = RunCsv.wide(result, List.of(Metric.values())).lines().toList();
    List<String> header = List.of(wide.get(0).split(","));
    int column = header.indexOf("east/caseload_mean");
    assertThat(column).isGreaterThan(header.indexOf("caseload_mean"));
    assertThat(wide.get(12).split(",")[column]).isEqualTo(CsvNumbers.format(eastCaseload));
    assertThat(wide).allSatisfy(line -> assertThat(line.split(",", -1)).hasSize(header.size()));

    // a choice of metrics narrows the team metrics to those of the same names
    List<Metric> chosen = List.of(Metric.unallocatedCases);
    assertThat(RunCsv.write(result, chosen).lines().filter(l -> l.startsWith("team,")))
        .isNotEmpty().allSatisfy(l -> assertThat(l).contains("/unallocatedCases,"));
    assertThat(RunCsv.wide(result, chosen).lines().findFirst().orElseThrow())
        .contains("east/unallocatedCases_mean").doesNotContain("/caseload_");
  }

  @Test
  void oneTeamPerRole_writesNoTeamOutputs() {
    Scenario scenario = Presets.load("synthetic-small").orElseThrow().withHorizon(6);
    RunResult result = MonteCarlo.run(scenario,
        RunOptions.builder().replications(64).seed(3).build(), List.of());
    assertThat(result.monthly().get(0).byMetric()).hasSize(Metric.COUNT);
    assertThat(RunJson.tree(result).has("teams")).isFalse();
    assertThat(RunCsv.write(result)).doesNotContain("team,");
    assertThat(RunTable.write(result)).doesNotContain("By team");
  }
}
