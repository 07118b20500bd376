package org.caseload.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files within the size limit built to exhaust the reader (an analyst's trial: 3 MB of a
 * million empty interventions ran the tool out of memory, exit 3 and nothing said; 100,000
 * gave 200,005 lines of problems) are refused with exit 2 in a few lines, by a JVM with a
 * quarter of the launcher's heap: the reader's token limit bounds the tree, the lists' limits
 * and the hundred problems listed bound what is checked and said.
 */
class HugeFilesTest {

  @TempDir
  Path dir;

  /** {@code validate FILE} in a JVM of its own with {@code -Xmx128m}: exit code and stderr. */
  private CliRunner.Result validateIn128m(Path file) throws Exception {
    ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin",
        "java").toString(), "-Xmx128m", "-XX:+ExitOnOutOfMemoryError", "-cp",
        System.getProperty("java.class.path"), CaseloadCommand.class.getName(), "validate",
        file.toString());
    child.redirectOutput(dir.resolve("out.txt").toFile());
    child.redirectError(dir.resolve("err.txt").toFile());
    Process process = child.start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("ended").isTrue();
    return new CliRunner.Result(process.exitValue(),
        Files.readString(dir.resolve("out.txt")), Files.readString(dir.resolve("err.txt")));
  }

  private static String emptyObjects(int n) {
    return String.join(",", java.util.Collections.nCopies(n, "{}"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"interventions", "teams", "uncertainty"})
  void eightMebibytesOfEmptyObjects_isOneLine(String list) throws Exception {
    Path file = Files.writeString(dir.resolve("huge.json"),
        "{\"" + list + "\": [" + emptyObjects(2_700_000) + "]}");
    assertThat(Files.size(file)).isLessThanOrEqualTo(ScenarioFiles.MAX_BYTES);
    CliRunner.Result r = validateIn128m(file);
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
    assertThat(r.err()).isEqualTo(file + ": $: is not valid JSON: it holds more than 1,000,000"
        + " brackets, names and values (no scenario needs that many)\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void fourHundredThousandEmptyInterventions_areOneProblem() throws Exception {
    Path file = Files.writeString(dir.resolve("levers.json"),
        "{\"interventions\": [" + emptyObjects(400_000) + "]}");
    CliRunner.Result r = validateIn128m(file);
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
    assertThat(r.err()).contains(file + ": interventions: must have at most 200 items, had"
        + " 400000\n").hasLineCount(6); // and name, baseDate, horizonMonths, teams, parameters
  }

  @Test
  void problemsBeyondAHundred_areCounted() throws Exception {
    String medway = Files.readString(Path.of("../presets/medway-2019.json"),
        StandardCharsets.UTF_8);
    String cohorts = "\"permanent\": [" + emptyObjects(998) + ",";
    Path file = Files.writeString(dir.resolve("cohorts.json"),
        medway.replaceFirst("\"permanent\" ?: ?\\[", java.util.regex.Matcher.quoteReplacement(
            cohorts)));
    CliRunner.Result r = validateIn128m(file);
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).hasLineCount(100).endsWith("teams[0].permanent[49].tenureMonths: is"
        + " required (and 1,896 more problems not listed)\n");
  }
}
