package org.caseload.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseload.sim.cli.CliRunner.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.SnapshotMetric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunCommandTest {

  @TempDir
  Path temp;

  @Test
  void run_preset_printsAReadableTable() {
    CliRunner.Result result = run("run", "--preset", "medway-2019", "--replications", "64",
        "--months", "24", "--target", "caseload <= 21 at month 12");
    assertThat(result.code()).isZero();
    assertThat(result.out()).contains("Medway at 30 September 2019\n64 replications, seed 1",
        "the mean, and under it the 5th-95th percentile band", "DfE snapshots at 30 September",
        "2021-09-30",
        "caseload <= 21 at month 12");
    assertThat(result.err()).isEmpty();
  }

  /**
   * A run's JSON records the tool's version and the scenario as run ({@code --set},
   * {@code --with} and {@code --months} applied): that input alone, with the seed and
   * replications, gives the same bytes again (an analyst's result had named its scenario
   * "Medway ... + posts" and nothing more).
   */
  @Test
  void run_json_recordsItsInput_fromWhichTheSameBytesFollow() throws Exception {
    CliRunner.Result edited = run("run", "--preset", "medway-2019", "--replications", "50",
        "--months", "7", "--seed", "9", "--format", "json",
        "--set", "parameters.demand.annualGrowth=0.08",
        "--with", "{\"type\": \"posts\", \"startMonth\": 2, \"team\": \"assessment\","
            + " \"fte\": 8}");
    assertThat(edited.code()).as(edited.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(edited.out());
    assertThat(json.get("tool").asText()).isEqualTo("caseload 0.1.0");
    JsonNode input = json.get("scenarioAsRun");
    assertThat(input.get("horizonMonths").asInt()).isEqualTo(7);
    assertThat(input.at("/parameters/demand/annualGrowth").asDouble()).isEqualTo(0.08);
    assertThat(input.get("interventions").toString()).contains("\"fte\":8");
    Path file = Files.writeString(temp.resolve("input.json"), input.toString());
    CliRunner.Result again = run("run", "--scenario", file.toString(), "--replications", "50",
        "--seed", "9", "--format", "json");
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).isEqualTo(edited.out());
  }

  @Test
  void version_isThePomsVersion() throws Exception {
    String pom = Files.readString(Path.of("../pom.xml"));
    java.util.regex.Matcher version = java.util.regex.Pattern
        .compile("<artifactId>caseload-parent</artifactId>\\s*<version>([^<-]+)")
        .matcher(pom);
    assertThat(version.find()).isTrue();
    assertThat(org.caseload.sim.output.ToolVersion.TEXT).isEqualTo("caseload "
        + version.group(1));
    assertThat(run("--version").out()).isEqualTo("caseload " + version.group(1) + "\n");
  }

  @Test
  void run_json_hasTheDocumentedShape_andTheSameBytesForAnyThreadCount() throws Exception {
    String[] args = {"run", "--preset", "medway-2019", "--replications", "100", "--months",
        "13", "--seed", "5", "--format", "json", "--target", "vacancyRate <= 0.15 at snapshot"
        + " 2020-09-30", "--threads"};
    CliRunner.Result one = run(append(args, "1"));
    CliRunner.Result two = run(append(args, "2"));
    assertThat(one.code()).isZero();
    assertThat(two.out()).isEqualTo(one.out());
    JsonNode json = new ObjectMapper().readTree(one.out());
    assertThat(json.get("scenario").asText()).isEqualTo("Medway at 30 September 2019");
    assertThat(json.get("seed").asLong()).isEqualTo(5);
    assertThat(json.get("rng").asText()).startsWith("SplitMix64");
    assertThat(json.get("replications").asLong()).isEqualTo(100);
    assertThat(json.get("months").asInt()).isEqualTo(13);
    assertThat(json.get("baseDate").asText()).isEqualTo("2019-09-30");
    JsonNode month = json.get("monthly").get(11);
    assertThat(month.get("month").asInt()).isEqualTo(12);
    assertThat(month.get("date").asText()).isEqualTo("2020-09-30");
    JsonNode caseload = month.get("metrics").get("caseload");
    for (String field : new String[] {"mean", "sd", "se", "p5", "p10", "p25", "p50", "p75",
        "p90", "p95"}) {
      assertThat(caseload.get(field).isNumber()).as(field).isTrue();
    }
    assertThat(caseload.get("shareAboveZero").asDouble()).isEqualTo(1.0);
    assertThat(month.get("metrics").size()).isEqualTo(Metric.COUNT);
    JsonNode costs = json.get("costs");
    assertThat(costs.get("byYear")).hasSize(2);
    assertThat(costs.get("byYear").get(1).get("months").asInt()).isEqualTo(1);
    assertThat(costs.get("horizon").get("to").asText()).isEqualTo("2020-10-31");
    assertThat(costs.get("horizon").get("mean").asDouble()).isGreaterThan(
        costs.get("byYear").get(0).get("mean").asDouble());
    JsonNode horizon = costs.get("horizon");
    double half = new org.apache.commons.math3.distribution.TDistribution(99)
        .inverseCumulativeProbability(0.975) * horizon.get("se").asDouble();
    assertThat(horizon.get("ci95").get(0).asDouble()).isCloseTo(
        horizon.get("mean").asDouble() - half, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(horizon.get("ci95").get(1).asDouble()).isCloseTo(
        horizon.get("mean").asDouble() + half, org.assertj.core.data.Offset.offset(1e-6));
    JsonNode snapshot = json.get("snapshots").get(0);
    assertThat(snapshot.get("date").asText()).isEqualTo("2020-09-30");
    assertThat(snapshot.get("metrics").size()).isEqualTo(SnapshotMetric.COUNT);
    JsonNode target = json.get("targets").get(0);
    assertThat(target.get("target").asText())
        .isEqualTo("vacancyRate <= 0.15 at snapshot 2020-09-30");
    assertThat(target.get("probability").asDouble()).isBetween(0.0, 1.0);
    assertThat(target.get("ci95").size()).isEqualTo(2);
  }

  @Test
  void run_snapshotAfterFewerThan12Months_saysItsFlowsAreScaledToAYear() throws Exception {
    String[] args = {"run", "--preset", "medway-2019", "--set", "baseDate=2019-03-31",
        "--replications", "20", "--months", "18"};
    CliRunner.Result table = run(args);
    assertThat(table.code()).as(table.err()).isZero();
    assertThat(table.out()).contains("2019-09-30 *", "2020-09-30 ",
        "* 6 months of flows (turnover, cost) after the base date, scaled to a year.");
    assertThat(table.out()).doesNotContain("2020-09-30 *");
    JsonNode json = new ObjectMapper().readTree(run(append(append(args, "--format"), "json"))
        .out());
    assertThat(json.get("snapshots").get(0).get("monthsObserved").asInt()).isEqualTo(6);
    assertThat(json.get("snapshots").get(1).get("monthsObserved").asInt()).isEqualTo(12);
  }

  /** A year of one month is named as one: "Oct 2020 (1 month)", not "Oct 2020-Oct 2020 (1 months)". */
  @Test
  void run_costTable_namesAYearOfOneMonth() {
    CliRunner.Result one = run("run", "--preset", "medway-2019", "--months", "1",
        "--replications", "4", "--quiet");
    assertThat(one.out()).contains("year 1, Oct 2019 (1 month) ").doesNotContain("1 months");
    CliRunner.Result thirteen = run("run", "--preset", "medway-2019", "--months", "13",
        "--replications", "4", "--quiet");
    assertThat(thirteen.out()).contains("year 1, Oct 2019-Sep 2020 ",
        "year 2, Oct 2020 (1 month) ").doesNotContain("1 months");
  }

  @Test
  void run_ofOneReplication_hasNoIntervalOfItsMeanCost() throws Exception {
    JsonNode json = new ObjectMapper().readTree(run("run", "--preset", "medway-2019",
        "--replications", "1", "--months", "3", "--format", "json").out());
    assertThat(json.at("/costs/horizon/ci95/0").isNull()).isTrue();
    assertThat(json.at("/costs/horizon/ci95/1").isNull()).isTrue();
  }

  @Test
  void run_snapshotsOfWholeYears_areNotMarked() {
    CliRunner.Result table = run("run", "--preset", "medway-2019", "--replications", "20",
        "--months", "12");
    assertThat(table.out()).contains("2020-09-30").doesNotContain(" *", "scaled to a year");
  }

  static String[] append(String[] args, String last) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 1);
    all[args.length] = last;
    return all;
  }

  @Test
  void run_csv_isTidy_oneRowPerMetricAndPeriod() {
    CliRunner.Result result = run("run", "--preset", "synthetic-small", "--replications", "20",
        "--format", "csv");
    assertThat(result.code()).isZero();
    var lines = result.out().lines().toList();
    assertThat(lines.get(0))
        .isEqualTo("period,month,date,metric,mean,sd,se,p5,p10,p25,p50,p75,p90,p95,"
            + "shareAboveZero,meanHalfWidth95,p5HalfWidth95,p10HalfWidth95,p25HalfWidth95,"
            + "p50HalfWidth95,p75HalfWidth95,p90HalfWidth95,p95HalfWidth95,"
            + "shareAboveZeroHalfWidth95,n");
    // synthetic-small: 24 months from 2021-03-31, so two 30 Septembers and two plan years.
    assertThat(lines).hasSize(1 + 24 * Metric.COUNT + 2 * SnapshotMetric.COUNT + 2 + 1);
    assertThat(lines.get(1)).startsWith("month,1,2021-04-30,referrals,");
    assertThat(lines.get(lines.size() - 4)).startsWith("snapshot,18,2022-09-30,cost,");
    assertThat(lines.get(lines.size() - 3)).startsWith("year,12,2022-03-31,cost,");
    assertThat(lines.get(lines.size() - 1)).startsWith("horizon,24,2023-03-31,cost,");
  }

  /** The README's one-command example: the plan's question, answered by one command. */
  static final String[] PLAN = {"run", "--preset", "medway-2019",
      "--set", "parameters.demand.annualGrowth=0.08",
      "--with", "{\"type\": \"posts\", \"startMonth\": 1, \"team\": \"assessment\", \"fte\": 8}",
      "--with", "{\"type\": \"recruitmentCampaign\", \"startMonth\": 1, \"endMonth\": 12,"
          + " \"fillMultiplier\": 2, \"monthlyCost\": 10000}",
      "--target", "caseload <= 18 at month 36"};

  @Test
  void run_thePlansQuestion_inOneCommand() throws Exception {
    CliRunner.Result table = run(append(append(PLAN, "--replications"), "64"));
    assertThat(table.code()).as(table.err()).isZero();
    assertThat(table.out()).contains("Medway at 30 September 2019 with"
        + " parameters.demand.annualGrowth=0.08 + posts + recruitmentCampaign",
        "caseload", "Assessment", "LongTerm", "unallocated", "vacancy", "agency", "cost",
        "year 3, Oct 2021-Sep 2022", "36 months, Oct 2019-Sep 2022",
        "caseload <= 18 at month 36");
    assertThat(table.out().lines().mapToInt(String::length).max().orElseThrow())
        .isLessThanOrEqualTo(120);
    JsonNode json = new ObjectMapper().readTree(run(append(append(append(append(PLAN,
        "--replications"), "64"), "--format"), "json")).out());
    JsonNode month36 = json.get("monthly").get(35).get("metrics");
    assertThat(month36.get("establishmentFte").get("mean").asDouble())
        .isGreaterThan(json.get("monthly").get(0).get("metrics").get("establishmentFte")
            .get("mean").asDouble());
    assertThat(json.get("monthly").get(0).get("metrics").get("costInterventions").get("mean")
        .asDouble()).isGreaterThanOrEqualTo(10_000);
    assertThat(month36.get("costInterventions").get("mean").asDouble()).isZero();
    assertThat(json.get("targets").get(0).get("probability").asDouble()).isBetween(0.0, 1.0);
  }

  @Test
  void readme_showsThePlansQuestionAsTheTestRunsIt() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    assertThat(readme).contains("./caseload run --preset medway-2019 \\\n");
    for (int i = 3; i < PLAN.length; i += 2) {
      String value = PLAN[i + 1].contains(" ") ? "'" + PLAN[i + 1] + "'" : PLAN[i + 1];
      assertThat(readme).contains("  " + PLAN[i] + " " + value);
    }
  }

  /**
   * The README prints the plan's answer (a few months of the table elided): every line it
   * shows is the command's own, in order. Its Monte Carlo error rows had gone stale when the
   * percentiles' errors changed (an outside review found them); this keeps them current.
   */
  @Test
  void readme_printsWhatTheCommandPrints() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    int from = readme.indexOf("```", readme.indexOf("prints (months 1, 12, 24 and 36"));
    String shown = readme.substring(readme.indexOf('\n', from) + 1,
        readme.indexOf("\n```", from + 3));
    CliRunner.Result printed = run(PLAN);
    assertThat(printed.code()).as(printed.err()).isZero();
    List<String> lines = printed.out().lines().toList();
    int at = 0;
    for (String line : shown.lines().toList()) {
      int found = lines.subList(at, lines.size()).indexOf(line);
      assertThat(found).as("README line not printed (in order): %s", line)
          .isNotNegative();
      at += found + 1;
    }
    assertThat(shown.lines().count()).as("the README shows the table").isGreaterThan(40);
  }

  @Test
  void leversDoc_coversEveryInterventionType() throws Exception {
    String levers = Files.readString(Path.of("..", "docs", "levers.md"));
    for (String type : new String[] {"referralGrowth", "referralShock", "posts", "funding",
        "recruitmentCampaign", "retentionPayment", "agencyPolicy", "caseloadCap", "nqCohort",
        "frontDoor"}) {
      assertThat(levers).contains("| `" + type + "` |");
    }
  }

  @Test
  void run_set_changesTheScenarioAsAFileWould() throws Exception {
    String[] args = {"run", "--preset", "synthetic-small", "--replications", "16", "--format",
        "json", "--months", "6"};
    JsonNode base = new ObjectMapper().readTree(run(args).out());
    JsonNode more = new ObjectMapper().readTree(run(append(append(args, "--set"),
        "teams[1].establishment=40")).out());
    assertThat(more.get("scenario").asText()).endsWith("with teams[1].establishment=40");
    assertThat(more.get("monthly").get(0).get("metrics").get("establishmentFte").get("mean")
        .asDouble()).isGreaterThan(base.get("monthly").get(0).get("metrics")
            .get("establishmentFte").get("mean").asDouble());
  }

  @Test
  void run_defaultTable_fitsIn120Columns_andShowsTheHeadlineMetrics() {
    CliRunner.Result result = run("run", "--preset", "medway-2019", "--replications", "64");
    assertThat(result.out().lines().mapToInt(String::length).max().orElseThrow())
        .isLessThanOrEqualTo(120);
    assertThat(result.out()).contains("caseload", "Assessment", "LongTerm", "unallocated",
        "vacancy", "agency", "cost", "Cost (pounds at each month's prices)", "5th-95th percentile",
        "year 1, Oct 2019-Sep 2020", "36 months, Oct 2019-Sep 2022", "P(>0)");
  }

  /**
   * The cost table gives each total's mean with its 95% half-width (it had none, though the
   * JSON has the interval): half the JSON's ci95, Student's t x se.
   */
  @Test
  void run_costTable_givesEachMeansHalfWidth_halfTheJsonsInterval() throws Exception {
    String[] args = {"run", "--preset", "medway-2019", "--replications", "50", "--months", "24",
        "--format"};
    String table = run(append(args, "table")).out();
    com.fasterxml.jackson.databind.JsonNode costs = new com.fasterxml.jackson.databind
        .ObjectMapper().readTree(run(append(args, "json")).out()).get("costs");
    java.util.List<String> rows = table.lines().dropWhile(l -> !l.startsWith("Cost (pounds")).skip(1)
        .takeWhile(l -> !l.isBlank()).toList();
    assertThat(rows).hasSize(3);
    for (int y = 0; y < 2; y++) {
      com.fasterxml.jackson.databind.JsonNode ci = costs.get("byYear").get(y).get("ci95");
      double half = (ci.get(1).asDouble() - ci.get(0).asDouble()) / 2;
      assertThat(half).isBetween(10_000.0, 1_000_000.0);
      java.util.regex.Matcher shown = java.util.regex.Pattern.compile("±£([0-9.]+)([km])")
          .matcher(rows.get(y));
      assertThat(shown.find()).as(rows.get(y)).isTrue();
      double value = Double.parseDouble(shown.group(1))
          * (shown.group(2).equals("k") ? 1e3 : 1e6);
      // printed to three significant digits
      assertThat(value).as(rows.get(y)).isCloseTo(half, org.assertj.core.api.Assertions
          .withinPercentage(0.5));
    }
  }

  @Test
  void run_table_showsPAboveZeroForCountsThatAreMostlyZero() {
    CliRunner.Result result = run("run", "--preset", "medway-2019", "--replications", "200",
        "--metrics", "unallocatedCases,caseload,referrals");
    String header = result.out().lines().filter(l -> l.startsWith("month")).findFirst()
        .orElseThrow();
    // Referrals are never zero: no P(>0) column for them; unallocated cases mostly are.
    assertThat(header.split("P\\(>0\\)", -1)).hasSize(2);
    assertThat(header.indexOf("P(>0)")).isLessThan(header.indexOf("caseload"));
  }

  @Test
  void run_metrics_choosesTheColumns() {
    CliRunner.Result result = run("run", "--preset", "synthetic-small", "--replications", "8",
        "--metrics", "referrals,meanWaitMonths");
    assertThat(result.code()).isZero();
    String header = result.out().lines().filter(l -> l.startsWith("month")).findFirst()
        .orElseThrow();
    assertThat(header).contains("referrals", "Months").doesNotContain("Rate");
  }

  @Test
  void run_presetName_ignoresCase() {
    CliRunner.Result result = run("run", "--preset", "Synthetic-SMALL", "--replications", "4");
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).startsWith("Small synthetic service");
  }

  @Test
  void run_csv_roundsToSixSignificantDigits_withoutExponents() {
    CliRunner.Result result = run("run", "--preset", "medway-2019", "--replications", "30",
        "--months", "13", "--format", "csv");
    assertThat(result.out()).doesNotContainPattern("\\d[eE][-+]?\\d");
    for (String line : result.out().lines().skip(1).toList()) {
      for (String cell : line.split(",", -1)) {
        if (cell.matches("-?\\d+\\.\\d+")) {
          String digits = cell.replaceAll("[-.]", "").replaceFirst("^0+", "");
          assertThat(digits.length()).as(line).isLessThanOrEqualTo(6);
        }
      }
    }
  }

  @Test
  void run_wideCsv_hasOneRowPerMonth_andAColumnPerMetricAndStatistic() {
    CliRunner.Result result = run("run", "--preset", "synthetic-small", "--replications", "8",
        "--format", "csv", "--wide", "--metrics", "caseload,cost");
    var lines = result.out().lines().toList();
    String halfWidths = "meanHalfWidth95,_p5HalfWidth95,_p10HalfWidth95,_p25HalfWidth95,"
        + "_p50HalfWidth95,_p75HalfWidth95,_p90HalfWidth95,_p95HalfWidth95,"
        + "_shareAboveZeroHalfWidth95,_n";
    assertThat(lines.get(0)).isEqualTo("month,date,caseload_mean,caseload_sd,caseload_se,"
        + "caseload_p5,caseload_p10,caseload_p25,caseload_p50,caseload_p75,caseload_p90,"
        + "caseload_p95,caseload_shareAboveZero,caseload_"
        + halfWidths.replace("_", "caseload_") + ",cost_mean,cost_sd,cost_se,cost_p5,cost_p10,"
        + "cost_p25,cost_p50,cost_p75,cost_p90,cost_p95,cost_shareAboveZero,cost_"
        + halfWidths.replace("_", "cost_"));
    assertThat(lines).hasSize(1 + 24);
    assertThat(lines.get(1).split(",", -1)).hasSize(2 + 2 * 21);
    assertThat(lines.get(24)).startsWith("24,2023-03-31,");
  }

  @Test
  void run_csv_metrics_keepsThoseMetricsAndTheirSnapshots() {
    CliRunner.Result result = run("run", "--preset", "synthetic-small", "--replications", "8",
        "--format", "csv", "--metrics", "caseload");
    assertThat(result.out().lines()).hasSize(1 + 24 + 2);
    assertThat(run("run", "--preset", "synthetic-small", "--replications", "8", "--format",
        "csv", "--metrics", "cost").out().lines()).hasSize(1 + 24 + 2 + 3);
  }

  @Test
  void metrics_listsEveryMetricWithUnitAndMeaning() {
    CliRunner.Result result = run("metrics");
    assertThat(result.code()).isZero();
    for (Metric m : Metric.values()) {
      assertThat(result.out()).contains("  " + m.name() + " ").contains(m.description());
    }
    assertThat(result.out()).contains("unallocatedCases", "children or events", "pounds");
  }

  @Test
  void metrics_docsListTheSameMetrics() throws Exception {
    String docs = Files.readString(Path.of("..", "docs", "model.md"));
    assertThat(docs).contains(org.caseload.sim.output.MetricCatalog.markdown());
  }

  /**
   * Every command's help is printed without a word on stderr: a '%' not doubled in an
   * option's description had made picocli print three warnings with {@code run --help}.
   */
  @Test
  void everyCommandsHelp_printsNoWarning() {
    for (String command : new picocli.CommandLine(new CaseloadCommand()).getSubcommands()
        .keySet()) {
      CliRunner.Result result = run(command, "--help");
      assertThat(result.code()).as(command).isZero();
      assertThat(result.err()).as(command).isEmpty();
      assertThat(result.out()).as(command).doesNotContain("WARN");
    }
  }

  @Test
  void help_listsEveryCommandIncludingServe() {
    CliRunner.Result result = run("--help");
    assertThat(result.out()).contains("serve", "metrics", "run", "compare", "sweep");
    assertThat(run("run", "--help").out()).contains("docs/levers.md", "--set", "--with");
    assertThat(run("compare", "--help").out()).contains("docs/levers.md");
    assertThat(run("serve").code()).isEqualTo(2);
  }

  @Test
  void run_out_writesTheFileAndNothingToStdout() throws Exception {
    Path file = temp.resolve("result.json");
    CliRunner.Result result = run("run", "--preset", "synthetic-small", "--replications", "10",
        "--format", "json", "--out", file.toString());
    assertThat(result.code()).isZero();
    assertThat(result.out()).isEmpty();
    assertThat(new ObjectMapper().readTree(Files.readString(file)).get("replications").asInt())
        .isEqualTo(10);
    try (var files = Files.list(temp)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void run_scenarioFile_works() {
    CliRunner.Result result = run("run", "--scenario",
        Path.of("..", "examples", "synthetic-small.json").toString(), "--replications", "5");
    assertThat(result.code()).isZero();
    assertThat(result.out()).startsWith("Small synthetic service\n5 replications");
  }

  /**
   * A file in the working folder named like a preset: {@code project NAME} and {@code compare
   * --variant NAME} had read the preset, unsaid; now refused, and {@code ./NAME} reads the file.
   */
  @Test
  void presetOrFile_refusesANameThatIsBoth() throws Exception {
    Path both = Path.of("synthetic-small");
    assertThat(both).doesNotExist();
    Files.writeString(both, Files.readString(Path.of("../examples/synthetic-small.json")));
    try {
      CliRunner.Result project = run("project", "synthetic-small", "--months", "2");
      assertThat(project.code()).isEqualTo(2);
      assertThat(project.err()).contains("project: 'synthetic-small' is both a preset and a"
          + " file here; write ./synthetic-small for the file");
      CliRunner.Result variant = run("compare", "--preset", "synthetic-small", "--variant",
          "synthetic-small", "--replications", "2", "--months", "1");
      assertThat(variant.code()).isEqualTo(2);
      assertThat(variant.err()).contains("--variant: 'synthetic-small' is both a preset");
      CliRunner.Result file = run("project", "./synthetic-small", "--months", "2");
      assertThat(file.code()).as(file.err()).isZero();
    } finally {
      Files.delete(both);
    }
  }

  @Test
  void presets_listsEveryPreset() {
    CliRunner.Result result = run("presets");
    assertThat(result.code()).isZero();
    assertThat(result.out()).contains("medway-2019", "synthetic-small");
    // every description starts in one column, the longest name's included
    assertThat(result.out().lines().map(l -> {
      int at = l.indexOf(' ');
      while (l.charAt(at) == ' ') {
        at++;
      }
      return at;
    }).distinct()).hasSize(1);
  }

  @Test
  void manySettingsAndInterventions_runWithTheNameCut() {
    CliRunner.Result result = run("run", "--preset", "medway-2019", "--set",
        "parameters.demand.annualGrowth=0.08", "--set", "parameters.workforce.annualTurnover=0.2",
        "--set", "parameters.funding.agencyCostPerYear=70000", "--set",
        "parameters.workforce.fillProbability=0.1", "--with",
        "{\"type\":\"posts\",\"startMonth\":1,\"team\":\"assessment\",\"fte\":8}",
        "--replications", "5", "--months", "2", "--quiet");
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).contains("...");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown preset|run --preset medway-2091|--preset: unknown preset 'medway-2091'; closest: medway-2019",
      "both sources|run --preset medway-2019 --scenario x.json|mutually exclusive",
      "no source|run --replications 5|Missing required argument",
      "zero replications|run --preset medway-2019 --replications 0|--replications: must be between 1 and 10000000, was 0",
      "text replications|run --preset medway-2019 --replications many|Invalid value for option '--replications': 'many' is not a whole number",
      "fractional months|run --preset medway-2019 --months 1.5|Invalid value for option '--months': '1.5' is not a whole number",
      "huge seed|run --preset medway-2019 --seed 99999999999999999999|Invalid value for option '--seed': '99999999999999999999' is too large",
      "huge months|run --preset medway-2019 --months 3000000000|Invalid value for option '--months': '3000000000' is too large",
      "hostile number|run --preset medway-2019 --replications 12\u001b[2Jxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx|'12?[2Jxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...' is not a whole number",
      "hugely negative threads|run --preset medway-2019 --threads -3000000000|Invalid value for option '--threads': '-3000000000' is too small",
      "too many replications|run --preset medway-2019 --replications 99999999999|--replications: must be between 1 and 10000000",
      "zero threads|run --preset medway-2019 --threads 0|--threads: must be between 1 and 1024, was 0",
      "long horizon|run --preset medway-2019 --months 121|--months: must be between 1 and 120, was 121",
      "bad format|run --preset medway-2019 --format pdf|Invalid value for option '--format'",
      "target syntax|run --preset medway-2019 --target caseload<18|--target: target \"caseload<18\": expected METRIC OP NUMBER",
      "target metric|run --preset medway-2019 --target 'happiness >= 1 at month 2'|'happiness' is not a metric; did you mean",
      "target metric case|run --preset medway-2019 --target 'CASELOAD <= 18 at month 2'|'CASELOAD' is not a metric; did you mean 'caseload'?",
      "target number|run --preset medway-2019 --target 'caseload <= lots at month 2'|'lots' is not a number",
      "target month|run --preset medway-2019 --target 'caseload <= 18 at month 40'|month 40 is beyond the horizon of 36 months",
      "target date|run --preset medway-2019 --target 'caseload <= 18 at snapshot 2020-03-31'|must be a 30 September",
      "target snapshot metric|run --preset medway-2019 --target 'meanWaitMonths <= 1 at snapshot 2020-09-30'|is not a snapshot indicator",
      "target control character|run --preset medway-2019 --target 'caseload <= 18 at month 12\u0001'|--target: target \"caseload <= 18 at month 12?\": must not contain control characters, had U+0001 at 26",
      "target rate as a percentage|run --preset medway-2019 --target 'vacancyRate <= 15 at month 12'|--target: target \"vacancyRate <= 15 at month 12\": vacancyRate is a share from 0 to 1: for 15% write 0.15",
      "compare target rate as a percentage|compare --preset medway-2019 --with '{\"type\": \"posts\", \"startMonth\": 1, \"team\": \"assessment\", \"fte\": 8}' --target 'agencyRate <= 20 at snapshot 2020-09-30'|--target: target \"agencyRate <= 20 at snapshot 2020-09-30\": agencyRate is a share from 0 to 1: for 20% write 0.2",
      "goal-seek target rate as a percentage|goal-seek --preset medway-2019 --probability 0.8 --lever posts:longTerm=0..8 --target 'turnoverRate <= 15 at month 12'|--target: target \"turnoverRate <= 15 at month 12\": turnoverRate is a share from 0 to 1: for 15% write 0.15",
      "missing file|run --scenario /nonexistent/s.json|/nonexistent/s.json: no such file",
      "out in missing folder|run --preset synthetic-small --replications 2 --out /nonexistent/r.txt|--out: cannot write /nonexistent/r.txt: the folder /nonexistent does not exist",
      "out is a folder|run --preset synthetic-small --replications 2 --out target|--out: cannot write target: it is a folder, not a file",
      "goal-seek out is a folder|goal-seek --preset medway-2019 --probability 0.8 --lever posts:longTerm=0..8 --target 'caseload <= 18 at month 12' --out target|--out: cannot write target: it is a folder, not a file",
      "misspelt command|runn --preset medway-2019|did you mean run?",
      "unknown option|run --preset medway-2019 --colour red|Unknown options: '--colour', 'red'",
      "unknown command|frobnicate|Unmatched argument",
      "set unknown field|run --preset medway-2019 --set parameters.demand.growth=0.08|--set: parameters.demand.growth: is not a field of the scenario; did you mean 'parameters.demand.annualGrowth'?",
      "set out of range|run --preset medway-2019 --set parameters.demand.annualGrowth=3|--set: parameters.demand.annualGrowth: must be <= 1, was 3",
      "set uncertainty beyond meaning|run --preset medway-2019 --set 'uncertainty=[{\"parameter\":\"referralLevel\",\"sd\":10}]'|--set: uncertainty[0].sd: must be from 0 to 1 for referralLevel (the sd of the log of a mean-one multiplier",
      "set parameters null|run --preset medway-2019 --set parameters=null|--set: parameters: must be an object, was null",
      "set team null|run --preset medway-2019 --set teams[0]=null|--set: teams[0]: must be an object, was null",
      "set wrong type|run --preset medway-2019 --set teams[1].establishment=lots|--set: teams[1].establishment: must be a number, was the string \"lots\"",
      "set without value|run --preset medway-2019 --set horizonMonths|--set: horizonMonths: must be PATH=VALUE",
      "with bad team|run --preset medway-2019 --with '{\"type\": \"posts\", \"startMonth\": 1, \"team\": \"duty\", \"fte\": 8}'|--with #1: intervention 1.team: must name a team of the scenario (assessment, longTerm), was 'duty'",
      "with start after the run|run --preset medway-2019 --months 24 --with '{\"type\": \"posts\", \"startMonth\": 40, \"team\": \"assessment\", \"fte\": 8}'|--with #1: intervention 1.startMonth: starts after the run's last month (24), so it would change nothing; give 1 to 24, was 40",
      "with too many posts removed|run --preset medway-2019 --with '{\"type\": \"posts\", \"startMonth\": 1, \"team\": \"assessment\", \"fte\": -500}'|--with #1: intervention 1.fte: the posts and funding levers of team 'assessment' active in month 1 remove 500.0 posts, more than it has at the base date (16.2); was -500",
      "with fields missing|run --preset medway-2019 --with '{\"type\": \"posts\"}'|--with #1: intervention 1: startMonth, team and fte are required",
      "with two problems|run --preset medway-2019 --with '[{\"type\": \"posts\", \"startMonth\": 1, \"team\": \"assessment\", \"fte\": 8}, {\"type\": \"posts\", \"startMonth\": 0, \"team\": \"duty\"}]'|--with #1: intervention 2.fte: is required; intervention 2.startMonth: must be >= 1, was 0; intervention 2.team: must name a team of the scenario (assessment, longTerm), was 'duty'",
      "with unclosed|run --preset medway-2019 --with '{\"type\": \"posts\"'|--with #1: is not valid JSON: the object opened at column 1 is not closed (a '}' is missing)",
      "misspelt metric|run --preset medway-2019 --metrics caseload,vacancyRte|--metrics: 'vacancyRte' is not a metric; did you mean 'vacancyFte' or 'vacancyRate'? (every metric: docs/model.md, or caseload metrics)",
      "misspelt metric, one near|run --preset medway-2019 --metrics caseloda|--metrics: 'caseloda' is not a metric; did you mean 'caseload'?",
      "precision without half-width|run --preset medway-2019 --precision caseload|--precision: 'caseload' must be METRIC=HALFWIDTH, e.g. caseload=0.1",
      "precision metric|run --preset medway-2019 --precision caseloda=0.1|--precision: 'caseloda' is not a metric; did you mean 'caseload'?",
      "precision NaN|run --preset medway-2019 --precision caseload=NaN|--precision: the half-width of caseload: 'NaN' is not a number",
      "precision hexadecimal|run --preset medway-2019 --precision caseload=0x1p3|--precision: the half-width of caseload: '0x1p3' is not a number",
      "precision zero|run --preset medway-2019 --precision caseload=0|--precision: the half-width of caseload must be above 0, was 0",
      "precision negative|run --preset medway-2019 --precision caseload=-0.1|--precision: the half-width of caseload must be above 0, was -0.1",
      "precision beyond a double|run --preset medway-2019 --precision caseload=1e400|--precision: the half-width of caseload: '1e400' is too large",
      "precision below a double|run --preset medway-2019 --precision caseload=1e-400|--precision: the half-width of caseload must be above 0, was 1e-400",
      "precision digits without end|run --preset medway-2019 --precision caseload=1111111111111111111111111111111111111111111111111|--precision: the half-width of caseload: '1111111111111111111111111111111111111111...' is not a number",
      "precision twice|run --preset medway-2019 --precision caseload=0.1 --precision caseload=0.2|--precision: caseload is given twice",
      "wide without csv|run --preset medway-2019 --wide|--wide: is a layout of CSV; add --format csv",
      "no metrics|run --preset medway-2019 --metrics ,,,|--metrics: give metric names separated by commas",
      "with nothing|run --preset medway-2019 --with []|--with #1: must be an intervention (a JSON object) or a non-empty array of them",
      "set huge index|run --preset medway-2019 --set teams[99999999999999999999].establishment=1|--set: teams[99999999999999999999].establishment: is not a field of the scenario",
      "many replications|run --preset synthetic-small --replications 1000001|replications would take about",
      "funding at a pound a post|run --preset synthetic-small --months 1 --replications 1 --set parameters.funding.permanentCostPerYear=1 --with '{\"type\": \"funding\", \"startMonth\": 1, \"team\": \"children\", \"poundsPerYear\": 100000000}'|--with #1: intervention 1.poundsPerYear: the teams' funded posts in month 1 would be 99835142, more than the 200000 a scenario may fund (about five times England as one service); it funds 99835114 posts at parameters.funding.permanentCostPerYear 1 (with inflation to month 1), was 100000000",
      "compare funding at a pound a post|compare --preset synthetic-small --months 1 --replications 1 --set parameters.funding.permanentCostPerYear=1 --with '{\"type\": \"funding\", \"startMonth\": 1, \"team\": \"children\", \"poundsPerYear\": 100000000}'|poundsPerYear: the teams' funded posts in month 1 would be 99835142",
      "goal-seek strongest posts|goal-seek --preset medway-2019 --probability 0.8 --lever posts:longTerm=0..100000/50000 --lever posts:assessment=0..100000/50000 --target 'caseload <= 18 at month 12'|--lever: interventions[0].fte: the teams' funded posts in month 1 would be 200204, more than the 200000 a scenario may fund",
      "sensitivity lever posts|sensitivity --preset medway-2019 --months 3 --metric caseload --month 3 --method tornado --set teams[1].establishment=100000 --lever posts:longTerm=0..100000/50000|--lever 'posts:longTerm=0..100000/50000': at 100000: interventions[0].fte: the teams' funded posts in month 1 would be",
      "sensitivity drawn growth of posts|sensitivity --preset medway-2019 --months 120 --metric caseload --month 3 --method tornado --set teams[0].establishment=100000|--parameters: the study would draw an invalid scenario, establishmentGrowth at z 1.64: parameters.funding.establishmentGrowth: the teams' funded posts in month 88 would be"})
  void badInput_exitsTwoWithOneLineNamingTheProblem(String name, String commandLine,
      String message) {
    CliRunner.Result result = run(split(commandLine));
    assertThat(result.code()).as(name).isEqualTo(2);
    assertThat(result.err()).as(name).contains(message).doesNotContain("Exception")
        .doesNotContain("\tat ").doesNotContain("REDACTED");
    assertThat(result.err().lines().count()).as(name).isEqualTo(1);
    assertThat(result.out()).as(name).isEmpty();
  }

  /** Splits on spaces, keeping 'quoted' words together. */
  static String[] split(String commandLine) {
    var words = new java.util.ArrayList<String>();
    var m = java.util.regex.Pattern.compile("'([^']*)'|(\\S+)").matcher(commandLine);
    while (m.find()) {
      words.add(m.group(1) != null ? m.group(1) : m.group(2));
    }
    return words.toArray(new String[0]);
  }
}
