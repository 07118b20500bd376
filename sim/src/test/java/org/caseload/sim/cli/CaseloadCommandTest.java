package org.caseload.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseloadCommandTest {

  private static final String MEDWAY = Path.of("..", "examples", "medway-2019.json").toString();

  @TempDir
  Path temp;

  private record Result(int code, String out, String err) {}

  /**
   * No command is a usage error: exit 2, the usage on stderr, nothing on stdout (it had exited
   * 0, an outside trial); --help is still the usage on stdout, exit 0.
   */
  @Test
  void noCommand_isAUsageError() {
    CliRunner.Result none = CliRunner.run();
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.out()).isEmpty();
    assertThat(none.err()).startsWith("caseload: give a command (caseload --help lists them)\n"
        + "Usage: caseload").contains("Commands:");
    CliRunner.Result help = CliRunner.run("--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).startsWith("Usage: caseload");
  }

  /** A stdout that cannot be written (a full disk): the listing is lost, and the exit says so. */
  @Test
  void presetsToAFullDisk_exits74() {
    Writer full = new Writer() {
      @Override
      public void write(char[] chars, int offset, int length) throws IOException {
        throw new IOException("No space left on device");
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    StringWriter err = new StringWriter();
    int code = CaseloadCommand.execute(Stdout.over(full), new PrintWriter(err), "presets");
    assertThat(code).isEqualTo(74);
    assertThat(err.toString())
        .isEqualTo("stdout: the output could not be written: no space left on device\n");
  }

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = CaseloadCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void project_printsMedwayMonthByMonthWithSnapshots() {
    Result result = run("project", MEDWAY);
    assertThat(result.code()).isZero();
    assertThat(result.out()).contains("Medway at 30 September 2019", "2019-10-31", "2022-09-30",
        "DfE snapshots at 30 September", "vacancyRate", "caseload");
    assertThat(result.out().lines().filter(l -> l.matches("\\s+\\d+\\s+20\\d\\d-.*")))
        .hasSize(36);
    assertThat(result.out()).contains("over the 12 months to 30 September in the snapshots",
        "a preview of its mean");
    // every cell ends where its column's name ends (the names longer than 12 included)
    java.util.List<String> lines = result.out().lines().toList();
    String header = lines.get(1);
    String first = lines.get(2);
    assertThat(header).contains(" unallocatedCases ");
    for (String name : java.util.List.of("cases", "unallocatedCases", "caseload", "cost")) {
      int end = header.indexOf(" " + name + " ") + name.length() + 1;
      if (end == name.length()) {
        end = header.length(); // the last column
      }
      assertThat(first.charAt(end - 1)).as(name + "'s column in " + first).isNotEqualTo(' ');
      assertThat(end == first.length() || first.charAt(end) == ' ').as(name).isTrue();
    }
    assertThat(result.err()).isEmpty();
  }

  @Test
  void project_months_shortensTheHorizon() {
    Result result = run("project", MEDWAY, "--months", "3", "--format", "csv");
    assertThat(result.code()).isZero();
    assertThat(result.out().lines()).hasSize(4);
    assertThat(result.out().lines().findFirst().orElseThrow())
        .startsWith("month,date,referrals,reReferrals");
  }

  /** The CSV's rows by month: column name to cell. */
  private static java.util.List<java.util.Map<String, String>> rows(String csv) {
    java.util.List<String> lines = csv.lines().toList();
    String[] header = lines.get(0).split(",", -1);
    java.util.List<java.util.Map<String, String>> rows = new java.util.ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      java.util.Map<String, String> row = new java.util.LinkedHashMap<>();
      for (int i = 0; i < header.length; i++) {
        row.put(header[i], cells[i]);
      }
      rows.add(row);
    }
    return rows;
  }

  /** --set and --with change the scenario projected, as they change a run's; --out writes. */
  @Test
  void project_setWithAndOut() throws IOException {
    Result base = run("project", MEDWAY, "--months", "12", "--format", "csv");
    Path file = temp.resolve("projection.csv");
    Result changed = run("project", MEDWAY, "--months", "12", "--format", "csv", "--set",
        "parameters.demand.annualGrowth=0.5", "--with",
        "{\"type\": \"posts\", \"startMonth\": 1, \"team\": \"longTerm\", \"fte\": 10}",
        "--out", file.toString());
    assertThat(changed.code()).as(changed.err()).isZero();
    assertThat(changed.out()).isEmpty();
    var before = rows(base.out());
    var after = rows(Files.readString(file));
    assertThat(after).hasSize(12);
    assertThat(Double.parseDouble(after.get(0).get("establishmentFte"))
        - Double.parseDouble(before.get(0).get("establishmentFte"))).isCloseTo(10,
            org.assertj.core.api.Assertions.within(0.001));
    assertThat(Double.parseDouble(after.get(11).get("referrals")))
        .isGreaterThan(Double.parseDouble(before.get(11).get("referrals")) * 1.2);
    // numbers as every CSV of the tool writes them: plain decimals, no exponent
    for (var row : after) {
      row.forEach((name, cell) -> assertThat(cell).as(name).matches("-?\\d+(\\.\\d+)?|"
          + "\\d{4}-\\d{2}-\\d{2}"));
    }
  }

  /**
   * A scenario of 4,000 local teams (a 1.2 MB file) asks for about 33 GiB of summaries over 120
   * months: refused with exit 2 before anything is allocated, where it had run out of memory.
   */
  @Test
  void runTooLargeForMemory_exitsTwoSayingWhy() throws IOException {
    com.fasterxml.jackson.databind.node.ObjectNode scenario =
        (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind
            .ObjectMapper().readTree(Path.of("..", "examples", "medway-2019-localities.json")
            .toFile());
    com.fasterxml.jackson.databind.node.ArrayNode teams =
        (com.fasterxml.jackson.databind.node.ArrayNode) scenario.get("teams");
    com.fasterxml.jackson.databind.JsonNode assessment = teams.get(0);
    com.fasterxml.jackson.databind.node.ObjectNode template =
        (com.fasterxml.jackson.databind.node.ObjectNode) teams.get(1).deepCopy();
    template.put("establishment", 1).put("agencyWorkers", 0).put("pipeline", 0)
        .put("demandShare", 1.0 / 4000).putArray("permanent");
    template.putObject("cases").put("assessment", 0).put("childProtection", 0)
        .put("lookedAfter", 0).put("childInNeed", 0);
    teams.removeAll();
    teams.add(assessment);
    for (int i = 0; i < 4000; i++) {
      teams.add(template.deepCopy().put("name", "t" + i));
    }
    Path file = temp.resolve("many-teams.json");
    Files.writeString(file, scenario.toString());
    Result result = run("run", "--scenario", file.toString(), "--months", "120",
        "--replications", "100", "--quiet");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).startsWith("caseload run: its summaries would take about")
        .contains("(or give Java more memory: CASELOAD_JAVA_OPTS=-Xmx").hasLineCount(1);
    // a heap whose 57% holds the estimate (60% of what the JVM makes of -Xmx)
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("about ([\\d,]+) MiB.*-Xmx(\\d+)g\\)").matcher(result.err());
    assertThat(m.find()).as(result.err()).isTrue();
    long mib = Long.parseLong(m.group(1).replace(",", ""));
    long gib = Long.parseLong(m.group(2));
    assertThat(gib * 1024 * 0.57).isGreaterThanOrEqualTo(mib - 1);
    assertThat((gib - 1) * 1024 * 0.57).isLessThan(mib);
    assertThat(result.out()).isEmpty();
  }

  @Test
  void project_outAFolder_exitsTwoNamingOut() {
    Result result = run("project", MEDWAY, "--out", temp.toString());
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).startsWith("--out: ").contains("folder");
    assertThat(result.out()).isEmpty();
  }

  /**
   * A preset with uncertain parameters is averaged over 256 of a run's draws unless said, with
   * the error of that averaging under the months and the snapshots; --draws 0 gives the central
   * projection and says how far it is from the run's mean.
   */
  @Test
  void project_averagesOverTheParameterDraws_andSaysHowClosely() {
    Result averaged = run("project", "medway-2019", "--months", "12");
    assertThat(averaged.code()).as(averaged.err()).isZero();
    assertThat(averaged.out()).contains("averaged over 256 draws of the uncertain parameters"
        + " (seed 1)", "±: the error of averaging 256 draws");
    assertThat(averaged.out().lines().filter(l -> l.trim().startsWith("±"))).hasSize(3);
    // the CSV states the same accuracy: each metric's error after the metrics
    java.util.List<java.util.Map<String, String>> csv = rows(run("project", "medway-2019",
        "--months", "12", "--format", "csv").out());
    org.caseload.sim.engine.AveragedProjection exact = org.caseload.sim.engine
        .AveragedProjection.of(org.caseload.sim.presets.Presets.load("medway-2019")
        .orElseThrow().withHorizon(12), 1, 256);
    assertThat(csv).hasSize(12);
    assertThat(Double.parseDouble(csv.get(11).get("vacancyRate_halfWidth95"))).isCloseTo(
        exact.monthlyHalfWidth95().value(12, org.caseload.core.metrics.Metric.vacancyRate),
        org.assertj.core.data.Offset.offset(1e-6));
    assertThat(rows(run("project", "medway-2019", "--months", "12", "--format", "csv",
        "--draws", "0").out()).get(0)).doesNotContainKey("vacancyRate_halfWidth95");
    Result central = run("project", "medway-2019", "--months", "12", "--draws", "0");
    assertThat(central.out()).doesNotContain("averaged over", "±: the error")
        .contains("every uncertain parameter at its central value: far from the");
    assertThat(run("project", "medway-2019", "--months", "12", "--seed", "2").out())
        .isNotEqualTo(averaged.out()).contains("(seed 2)");
  }

  @Test
  void project_badDraws_exitsTwoNamingTheFlag() {
    for (String draws : new String[] {"-1", "1", "100001", "2147483648", "x"}) {
      Result result = run("project", MEDWAY, "--draws", draws);
      assertThat(result.code()).as(draws).isEqualTo(2);
      assertThat(result.err()).as(draws).contains("--draws").doesNotContain("Exception");
    }
  }

  @Test
  void project_badMonths_exitsTwoNamingTheFlag() {
    Result result = run("project", MEDWAY, "--months", "0");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("--months: must be between 1 and 120, was 0"
        + System.lineSeparator());
  }

  @Test
  void validate_goodFile_saysOk() {
    Result result = run("validate", MEDWAY);
    assertThat(result.code()).isZero();
    assertThat(result.out()).contains(": ok (Medway at 30 September 2019, 2 teams");
  }

  @Test
  void validate_invalidFile_listsEveryProblemAndExitsTwo() throws IOException {
    Path file = temp.resolve("bad.json");
    Files.writeString(file, Files.readString(Path.of(MEDWAY))
        .replace("\"establishment\": 16.2", "\"establishment\": -3")
        .replace("\"horizonMonths\": 36", "\"horizonMonths\": 500"));
    Result result = run("validate", file.toString());
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err().lines()).containsExactlyInAnyOrder(
        file + ": horizonMonths: must be <= 120, was 500",
        file + ": teams[0].establishment: must be >= 0, was -3");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void missingFile_exitsTwoWithoutStackTrace() {
    Result result = run("project", temp.resolve("nothing.json").toString());
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("no such file").doesNotContain("Exception");
  }

  @Test
  void malformedFile_exitsTwo() throws IOException {
    Path file = temp.resolve("broken.json");
    Files.writeString(file, "{\"name\": ");
    Result result = run("validate", file.toString());
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).startsWith(file + ": $: is not valid JSON");
  }

  @Test
  void unknownFlagOrCommand_exitsTwo() {
    assertThat(run("project", MEDWAY, "--colour", "red").code()).isEqualTo(2);
    assertThat(run("teleport").code()).isEqualTo(2);
    assertThat(run("project", MEDWAY, "--format", "pdf").code()).isEqualTo(2);
  }
}
