package org.caseload.sim.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.caseload.core.calibration.Calibrator;
import org.caseload.core.data.DfeData;
import org.caseload.core.metrics.Metric;
import org.caseload.core.scenario.Scenario;
import org.caseload.sim.engine.ComparisonResult;
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
        + " of replications at month " + worst + " (the most of any month)")
        .contains("left out of the caseloads' means and bands,");
  }

  /**
   * A caseload's summary is of the replications where it has a value, not of all with 0 for
   * nobody holding cases (the Isles of Scilly's month-24 band had read [0.0, 7.0], mean 3.9,
   * where the caseloads of someone were [2.5, 7.5], mean 4.9): month by month, its n is the
   * count of replications whose row has someone holding cases, its mean theirs, its median
   * their nearest-rank median within the summary's accuracy, against each replication's row
   * made again alone. The JSON and the CSV (tidy, its last column) say n. Exact, over one
   * seeded run.
   */
  @Test
  void aCaseloadsSummary_isOfTheReplicationsWhereSomeoneHoldsCases() throws IOException {
    DfeData data = DfeData.load(Path.of("..", "data", "dfe"));
    Scenario scilly = Calibrator.calibrate(data, data.area("Isles of Scilly"), 2022, 24)
        .scenario();
    int replications = 300;
    long seed = 7;
    RunResult result = MonteCarlo.run(scilly,
        RunOptions.builder().replications(replications).seed(seed).threads(2).build(),
        List.of());
    double[][][] rows = new double[replications][][];
    for (int r = 0; r < replications; r++) {
      org.caseload.core.metrics.Trajectory t = MonteCarlo.replicate(scilly, seed, r);
      rows[r] = new double[24][];
      for (int month = 1; month <= 24; month++) {
        rows[r][month - 1] = t.row(month);
      }
    }
    com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind
        .ObjectMapper().readTree(RunJson.write(result));
    List<String> csv = RunCsv.write(result).lines().toList();
    boolean someWithout = false;
    for (int month = 1; month <= 24; month++) {
      for (Metric metric : List.of(Metric.caseload, Metric.caseloadLongTerm,
          Metric.caseloadAssessment)) {
        List<Double> values = new java.util.ArrayList<>();
        for (double[][] replication : rows) {
          double[] row = replication[month - 1];
          boolean nobody = row[Metric.caseHolderFte.ordinal()] == 0;
          boolean unattended = metric == Metric.caseloadLongTerm
              ? row[metric.ordinal()] == 0 && row[Metric.unallocatedLongTerm.ordinal()] > 0
              : metric == Metric.caseloadAssessment && row[metric.ordinal()] == 0
                  && row[Metric.unallocatedAssessments.ordinal()] > 0;
          if (!nobody && !unattended) {
            values.add(row[metric.ordinal()]);
          }
        }
        someWithout |= values.size() < replications;
        org.caseload.sim.summary.Summary summary = result.summary(month, metric);
        assertThat(summary.n()).as("%s month %d", metric, month).isEqualTo(values.size());
        assertThat(json.at("/monthly/" + (month - 1) + "/metrics/" + metric + "/n").asLong())
            .isEqualTo(values.size());
        String prefix = "month," + month + ",";
        String csvRow = csv.stream().filter(l -> l.startsWith(prefix)
            && l.split(",")[3].equals(metric.name())).findFirst().orElseThrow();
        assertThat(csvRow.substring(csvRow.lastIndexOf(',') + 1))
            .as("%s month %d in CSV", metric, month).isEqualTo(String.valueOf(values.size()));
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(summary.mean()).as("%s month %d", metric, month)
            .isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-9));
        List<Double> sorted = values.stream().sorted().toList();
        double median = sorted.get((int) Math.ceil(values.size() / 2.0) - 1);
        assertThat(summary.p50()).as("%s month %d", metric, month)
            .isCloseTo(median, org.assertj.core.data.Offset.offset(
                summary.accuracy().maxError(median) + 1e-9));
      }
    }
    assertThat(someWithout).as("the seed leaves some replications nobody").isTrue();
    // a team's line counts only the replications where someone holds cases and the team's
    // cases wait unattended (it had counted nobody holding cases too: 23.0% for 1.7%)
    String table = RunTable.write(result);
    for (Metric team : List.of(Metric.caseloadAssessment, Metric.caseloadLongTerm)) {
      long most = 0;
      int worst = 0;
      for (int month = 1; month <= 24; month++) {
        long missing = result.summary(month, Metric.caseload).n() - result.summary(month, team).n();
        if (missing > most) {
          most = missing;
          worst = month;
        }
      }
      if (worst > 0) {
        assertThat(table).contains("* " + team + " has no value in "
            + Cells.tenth((double) most / replications) + " of replications at month " + worst);
      } else {
        assertThat(table).doesNotContain("* " + team + " has no value");
      }
    }
  }

  /**
   * Rutland 2022, whose assessment team is one worker: where that worker has gone, the team's
   * caseload reads 0 while assessments wait, which is no caseload, and a target on it is not met
   * (it had been met in 99.5% of replications, an outside trial). Replication by replication
   * over one seeded run: the run's probability is the share of replications whose month-12 row
   * has someone holding cases, the team's caseload within the target, and not 0 with
   * assessments waiting.
   */
  @Test
  void aTeamsCaseloadTarget_isNotMet_whereItReads0WhileItsCasesWait() throws IOException {
    DfeData data = DfeData.load(Path.of("..", "data", "dfe"));
    Scenario rutland = Calibrator.calibrate(data, data.area("Rutland"), 2022, 12).scenario();
    int replications = 400;
    long seed = 7;
    RunResult result = MonteCarlo.run(rutland,
        RunOptions.builder().replications(replications).seed(seed).threads(1).build(),
        List.of(TargetParser.parse("caseloadAssessment <= 30 at month 12")));
    int met = 0;
    int unattended = 0;
    for (int r = 0; r < replications; r++) {
      double[] row = MonteCarlo.replicate(rutland, seed, r).row(12);
      boolean none = row[Metric.caseloadAssessment.ordinal()] == 0
          && row[Metric.unallocatedAssessments.ordinal()] > 0;
      unattended += none ? 1 : 0;
      met += !none && row[Metric.caseHolderFte.ordinal()] > 0
          && row[Metric.caseloadAssessment.ordinal()] <= 30 ? 1 : 0;
    }
    assertThat(unattended).as("replications with assessments waiting and nobody to take them")
        .isPositive();
    assertThat(result.targets().get(0).probability()).isEqualTo(met / (double) replications);
  }

  /**
   * A comparison whose variant leaves nobody holding cases says so beside its differences: the
   * Isles of Scilly with no agency cover (its only case holders in most replications) had read
   * as 14 fewer cases a head, P(better) 99%, with nothing said (an outside audit).
   */
  @Test
  void aComparison_saysWhereTheVariantLeavesNobodyHoldingCases() throws IOException {
    DfeData data = DfeData.load(Path.of("..", "data", "dfe"));
    Scenario scilly = Calibrator.calibrate(data, data.area("Isles of Scilly"), 2021, 6)
        .scenario();
    List<org.caseload.core.scenario.Intervention> none = new java.util.ArrayList<>(
        scilly.interventions());
    none.add(new org.caseload.core.scenario.Intervention.AgencyPolicy(1, null, 0.0, 82_500, 0));
    Scenario noAgency = scilly.withInterventions(none);
    ComparisonResult result = org.caseload.sim.engine.Comparison.run(
        scilly, List.of(noAgency), RunOptions.builder().replications(200).seed(1).threads(1)
            .build(), true);
    RunResult variant = result.variants().get(0).result();
    double fewest = 1;
    int worst = 0;
    for (int month = 1; month <= 6; month++) {
      double share = variant.summary(month, Metric.caseHolderFte).shareAboveZero();
      if (share < fewest) {
        fewest = share;
        worst = month;
      }
    }
    assertThat(fewest).isLessThan(0.5);
    String table = ComparisonOutput.table(result);
    assertThat(table).contains("* Nobody holds cases in " + Cells.tenth(1 - fewest)
        + " of the variant's replications at month " + worst + " (the most of any month)");
    assertThat(table).contains("there is no caseload, not a low one")
        .contains("left out of the caseloads' means, bands and differences");
    // the footer's bound on P(better) is of the fewest pairs shown, not the run's 200
    long pairs = ComparisonOutput.fewestPairs(result, RunTable.COLUMNS);
    assertThat(pairs).isLessThan(200);
    assertThat(table).contains("each within ±" + String.format(java.util.Locale.ROOT, "%.1f",
        org.caseload.sim.summary.ClopperPearson.reachBound95Points(pairs)) + " pt");

    // the differences are of the replications where both hold cases, made again alone
    // (the CSV's last three columns are the baseline's n, the variant's and the pairs')
    ComparisonResult.Variant compared = result.variants().get(0);
    List<String> csv = ComparisonOutput.csv(result).lines().toList();
    for (int month = 1; month <= 6; month++) {
      int n = 0;
      int lower = 0;
      double sum = 0;
      int baseHolding = 0;
      int planHolding = 0;
      for (int r = 0; r < 200; r++) {
        double[] base = MonteCarlo.replicate(scilly, 1, r).row(month);
        double[] plan = MonteCarlo.replicate(noAgency, 1, r).row(month);
        baseHolding += base[Metric.caseHolderFte.ordinal()] > 0 ? 1 : 0;
        planHolding += plan[Metric.caseHolderFte.ordinal()] > 0 ? 1 : 0;
        if (base[Metric.caseHolderFte.ordinal()] > 0 && plan[Metric.caseHolderFte.ordinal()] > 0) {
          double difference = plan[Metric.caseload.ordinal()] - base[Metric.caseload.ordinal()];
          n++;
          sum += difference;
          lower += difference < 0 ? 1 : 0;
        }
      }
      ComparisonResult.Difference d = compared.difference(month, Metric.caseload);
      assertThat(d.summary().n()).as("month %d", month).isEqualTo(n);
      int m = month;
      String[] row = csv.stream().map(l -> l.split(",", -1))
          .filter(cells -> cells[1].equals(String.valueOf(m)) && cells[3].equals("caseload"))
          .findFirst().orElseThrow();
      assertThat(java.util.Arrays.copyOfRange(row, row.length - 3, row.length))
          .as("month %d in CSV", month)
          .containsExactly(String.valueOf(baseHolding), String.valueOf(planHolding),
              String.valueOf(n));
      if (n > 0) {
        assertThat(d.summary().mean()).isCloseTo(sum / n, org.assertj.core.data.Offset.offset(
            1e-9));
        assertThat(d.probabilityBetter()).isEqualTo((double) lower / n);
      } else {
        assertThat(d.summary().mean()).isNaN();
        assertThat(d.probabilityBetter()).isNaN();
      }
    }
  }

  @Test
  void aCouncilWhereSomeoneAlwaysHoldsCases_hasNoSuchLine() {
    RunResult result = MonteCarlo.run(org.caseload.core.scenario.Examples.medway()
        .withHorizon(12), RunOptions.builder().replications(50).seed(1).threads(1).build(),
        List.of());
    assertThat(RunTable.write(result)).doesNotContain("Nobody holds cases");
  }
}
