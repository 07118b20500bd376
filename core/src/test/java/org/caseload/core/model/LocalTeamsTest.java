package org.caseload.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.Trajectory;
import org.caseload.core.scenario.CaseCounts;
import org.caseload.core.scenario.Parameters;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.ScenarioValidator;
import org.caseload.core.scenario.Team;
import org.caseload.core.scenario.TeamRole;
import org.caseload.core.scenario.WorkerCohort;
import org.junit.jupiter.api.Test;

/**
 * Local teams: two assessment teams (localities) with half the referrals each, one with two
 * workers capped at 12 cases (about 36 assessments a month of room for 45 arriving), the
 * other with ten workers and room to spare. Kept apart, the small team's queue grows month
 * by month while the other has room; pooled, nothing waits; pooled after two months' wait,
 * no more than the small team's last two months of arrivals wait. Means of 200 replications (fixed
 * seeds); the bounds are many standard errors wide (the queue's standard deviation is under
 * 40 cases, so its standard error is under 3), so a false failure is not a practical risk.
 */
class LocalTeamsTest {

  private static final int MONTHS = 24;

  @Test
  void keptApart_theSmallTeamBacksUpWhileTheOtherHasRoom() {
    double waiting = meanAtEnd(localities(Double.POSITIVE_INFINITY),
        Metric.unallocatedAssessments);
    // About 9 a month over 24 months.
    assertThat(waiting).isGreaterThan(100);
    assertThat(meanAtEnd(localities(Double.POSITIVE_INFINITY), Metric.caseloadAssessment))
        .as("the other team's room keeps the average caseload low").isLessThan(8);
    assertThat(ExpectedProjection.of(MonthPlan.of(localities(Double.POSITIVE_INFINITY)))
        .value(MONTHS, Metric.unallocatedAssessments)).isGreaterThan(100);
  }

  @Test
  void pooled_nothingWaits() {
    assertThat(meanAtEnd(localities(0), Metric.unallocatedAssessments)).isLessThan(1);
    assertThat(ExpectedProjection.of(MonthPlan.of(localities(0)))
        .value(MONTHS, Metric.unallocatedAssessments)).isLessThan(1e-6);
  }

  @Test
  void pooledAfterTwoMonths_waitsAreBoundedByTheRule() {
    double apart = meanAtEnd(localities(Double.POSITIVE_INFINITY), Metric.unallocatedAssessments);
    double after = meanAtEnd(localities(2), Metric.unallocatedAssessments);
    // Nothing waits two months: at most the small team's last two months of arrivals (45 a
    // month) wait, against about 290 kept apart.
    assertThat(after).isGreaterThan(1).isLessThan(2 * 45 + 5).isLessThan(apart / 2);
    assertThat(meanAtEnd(localities(2), Metric.meanWaitMonths)).isLessThan(1);
  }

  @Test
  void oneTeamPerRole_isTheSameUnderEveryRule() {
    Scenario base = SteadyScenarios.linear(MONTHS);
    Trajectory pooled = simulate(withPooling(base, 0), 7);
    for (double rule : new double[] {Double.POSITIVE_INFINITY, 3}) {
      Trajectory other = simulate(withPooling(base, rule), 7);
      for (int t = 1; t <= MONTHS; t++) {
        assertThat(other.row(t)).containsExactly(pooled.row(t));
      }
    }
  }

  @Test
  void invariantsHold_withLocalTeams() {
    Scenario scenario = localities(2);
    Simulation simulation = Simulation.of(MonthPlan.of(scenario));
    CaseCounts initial = simulation.openCases();
    RandomSources sources = InversionSampler.sources(3);
    double[] row = new double[Metric.COUNT];
    for (int t = 1; t <= MONTHS; t++) {
      simulation.step(sources, row);
      CaseCounts open = simulation.openCases();
      assertThat(initial.total() + simulation.totalReferrals())
          .isEqualTo(open.total() + simulation.totalNfa() + simulation.totalNotInNeed()
              + simulation.totalLongTermClosures());
      assertThat(simulation.casesHeldOutOfRole()).isZero();
      assertThat(simulation.smallestCount()).isGreaterThanOrEqualTo(0);
    }
  }

  /** The linear service with its assessment team split into two localities. */
  static Scenario localities(double poolAfterMonths) {
    Scenario base = SteadyScenarios.linear(MONTHS);
    List<Team> teams = new ArrayList<>();
    teams.add(new Team("north", TeamRole.ASSESSMENT, 2, 1, 12, 12,
        List.of(WorkerCohort.of(2, 40, false)), 0, 0, CaseCounts.NONE, 0.5));
    teams.add(new Team("south", TeamRole.ASSESSMENT, 10, 1, 40, 40,
        List.of(WorkerCohort.of(10, 40, false)), 0, 0, CaseCounts.NONE, 0.5));
    base.teams().stream().filter(t -> t.role() == TeamRole.LONG_TERM).forEach(teams::add);
    Scenario split = new Scenario("localities", base.baseDate(), MONTHS, teams, base.queues(),
        base.parameters(), List.of(), List.of());
    Parameters p = split.parameters();
    return ScenarioValidator.requireValid(withPooling(split.withParameters(new Parameters(
        p.demand(), p.workforce().toBuilder().allowOverCap(false).build(), p.funding())),
        poolAfterMonths));
  }

  private static Scenario withPooling(Scenario scenario, double poolAfterMonths) {
    Parameters p = scenario.parameters();
    return scenario.withParameters(new Parameters(p.demand(),
        p.workforce().toBuilder().poolAfterMonths(poolAfterMonths).build(), p.funding()));
  }

  private static double meanAtEnd(Scenario scenario, Metric metric) {
    double sum = 0;
    int replications = 200;
    for (int r = 0; r < replications; r++) {
      sum += simulate(scenario, 100 + r).value(MONTHS, metric);
    }
    return sum / replications;
  }

  private static Trajectory simulate(Scenario scenario, long seed) {
    return Simulation.of(MonthPlan.of(scenario)).run(InversionSampler.sources(seed));
  }
}
