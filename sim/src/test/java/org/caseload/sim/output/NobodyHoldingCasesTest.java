package org.caseload.sim.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.caseload.core.calibration.Calibrator;
import org.caseload.core.data.DfeData;
import org.caseload.core.metrics.Metric;
import org.caseload.core.scenario.Scenario;
import org.caseload.sim.engine.MonteCarlo;
import org.caseload.sim.engine.RunOptions;
import org.caseload.sim.engine.RunResult;
import org.caseload.sim.target.TargetParser;
import org.junit.jupiter.api.Test;

/**
 * A council so small that in some replications nobody holds cases (the Isles of Scilly, two
 * social workers): a caseload target is met exactly where someone holds cases and the caseload
 * is within it, and the table says how many replications had nobody. Exact identities over one
 * seeded run, no sampling error to allow for.
 */
class NobodyHoldingCasesTest {

  @Test
  void caseloadTargets_needCaseHolders_andTheTableSaysHowOftenThereWereNone() throws IOException {
    DfeData data = DfeData.load(Path.of("..", "data", "dfe"));
    Scenario scilly = Calibrator.calibrate(data, data.area("Isles of Scilly"), 2022, 24)
        .scenario();
    RunResult result = MonteCarlo.run(scilly,
        RunOptions.builder().replications(500).seed(7).threads(1).build(),
        List.of(TargetParser.parse("caseload <= 100000 at month 24"),
            TargetParser.parse("caseHolderFte > 0 at month 24")));
    double holding = result.summary(24, Metric.caseHolderFte).shareAboveZero();
    assertThat(holding).isLessThan(1); // the seed gives some replications nobody
    // every caseload is far below 100,000: the target holds exactly where someone holds cases
    assertThat(result.targets().get(0).probability())
        .isEqualTo(result.targets().get(1).probability()).isEqualTo(holding);

    String table = RunTable.write(result);
    double fewest = 1;
    int worst = 0;
    for (int month = 1; month <= 24; month++) {
      double share = result.summary(month, Metric.caseHolderFte).shareAboveZero();
      if (share < fewest) {
        fewest = share;
        worst = month;
      }
    }
    assertThat(table).contains("* Nobody holds cases in " + Cells.tenth(1 - fewest)
        + " of replications at month " + worst + " (the most of any month)");
  }

  @Test
  void aCouncilWhereSomeoneAlwaysHoldsCases_hasNoSuchLine() {
    RunResult result = MonteCarlo.run(org.caseload.core.scenario.Examples.medway()
        .withHorizon(12), RunOptions.builder().replications(50).seed(1).threads(1).build(),
        List.of());
    assertThat(RunTable.write(result)).doesNotContain("Nobody holds cases");
  }
}
