package org.caseload.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.caseload.core.calibration.Calibrator;
import org.caseload.core.data.DfeData;
import org.caseload.core.metrics.Metric;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.ScenarioJson;
import org.caseload.sim.summary.Summary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The claims of docs/examples/northamptonshire-2018.md, re-run on its scenario file
 * (examples/northamptonshire-2017-first-response.json) with fewer replications: a first
 * response team too small for the front door's flow builds a backlog of hundreds within
 * four months, although the service's average caseload stays under 20; more posts covered
 * by agency from February 2018 bring it down, posts alone do not; a hard limit of 50 or the
 * front door's 51% NFA leave far fewer waiting; the calibrated split keeps nothing waiting.
 * Fixed seed, deterministic: no false failures. The margins are wide against the figures the
 * document quotes from 1,000 replications with seed 1 (each beside its check).
 */
class NorthamptonshireFirstResponseTest {

  private static final int JANUARY_2018 = 4;
  private static final int OCTOBER_2018 = 13;
  private static Scenario firstResponse;

  @BeforeAll
  static void load() throws IOException {
    firstResponse = ScenarioJson.read(Files.readString(
        Path.of("..", "examples", "northamptonshire-2017-first-response.json")))
        .withHorizon(OCTOBER_2018);
  }

  @Test
  void aSmallFirstResponseTeam_buildsABacklogWhileTheServiceHasRoom() {
    RunResult result = run(firstResponse);
    assertThat(mean(result, JANUARY_2018, Metric.unallocatedAssessments)).isBetween(300.0, 700.0);
    assertThat(mean(result, OCTOBER_2018, Metric.unallocatedAssessments)).isGreaterThan(800.0);
    assertThat(mean(result, JANUARY_2018, Metric.caseloadAssessment)).isBetween(35.0, 42.0);
    assertThat(mean(result, JANUARY_2018, Metric.caseload)).isLessThan(20.0);
  }

  @Test
  void postsCoveredByAgency_bringTheBacklogDown() throws IOException {
    Summary two = summary(run(withResponse(2, true)), OCTOBER_2018);
    Summary four = summary(run(withResponse(4, true)), OCTOBER_2018);
    assertThat(two.mean()).isBetween(50.0, 300.0); // 136
    assertThat(two.shareAboveZero()).isBetween(0.15, 0.45); // 30%
    assertThat(four.mean()).isLessThan(two.mean()).isLessThan(100.0); // 30
    assertThat(four.shareAboveZero()).isBetween(0.02, 0.2); // 10%
  }

  @Test
  void postsWithoutAgencyCover_leaveTheBacklogGrowing() throws IOException {
    RunResult result = run(withResponse(4, false));
    assertThat(summary(result, OCTOBER_2018).mean()).isBetween(400.0, 900.0); // 627
  }

  @Test
  void aHardLimitOf50_orTheFrontDoorsNfa_leaveFarFewerWaiting() throws IOException {
    Summary limit50 = summary(run(with("""
        {"type": "caseloadCap", "startMonth": 1, "team": "firstResponse", "cap": 30,
         "hardLimit": 50}""")), JANUARY_2018);
    assertThat(limit50.mean()).isBetween(20.0, 150.0); // 59
    assertThat(limit50.shareAboveZero()).isBetween(0.25, 0.55); // 38%
    Summary nfa = summary(run(with("""
        {"type": "frontDoor", "startMonth": 1, "nfaShare": 0.512}""")), JANUARY_2018);
    assertThat(nfa.mean()).isBetween(80.0, 320.0); // 172
  }

  @Test
  void theCalibratedSplit_keepsNothingWaiting() throws IOException {
    DfeData data = DfeData.load(Path.of("..", "data", "dfe"));
    Scenario calibrated = Calibrator.calibrate(data, data.area("Northamptonshire"), 2017,
        OCTOBER_2018).scenario();
    RunResult result = run(calibrated);
    assertThat(mean(result, JANUARY_2018, Metric.unallocatedAssessments)).isLessThan(1.0);
    assertThat(mean(result, JANUARY_2018, Metric.caseloadAssessment)).isBetween(16.5, 19.5);
  }

  private static Scenario withResponse(int posts, boolean agencyCover) throws IOException {
    String postsLever = """
        {"type": "posts", "startMonth": 5, "team": "firstResponse", "fte": %d}"""
        .formatted(posts);
    return with(agencyCover ? "[" + postsLever + """
        , {"type": "agencyPolicy", "startMonth": 5, "team": "firstResponse",
          "coverShare": 1.0, "costPerYear": 82500}]""" : postsLever);
  }

  private static Scenario with(String levers) throws IOException {
    return Comparison.withInterventions(firstResponse, new ObjectMapper().readTree(levers));
  }

  private static Summary summary(RunResult result, int month) {
    return result.summary(month, Metric.unallocatedAssessments);
  }

  private static RunResult run(Scenario scenario) {
    return MonteCarlo.run(scenario,
        RunOptions.builder().replications(256).seed(1).threads(2).build(), List.of());
  }

  private static double mean(RunResult result, int month, Metric metric) {
    return result.summary(month, metric).mean();
  }
}
