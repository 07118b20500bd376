package org.caseload.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.caseload.sim.cli.CliRunner.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.caseload.core.metrics.Metric;
import org.caseload.sim.output.CsvNumbers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompareAndSweepTest {

  private static final String EIGHT_POSTS =
      "{\"type\": \"posts\", \"startMonth\": 1, \"team\": \"assessment\", \"fte\": 8}";

  @TempDir
  Path temp;

  @Test
  void compare_with_printsPairedDifferences() {
    CliRunner.Result result = run("compare", "--preset", "medway-2019", "--with", EIGHT_POSTS,
        "--replications", "64", "--months", "12");
    assertThat(result.code()).isZero();
    assertThat(result.out()).contains("Baseline: Medway at 30 September 2019",
        "Variant 1: Medway at 30 September 2019 + posts", "difference", "95% CI", "P(better)",
        "P(same)", "P(worse)", "Extra cost of the variant");
  }

  @Test
  void compare_set_editsTheBaselineAndItsVariants_andTheTableShowsExtraCost() {
    CliRunner.Result result = run("compare", "--preset", "medway-2019", "--set",
        "parameters.demand.annualGrowth=0.08", "--with", EIGHT_POSTS, "--replications", "32",
        "--months", "24");
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).contains("Baseline: Medway at 30 September 2019 with"
        + " parameters.demand.annualGrowth=0.08\n32 replications", "Variant 1: Medway at 30 September 2019 with"
        + " parameters.demand.annualGrowth=0.08 + posts", "Extra cost of the variant",
        "year 2, Oct 2020-Sep 2021", "a year on average");
    assertThat(result.out().lines().mapToInt(String::length).max().orElseThrow())
        .isLessThanOrEqualTo(120);
  }

  @Test
  void compare_set_leavesVariantScenariosAsTheyAre_andHelpSaysSo() {
    CliRunner.Result result = run("compare", "--preset", "medway-2019", "--set",
        "parameters.demand.annualGrowth=0.08", "--variant", "medway-2019", "--replications",
        "16", "--months", "12");
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).contains("Baseline: Medway at 30 September 2019 with"
        + " parameters.demand.annualGrowth=0.08\n", "Variant 1: Medway at 30 September 2019\n");
    assertThat(run("compare", "--help").out().replaceAll("\\s+", " "))
        .contains("a --variant scenario is compared as its preset or file has it");
  }

  @Test
  void compare_wideCsv_hasOneRowPerVariantAndMonth() {
    CliRunner.Result result = run("compare", "--preset", "synthetic-small", "--with",
        EIGHT_POSTS.replace("assessment", "frontDoor"), "--replications", "8", "--format",
        "csv", "--wide", "--metrics", "caseload");
    var lines = result.out().lines().toList();
    assertThat(lines.get(0)).startsWith("variant,month,date,caseload_baselineMean,"
        + "caseload_variantMean,caseload_difference,").endsWith("caseload_probabilityWorse,"
        + "caseload_baselineMeanHalfWidth95,caseload_variantMeanHalfWidth95,"
        + "caseload_differenceP5HalfWidth95,caseload_differenceP50HalfWidth95,"
        + "caseload_differenceP95HalfWidth95,caseload_probabilityHalfWidth95,"
        + "caseload_baselineN,caseload_variantN,caseload_differenceN");
    assertThat(lines).hasSize(1 + 24);
  }

  @Test
  void compare_json_carriesBothRunsAndTheDifferences() throws Exception {
    CliRunner.Result result = run("compare", "--preset", "synthetic-small", "--variant",
        "synthetic-small", "--with", "[" + EIGHT_POSTS.replace("assessment", "children")
            + "]", "--replications", "32", "--format", "json");
    assertThat(result.code()).isZero();
    JsonNode json = new ObjectMapper().readTree(result.out());
    assertThat(json.get("commonRandomNumbers").asBoolean()).isTrue();
    assertThat(json.get("variants")).hasSize(2);
    JsonNode same = json.get("variants").get(0).get("differences").get(5).get("metrics")
        .get("caseload");
    assertThat(same.get("mean").asDouble()).isZero();
    JsonNode posts = json.get("variants").get(1).get("differences").get(5).get("metrics")
        .get("establishmentFte");
    assertThat(posts.get("mean").asDouble()).isEqualTo(8.0);
    assertThat(posts.get("probabilityBetter").isNull()).isTrue();
    assertThat(posts.get("probabilitySame").asDouble()).isZero();
    assertThat(same.get("probabilitySame").asDouble()).isEqualTo(1.0);
    // how far each could move: nothing for identical replications' differences; P(same) of
    // 1 (32 of 32) and 0 reach 1 - 0.025^(1/32) by Clopper-Pearson, and no better or worse
    // is defined for a neutral metric
    assertThat(same.get("halfWidth95").get("mean").asDouble()).isZero();
    assertThat(same.get("halfWidth95").has("shareAboveZero")).isFalse();
    double reach = 1 - Math.pow(0.025, 1.0 / 32);
    assertThat(same.get("probabilityHalfWidth95").asDouble()).isCloseTo(reach, within(1e-12));
    assertThat(posts.get("probabilityHalfWidth95").asDouble()).isCloseTo(reach, within(1e-12));
    assertThat(json.get("variants").get(1).get("name").asText())
        .isEqualTo("Small synthetic service + posts");
    assertThat(json.get("variants").get(1).get("extraCost").get("horizon").get("mean")
        .asDouble()).isPositive();
  }

  @Test
  void compare_csv_hasOneRowPerVariantMetricAndMonth() {
    CliRunner.Result result = run("compare", "--preset", "synthetic-small", "--with",
        EIGHT_POSTS.replace("assessment", "frontDoor"), "--replications", "16", "--format",
        "csv");
    assertThat(result.code()).isZero();
    var lines = result.out().lines().toList();
    // and the extra cost: two plan years and the horizon
    assertThat(lines).hasSize(1 + 24 * Metric.COUNT + 3);
    assertThat(lines.get(0)).endsWith(",probabilityBetter,probabilitySame,probabilityWorse,"
        + "baselineMeanHalfWidth95,variantMeanHalfWidth95,differenceP5HalfWidth95,"
        + "differenceP50HalfWidth95,differenceP95HalfWidth95,probabilityHalfWidth95,"
        + "baselineN,variantN,differenceN");
    assertThat(lines.get(1)).startsWith("Small synthetic service + posts,1,2021-04-30,referrals,");
    assertThat(lines.subList(lines.size() - 3, lines.size()).stream()
        .map(l -> l.split(",")[1] + " " + l.split(",")[3]))
        .containsExactly("12 cost year 1", "24 cost year 2", "24 cost 24 months");
  }

  /**
   * The extra cost, a comparison's headline, is in its CSV as in its JSON: each plan year's
   * and the horizon's, both scenarios' means, the paired difference and its interval and
   * percentiles, with their accuracy (an analyst's trial found it only in the table and JSON).
   */
  @Test
  void compare_csv_carriesTheExtraCostAsTheJsonDoes() throws Exception {
    String[] args = {"compare", "--preset", "medway-2019", "--with", EIGHT_POSTS,
        "--replications", "200", "--months", "18", "--quiet", "--format"};
    JsonNode json = new ObjectMapper().readTree(run(RunCommandTest.append(args, "json")).out());
    List<String> csv = run(RunCommandTest.append(args, "csv")).out().lines().toList();
    List<String> header = List.of(csv.get(0).split(","));
    JsonNode variant = json.get("variants").get(0);
    // the row's name, the plan year's index in the JSON (none: the horizon), its last month
    String[][] spans = {{"cost year 1", "0", "12"}, {"cost year 2", "1", "18"},
        {"cost 18 months", "", "18"}};
    for (String[] span : spans) {
      String[] row = csv.stream().filter(l -> l.split(",")[3].equals(span[0])).findFirst()
          .orElseThrow().split(",", -1);
      JsonNode extra = span[1].isEmpty() ? variant.get("extraCost").get("horizon")
          : variant.get("extraCost").get("byYear").get(Integer.parseInt(span[1]));
      JsonNode base = span[1].isEmpty() ? json.get("baseline").get("costs").get("horizon")
          : json.get("baseline").get("costs").get("byYear").get(Integer.parseInt(span[1]));
      JsonNode plan = span[1].isEmpty() ? variant.get("result").get("costs").get("horizon")
          : variant.get("result").get("costs").get("byYear").get(Integer.parseInt(span[1]));
      assertThat(row[1]).as(span[0]).isEqualTo(span[2]);
      double[][] expected = {{base.get("mean").asDouble()}, {plan.get("mean").asDouble()},
          {extra.get("mean").asDouble()}, {extra.get("ci95").get(0).asDouble()},
          {extra.get("ci95").get(1).asDouble()}, {extra.get("sd").asDouble()},
          {extra.get("p5").asDouble()}, {extra.get("p50").asDouble()},
          {extra.get("p95").asDouble()}};
      String[] names = {"baselineMean", "variantMean", "difference", "ci95Low", "ci95High",
          "differenceSd", "differenceP5", "differenceP50", "differenceP95"};
      for (int i = 0; i < names.length; i++) {
        assertThat(Double.parseDouble(row[header.indexOf(names[i])])).as(span[0] + " " + names[i])
            .isCloseTo(expected[i][0], within(5e-6 * Math.abs(expected[i][0]) + 1e-9));
      }
      assertThat(Double.parseDouble(row[header.indexOf("differenceP50HalfWidth95")]))
          .isCloseTo(extra.get("halfWidth95").get("p50").asDouble(),
              within(5e-6 * extra.get("halfWidth95").get("p50").asDouble()));
      assertThat(row[header.indexOf("probabilityBetter")]).isEmpty();
    }
  }

  @Test
  void compare_twoVariantsOfOneName_areToldApart() {
    CliRunner.Result result = run("compare", "--preset", "synthetic-small", "--with",
        EIGHT_POSTS.replace("assessment", "frontDoor"), "--with",
        EIGHT_POSTS.replace("assessment", "children"), "--replications", "8", "--format",
        "csv", "--metrics", "cases", "--months", "1");
    assertThat(result.out().lines().skip(1).filter(l -> !l.contains(",cost "))
        .map(l -> l.substring(0, l.indexOf(",1,"))))
        .containsExactly("Small synthetic service + posts (variant 1)",
            "Small synthetic service + posts (variant 2)");
  }

  @Test
  void compare_target_givesEachScenariosProbabilityAndThePairedDifference() throws Exception {
    String[] args = {"compare", "--preset", "medway-2019", "--with", EIGHT_POSTS,
        "--replications", "64", "--months", "12", "--target", "caseloadAssessment <= 18 at month"
        + " 12"};
    CliRunner.Result table = run(args);
    assertThat(table.code()).as(table.err()).isZero();
    assertThat(table.out()).contains("Targets (probability met)",
        "caseloadAssessment <= 18 at month 12");
    JsonNode json = new ObjectMapper().readTree(run(RunCommandTest.append(RunCommandTest.append(
        args, "--format"), "json")).out());
    double base = json.get("baseline").get("targets").get(0).get("probability").asDouble();
    JsonNode variant = json.get("variants").get(0);
    double plan = variant.get("result").get("targets").get(0).get("probability").asDouble();
    assertThat(plan).isGreaterThan(base);
    // each scenario's probability beside its own 95% interval (Clopper-Pearson of its count)
    long baseMet = Math.round(base * 64);
    long planMet = Math.round(plan * 64);
    String targetRow = table.out().lines()
        .filter(l -> l.startsWith("  caseloadAssessment <= 18")).findFirst().orElseThrow();
    assertThat(targetRow).contains(String.format(java.util.Locale.ROOT, "%.1f%%  [%.1f%%, %.1f%%]",
        100.0 * baseMet / 64, 100 * org.caseload.sim.summary.ClopperPearson.lower95(baseMet, 64),
        100 * org.caseload.sim.summary.ClopperPearson.upper95(baseMet, 64)));
    assertThat(targetRow).contains(String.format(java.util.Locale.ROOT, "%.1f%%  [%.1f%%, %.1f%%]",
        100.0 * planMet / 64, 100 * org.caseload.sim.summary.ClopperPearson.lower95(planMet, 64),
        100 * org.caseload.sim.summary.ClopperPearson.upper95(planMet, 64)));
    assertThat(variant.get("targetDifferences").get(0).get("difference").asDouble())
        .isCloseTo(plan - base, org.assertj.core.api.Assertions.within(1e-12));
    // tidy CSV: a row per variant x target, the same probabilities and difference
    String row = run(RunCommandTest.append(RunCommandTest.append(args, "--format"), "csv"))
        .out().lines().filter(line -> line.contains(",caseloadAssessment <= 18 at month 12,"))
        .findFirst().orElseThrow();
    String[] cells = row.split(",");
    assertThat(cells[1]).isEqualTo("12");
    assertThat(cells[4]).isEqualTo(CsvNumbers.format(base));
    assertThat(cells[5]).isEqualTo(CsvNumbers.format(plan));
    assertThat(cells[6]).isEqualTo(CsvNumbers.format(variant.get("targetDifferences").get(0)
        .get("difference").asDouble()));
    assertThat(Double.parseDouble(cells[13]) + Double.parseDouble(cells[14])
        + Double.parseDouble(cells[15]))
        .isCloseTo(1, org.assertj.core.api.Assertions.within(1e-5));
    CliRunner.Result bad = run("compare", "--preset", "medway-2019", "--with", EIGHT_POSTS,
        "--months", "12", "--target", "caseload <= 18 at month 13");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).startsWith("--target: ").contains("beyond the horizon of 12 months");
  }

  /**
   * A comparison's CSV states each scenario's mean's half-width as its JSON does: empty where
   * the JSON has null (every replication gave the same value, which shows nothing of how far
   * the mean could be: no child waiting in Medway's first months), the same number
   * otherwise. An analyst found 0 there, claiming an exact mean.
   */
  @Test
  void compareCsv_meansHalfWidths_areTheJsons() throws Exception {
    String[] args = {"compare", "--preset", "medway-2019", "--months", "3", "--with",
        EIGHT_POSTS, "--replications", "200", "--format"};
    CliRunner.Result csv = run(concat(args, "csv"));
    CliRunner.Result json = run(concat(args, "json"));
    assertThat(csv.code()).as(csv.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(json.out());
    List<String> header = List.of(csv.out().lines().findFirst().orElseThrow().split(","));
    int nulls = 0;
    for (String line : csv.out().lines().skip(1).toList()) {
      String[] cells = line.split(",", -1);
      Metric m;
      try {
        m = Metric.valueOf(cells[3]);
      } catch (IllegalArgumentException e) {
        continue; // a cost total's row
      }
      int month = Integer.parseInt(cells[1]);
      for (String[] side : new String[][] {{"baselineMeanHalfWidth95", "/baseline"},
          {"variantMeanHalfWidth95", "/variants/0/result"}}) {
        JsonNode stated = root.at(side[1] + "/monthly/" + (month - 1) + "/metrics/" + m
            + "/halfWidth95/mean");
        String cell = cells[header.indexOf(side[0])];
        if (stated.isNull()) {
          nulls++;
          assertThat(cell).as("%s month %d %s", m, month, side[0]).isEmpty();
        } else {
          assertThat(cell).as("%s month %d %s", m, month, side[0])
              .isEqualTo(CsvNumbers.format(stated.asDouble()));
        }
      }
    }
    assertThat(nulls).as("some figures the same in every replication").isPositive();
  }

  /** A grid's sweep too large to write is refused before running, without "1 councils". */
  @Test
  void sweep_tooMuchCsv_isRefusedInTheGridsTerms() throws Exception {
    Path grid = temp.resolve("big.json");
    Files.writeString(grid, "{\"preset\": \"synthetic-small\", \"axes\": {"
        + "\"parameters.demand.annualGrowth\": [0, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08,"
        + " 0.09], \"teams[1].establishment\": [20, 21, 22, 23, 24, 25, 26, 27, 28, 29]}}");
    CliRunner.Result sweep = run("sweep", grid.toString(), "--replications", "1", "--months",
        "120", "--quiet");
    assertThat(sweep.code()).as(sweep.err()).isEqualTo(2);
    assertThat(sweep.err()).contains(": 100 combinations x 120 months x " + Metric.COUNT
        + " metrics = ").contains("(with the axes' values)").doesNotContain("councils");
    assertThat(sweep.out()).isEmpty();
  }

  private static String[] concat(String[] args, String last) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 1);
    all[args.length] = last;
    return all;
  }

  @Test
  void sweep_writesTidyCsvForEveryGridPoint() throws Exception {
    Path grid = temp.resolve("grid.json");
    Files.writeString(grid, "{\"preset\": \"synthetic-small\", \"axes\": {"
        + "\"parameters.demand.annualGrowth\": [0, 0.08], \"teams[1].establishment\": [20, 24,"
        + " 28]}, \"metrics\": [\"caseload\", \"vacancyRate\"]}");
    CliRunner.Result result = run("sweep", grid.toString(), "--replications", "16",
        "--months", "6", "--paired");
    assertThat(result.code()).as(result.err()).isZero();
    var lines = result.out().lines().toList();
    // without --paired: the same rows without the last four columns (each point's own
    // results do not depend on being paired)
    CliRunner.Result alone = run("sweep", grid.toString(), "--replications", "16",
        "--months", "6");
    assertThat(alone.code()).as(alone.err()).isZero();
    assertThat(alone.out().lines().toList()).isEqualTo(lines.stream()
        .map(l -> l.replaceFirst("(,[^,]*){4}$", "")).toList());
    assertThat(lines.get(0)).isEqualTo("scenario,parameters.demand.annualGrowth,"
        + "teams[1].establishment,period,month,date,metric,mean,sd,se,p5,p10,p25,p50,p75,p90,p95,"
        + "shareAboveZero,meanHalfWidth95,p5HalfWidth95,p10HalfWidth95,p25HalfWidth95,"
        + "p50HalfWidth95,p75HalfWidth95,p90HalfWidth95,p95HalfWidth95,"
        + "shareAboveZeroHalfWidth95,n,difference,differenceCi95Low,differenceCi95High,"
        + "differenceN");
    assertThat(lines).hasSize(1 + 6 * 6 * 2);
    assertThat(lines.get(1)).startsWith("1,0,20,month,1,2021-04-30,caseload,");
    assertThat(lines.get(lines.size() - 1)).startsWith("6,0.08,28,month,6,2021-09-30,vacancyRate,");
    // the first point is the base (no growth, 20 long-term posts): it differs by exactly 0
    assertThat(lines.stream().filter(l -> l.startsWith("1,"))).hasSize(12)
        .allMatch(l -> l.endsWith(",16,0,0,0,16"));
    // more posts: caseloads lower than the base's in month 6, the interval excluding 0
    String[] more = lines.stream().filter(l -> l.startsWith("3,0,28,month,6,2021-09-30,caseload,"))
        .findFirst().orElseThrow().split(",");
    assertThat(more).hasSize(lines.get(0).split(",").length);
    double difference = Double.parseDouble(more[more.length - 4]);
    assertThat(Double.parseDouble(more[more.length - 2])).isNegative()
        .isGreaterThan(difference);
    assertThat(Double.parseDouble(more[more.length - 3])).isLessThan(difference);
    assertThat(more[more.length - 1]).isEqualTo("16");
  }

  /**
   * The axis columns hold each value as a plain decimal, as it was given: 0.0001 not 1.0E-4,
   * 8 not 8.0 (8.0 and 8e0 are written 8, 1.5e-3 is 0.0015).
   */
  @Test
  void sweep_axisValues_arePlainDecimals() throws Exception {
    Path grid = temp.resolve("grid.json");
    Files.writeString(grid, "{\"preset\": \"synthetic-small\", \"axes\": {"
        + "\"parameters.demand.annualGrowth\": [0.0001, 1.5e-3, 0.08],"
        + " \"teams[1].establishment\": [8, 8.0, 2.4e1]}, \"metrics\": [\"caseload\"]}");
    CliRunner.Result result = run("sweep", grid.toString(), "--replications", "1",
        "--months", "1", "--quiet");
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out().lines().skip(1).map(l -> l.split(",", 4))
        .map(cells -> cells[1] + " " + cells[2]).toList()).containsExactly(
            "0.0001 8", "0.0001 8", "0.0001 24", "0.0015 8", "0.0015 8", "0.0015 24",
            "0.08 8", "0.08 8", "0.08 24");
  }

  /**
   * The sweep's CSV is the same bytes on 1 and 3 threads (the project's rule), its paired
   * differences included; a point of another horizon than the base's has empty difference
   * cells, one of the base's horizon has them.
   */
  @Test
  void sweep_sameBytesForAnyThreadCount_andUnpairedPointsHaveEmptyDifferences()
      throws Exception {
    Path grid = temp.resolve("grid.json");
    Files.writeString(grid, "{\"preset\": \"synthetic-small\", \"axes\": {"
        + "\"horizonMonths\": [6, 24], \"teams[1].establishment\": [20, 26]},"
        + " \"metrics\": [\"caseload\", \"cost\", \"unallocatedCases\"]}");
    CliRunner.Result one = run("sweep", grid.toString(), "--replications", "150", "--threads",
        "1", "--quiet", "--paired");
    CliRunner.Result three = run("sweep", grid.toString(), "--replications", "150",
        "--threads", "3", "--quiet", "--paired");
    assertThat(one.code()).as(one.err()).isZero();
    assertThat(three.out()).isEqualTo(one.out());
    var lines = one.out().lines().toList();
    assertThat(lines.stream().filter(l -> l.startsWith("1,6,") || l.startsWith("2,6,")))
        .hasSize(2 * 6 * 3).allMatch(l -> l.endsWith(",150,,,,"));
    assertThat(lines.stream().filter(l -> l.startsWith("3,24,20,"))).hasSize(24 * 3)
        .allMatch(l -> l.endsWith(",150,0,0,0,150"));
    assertThat(lines.stream().filter(l -> l.startsWith("4,24,26,month,24,")))
        .hasSize(3).noneMatch(l -> l.endsWith(",,,,")).noneMatch(l -> l.endsWith(",0,0,0,150"))
        .allMatch(l -> l.endsWith(",150"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no variant|--preset medway-2019|compare: give at least one --variant (a preset or a file) or --with JSON",
      "bad json|--preset medway-2019 --with {posts|--with #1: is not valid JSON: unexpected character 'p'",
      "unclosed json|--preset medway-2019 --with '{\"type\": \"posts\"'|--with #1: is not valid JSON: the object opened at column 1 is not closed (a '}' is missing)",
      "two objects|--preset medway-2019 --with '{\"type\": \"posts\"}{\"type\": \"posts\"}'|--with #1: is not valid JSON: unexpected text after the value (at column 18)",
      "not an object|--preset medway-2019 --with 42|--with #1: must be an intervention (a JSON object) or a non-empty array of them",
      "unknown team|--preset medway-2019 --with '{\"type\": \"posts\", \"startMonth\": 1, \"team\": \"x\", \"fte\": 8}'|--with #1: intervention 1.team: must name a team of the scenario (assessment, longTerm), was 'x'",
      "missing field|--preset medway-2019 --with '{\"type\": \"posts\", \"team\": \"assessment\", \"fte\": 8}'|--with #1: intervention 1.startMonth: is required",
      "unknown variant|--preset medway-2019 --variant nowhere|--variant: 'nowhere' is neither a preset"})
  void compare_badInput_exitsTwo(String name, String args, String message) {
    String[] words = RunCommandTest.split("compare " + args + " --replications 4");
    CliRunner.Result result = run(words);
    assertThat(result.code()).as(name).isEqualTo(2);
    assertThat(result.err()).as(name).contains(message).doesNotContain("Exception")
        .doesNotContain("REDACTED");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "bad path|{\"preset\": \"synthetic-small\", \"axes\": {\"parameters.demand.growth\": [1]}}|axes: parameters.demand.growth: is not a field of the scenario; did you mean 'parameters.demand.annualGrowth'?",
      "invalid value|{\"preset\": \"synthetic-small\", \"axes\": {\"horizonMonths\": [500]}}|horizonMonths: must be <= 120, was 500",
      "point breaking another field|{\"preset\": \"synthetic-small\", \"axes\": {\"horizonMonths\": [6], \"parameters.demand.nfaShare\": [0.3, 0.99]}}|axes: at the grid point horizonMonths=6, parameters.demand.nfaShare=0.99: parameters.demand.notInNeedShare: nfaShare + notInNeedShare must be <= 1",
      "no axes|{\"preset\": \"synthetic-small\"}|axes: must be an object of scenario field path: [values], with at least one axis",
      "null axes|{\"preset\": \"synthetic-small\", \"axes\": null}|axes: must be an object of scenario field path: [values], with at least one axis",
      "empty axis|{\"preset\": \"synthetic-small\", \"axes\": {\"horizonMonths\": []}}|must be a non-empty array",
      "unknown field|{\"preset\": \"synthetic-small\", \"axis\": {}}|axis: is not a known field",
      "two bases|{\"preset\": \"synthetic-small\", \"scenario\": \"a.json\", \"axes\": {\"horizonMonths\": [3]}}|give exactly one of \"preset\" or \"scenario\"",
      "bad metric|{\"preset\": \"synthetic-small\", \"axes\": {\"horizonMonths\": [3]}, \"metrics\": [\"joy\"]}|metrics[0]: 'joy' is not a metric; did you mean",
      "no metrics|{\"preset\": \"synthetic-small\", \"axes\": {\"horizonMonths\": [3]}, \"metrics\": []}|metrics: must name at least one metric",
      "metric twice|{\"preset\": \"synthetic-small\", \"axes\": {\"horizonMonths\": [3]}, \"metrics\": [\"cost\", \"cost\"]}|metrics[1]: 'cost' is given twice",
      "metric not text|{\"preset\": \"synthetic-small\", \"axes\": {\"horizonMonths\": [3]}, \"metrics\": [[\"cost\"]]}|metrics[0]: must be a metric's name, was an array",
      "not json|{preset|is not valid JSON: unexpected character 'p'",
      "text after|{\"preset\": \"synthetic-small\", \"axes\": {\"horizonMonths\": [3]}} junk|is not valid JSON: unexpected text after the value (at column 63)",
      "too much CSV|{\"preset\": \"synthetic-small\", \"axes\": {\"horizonMonths\": [119, 120], \"parameters.demand.annualGrowth\": [0.00, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09], \"parameters.workforce.annualTurnover\": [0.1, 0.11, 0.12, 0.13, 0.14, 0.15, 0.16, 0.17, 0.18, 0.19]}}|axes: the sweep would write about"})
  void sweep_badGrid_exitsTwo(String name, String grid, String message) throws Exception {
    Path file = temp.resolve("grid.json");
    Files.writeString(file, grid);
    CliRunner.Result result = run("sweep", file.toString(), "--replications", "4");
    assertThat(result.code()).as(name).isEqualTo(2);
    assertThat(result.err()).as(name).contains(message).doesNotContain("Exception");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void sweep_monthsAndAHorizonAxis_areRefusedNamingBoth() throws Exception {
    Path grid = temp.resolve("grid.json");
    Files.writeString(grid, "{\"preset\": \"synthetic-small\", \"axes\": {\"horizonMonths\":"
        + " [6, 12]}}");
    CliRunner.Result result = run("sweep", grid.toString(), "--months", "3", "--replications",
        "4", "--quiet");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("--months: " + grid + ": axes: horizonMonths also sets"
        + " the horizon: give one of them\n");
    assertThat(result.out()).isEmpty();
    // either alone runs: the axis's horizons, or --months's
    CliRunner.Result axis = run("sweep", grid.toString(), "--replications", "4", "--quiet");
    assertThat(axis.code()).as(axis.err()).isZero();
    assertThat(axis.out().lines().filter(l -> l.startsWith("2,12,month,12,")).count())
        .isPositive();
  }

  /** The help names --paired, its "95%" escaped for picocli (which warned otherwise). */
  @Test
  void sweep_help_namesThePairedDifferences_withoutAFormatWarning() {
    PrintStream saved = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    CliRunner.Result help;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      help = run("sweep", "--help");
    } finally {
      System.setErr(saved);
    }
    assertThat(help.out().replaceAll("\\s+", " ")).contains("(with --paired, then the paired"
        + " difference from the grid's preset or scenario and its 95% interval)",
        "--paired also each point's paired difference from the grid's preset or scenario (with"
        + " --all-councils: from its council's forecast) and its 95% interval");
    assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("WARN");
  }

  /** With --all-councils and no grid there is nothing to pair with a council's forecast. */
  @Test
  void sweep_pairedWithAllCouncilsAndNoGrid_exitsTwo() {
    CliRunner.Result result = run("sweep", "--all-councils", "--year", "2019", "--paired",
        "--data", Path.of("..", "data", "dfe").toString());
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).startsWith("--paired: pairs each grid point with its council's"
        + " forecast: give a grid FILE with axes").hasLineCount(1);
    assertThat(result.out()).isEmpty();
  }

  @Test
  void sweep_missingFile_exitsTwo() {
    CliRunner.Result result = run("sweep", temp.resolve("none.json").toString());
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("no such file");
  }
}
