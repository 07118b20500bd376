package org.caseload.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.Trajectory;
import org.caseload.core.scenario.Intervention;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.ScenarioJson;
import org.caseload.sim.presets.Presets;
import org.junit.jupiter.api.Test;

/**
 * An agency policy that leaves its cover share out keeps the scenario's own, as each
 * replication draws it: restating the scenario's agency cost and no cap changes no
 * replication at all (a planner's trial found the page's "unchanged" policy, which restated
 * the central cover share, moving Cornwall's agency cost by £98k a year). Exact comparisons
 * of whole replications; deterministic.
 */
class AgencyPolicyCoverTest {

  @Test
  void aPolicyWithoutCoverShare_changesNoReplication() {
    Scenario medway = Presets.load("medway-2019").orElseThrow();
    assertThat(medway.uncertainty()).as("the preset draws its cover share")
        .anyMatch(u -> u.parameter().name().equals("agencyCoverShare"));
    double cost = medway.parameters().funding().agencyCostPerYear();
    Scenario same = medway.withInterventions(List.of(new Intervention.AgencyPolicy(1, null,
        null, cost, Double.POSITIVE_INFINITY)));
    // and through the scenario format: the field left out reads as null and writes as absent
    Scenario read = ScenarioJson.read(ScenarioJson.write(same));
    assertThat(((Intervention.AgencyPolicy) read.interventions().get(0)).coverShare()).isNull();
    assertThat(ScenarioJson.write(same)).doesNotContain("coverShare");
    Scenario fixed = medway.withInterventions(List.of(new Intervention.AgencyPolicy(1, null,
        medway.parameters().workforce().agencyCoverShare(), cost, Double.POSITIVE_INFINITY)));
    boolean fixedDiffers = false;
    for (long r = 0; r < 20; r++) {
      Trajectory base = MonteCarlo.replicate(medway, 3, r);
      Trajectory kept = MonteCarlo.replicate(read, 3, r);
      for (int t = 1; t <= medway.horizonMonths(); t++) {
        assertThat(kept.row(t)).as("replication %d, month %d", r, t)
            .containsExactly(base.row(t));
      }
      Trajectory central = MonteCarlo.replicate(fixed, 3, r);
      fixedDiffers |= central.value(36, Metric.agencyFte) != base.value(36, Metric.agencyFte);
    }
    assertThat(fixedDiffers).as("restating the central cover share fixes it").isTrue();
  }
}
