package org.caseload.sim.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tables of docs/backtest.md say what the shipped CSVs of docs/backtest hold: each
 * indicator's count, the three forecasters' MAE, interval score and coverage, the gain and the
 * goals that follow from them, recomputed here from the CSV's rows (not by the tool's
 * scoring), over the values where both naive forecasts exist, as the doc says. The CSVs are
 * the tool's output ({@link ShippedBacktestTest} re-runs councils of each), so a table left
 * behind when the model changes fails here. The columns of Monte Carlo noise (gain se, MAE
 * and IS errors, coverage between) need the replications' percentiles, which the CSV does
 * not keep: they are not checked here.
 *
 * <p>The CSV writes six significant digits, so a mean is matched to the doc's printed
 * decimals allowing that rounding (a relative 5e-6 of each value), and a naive band's coverage
 * counts a value that equals a band end in the CSV both ways (the doc's figure must lie
 * between).
 */
class BacktestDocsTest {

  private static final Path DOCS = Path.of("..", "docs");
  private static final Pattern SECTION = Pattern.compile(
      "^## Base year (\\d{4}), scored .*$", Pattern.MULTILINE);
  private static final double CSV_ROUNDING = 5e-6;

  @ParameterizedTest(name = "base year {0}")
  @ValueSource(ints = {2018, 2019, 2020})
  void eachTable_isWhatTheShippedCsvHolds(int baseYear) throws IOException {
    Map<String, List<Row>> rows = comparableRows(baseYear);
    Map<String, List<String>> table = table(baseYear);
    assertThat(table.keySet()).as("indicators of the %d table", baseYear)
        .containsExactlyElementsOf(rows.keySet());
    for (Map.Entry<String, List<String>> entry : table.entrySet()) {
      String indicator = entry.getKey();
      List<String> cells = entry.getValue();
      List<Row> of = rows.get(indicator);
      String what = baseYear + " " + indicator + " ";
      int n = of.size();
      assertThat(Integer.parseInt(cells.get(1))).as(what + "n").isEqualTo(n);
      double coverage = of.stream().filter(Row::inside).count() / (double) n;
      assertThat(cells.get(2)).as(what + "coverage").isEqualTo(percent(coverage));
      double maeModel = mean(of, r -> Math.abs(r.errorMedian));
      double maeLast = mean(of, r -> Math.abs(r.errorLast));
      double maeMeanReverting = mean(of, r -> Math.abs(r.errorMeanReverting));
      assertPrinted(what + "MAE model", cells.get(3), maeModel);
      assertPrinted(what + "MAE last", cells.get(4), maeLast);
      assertPrinted(what + "MAE mean-rev", cells.get(5), maeMeanReverting);
      double gain = 1 - maeModel / Math.min(maeLast, maeMeanReverting);
      assertThat(Math.abs(percentValue(cells.get(6)) - gain)).as(what + "gain " + gain)
          .isLessThanOrEqualTo(0.0005 + 2 * CSV_ROUNDING);
      double isModel = mean(of, r -> r.intervalScore);
      double isLast = mean(of, r -> r.intervalScoreLast);
      double isMeanReverting = mean(of, r -> r.intervalScoreMeanReverting);
      assertPrinted(what + "IS model", cells.get(8), isModel);
      assertPrinted(what + "IS last", cells.get(9), isLast);
      assertPrinted(what + "IS mean-rev", cells.get(10), isMeanReverting);
      assertCoverage(what + "coverage last", cells.get(11), of, Row::lastP5, Row::lastP95);
      assertCoverage(what + "coverage mean-rev", cells.get(12), of,
          Row::meanRevertingP5, Row::meanRevertingP95);
      String[] goals = cells.get(13).replace("~", "").split("/");
      assertThat(goals).as(what + "goals").hasSize(3);
      if (Math.abs(gain - Backtest.MAE_GAIN_GOAL) > 0.0005 + 2 * CSV_ROUNDING) {
        assertThat(goals[0]).as(what + "MAE goal, gain " + gain)
            .isEqualTo(gain >= Backtest.MAE_GAIN_GOAL ? "yes" : "no");
      }
      if (Math.abs(isModel - Math.min(isLast, isMeanReverting)) > CSV_ROUNDING * isModel) {
        assertThat(goals[1]).as(what + "IS goal")
            .isEqualTo(isModel < Math.min(isLast, isMeanReverting) ? "yes" : "no");
      }
      assertThat(goals[2]).as(what + "coverage goal").isEqualTo(
          coverage >= Backtest.COVERAGE_MIN && coverage <= Backtest.COVERAGE_MAX ? "yes" : "no");
    }
  }

  @ParameterizedTest(name = "base year {0}")
  @ValueSource(ints = {2018, 2019, 2020})
  void beforeAndAfter_afterIsTheTableOfItsYear(int baseYear) throws IOException {
    Map<String, List<String>> table = table(baseYear);
    Pattern row = Pattern.compile("^\\| " + baseYear
        + " \\| (\\w+) \\| [^|]+ \\| ([^|]+) \\| [^|]+ \\| ([^|]+) \\|$", Pattern.MULTILINE);
    Matcher m = row.matcher(Files.readString(DOCS.resolve("backtest.md")));
    int seen = 0;
    while (m.find()) {
      List<String> cells = table.get(m.group(1));
      assertThat(cells).as(baseYear + " " + m.group(1)).isNotNull();
      assertThat(m.group(2).trim()).as(baseYear + " " + m.group(1) + " gain after")
          .isEqualTo(cells.get(6));
      assertThat(m.group(3).trim()).as(baseYear + " " + m.group(1) + " coverage after")
          .isEqualTo(cells.get(2));
      seen++;
    }
    assertThat(seen).as("rows of %d in 'Before and after'", baseYear).isEqualTo(table.size());
  }

  /** The rows of the indicator table under "## Base year Y", by indicator, cells split. */
  private static Map<String, List<String>> table(int baseYear) throws IOException {
    String doc = Files.readString(DOCS.resolve("backtest.md"));
    Matcher m = SECTION.matcher(doc);
    while (m.find()) {
      if (Integer.parseInt(m.group(1)) != baseYear) {
        continue;
      }
      Map<String, List<String>> table = new LinkedHashMap<>();
      String[] lines = doc.substring(m.end()).split("\n");
      for (String line : lines) {
        if (line.startsWith("## ")) {
          break;
        }
        if (line.startsWith("| ") && !line.startsWith("| indicator")) {
          List<String> cells = new ArrayList<>();
          for (String cell : line.substring(1, line.length() - 1).split("\\|")) {
            cells.add(cell.trim());
          }
          assertThat(cells).as(line).hasSize(17);
          table.put(cells.get(0), cells);
        }
      }
      return table;
    }
    throw new AssertionError("docs/backtest.md has no section '## Base year " + baseYear);
  }

  /** One row of a shipped CSV, the columns checked. */
  private record Row(double actual, boolean inside, double lastP5, double lastP95,
      double meanRevertingP5, double meanRevertingP95, double errorMedian, double errorLast,
      double errorMeanReverting, double intervalScore, double intervalScoreLast,
      double intervalScoreMeanReverting) {}

  /** A CSV's rows where both naive forecasts exist, by indicator in order of appearance. */
  private static Map<String, List<Row>> comparableRows(int baseYear) throws IOException {
    List<String> lines = Files.readAllLines(DOCS.resolve("backtest")
        .resolve("backtest-" + baseYear + ".csv"));
    List<String> header = List.of(lines.get(0).split(","));
    Map<String, List<Row>> rows = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      // The council (first) may be quoted with commas; every other cell is a plain value.
      String[] all = line.split(",", -1);
      String[] cells = new String[header.size()];
      System.arraycopy(all, all.length - cells.length, cells, 0, cells.length);
      Map<String, String> cell = new LinkedHashMap<>();
      for (int i = 1; i < cells.length; i++) {
        cell.put(header.get(i), cells[i]);
      }
      if (cell.get("lastValue").isEmpty() || cell.get("meanReverting").isEmpty()) {
        continue;
      }
      rows.computeIfAbsent(cell.get("indicator"), k -> new ArrayList<>()).add(new Row(
          number(cell, "actual"), Boolean.parseBoolean(cell.get("inside")),
          number(cell, "lastP5"), number(cell, "lastP95"), number(cell, "meanRevertingP5"),
          number(cell, "meanRevertingP95"), number(cell, "errorMedian"),
          number(cell, "errorLast"), number(cell, "errorMeanReverting"),
          number(cell, "intervalScore"), number(cell, "intervalScoreLast"),
          number(cell, "intervalScoreMeanReverting")));
    }
    return rows;
  }

  private static double number(Map<String, String> cell, String column) {
    return Double.parseDouble(cell.get(column));
  }

  private static double mean(List<Row> rows, ToDoubleFunction<Row> f) {
    return rows.stream().mapToDouble(f).average().orElseThrow();
  }

  /** The printed figure is {@code exact} to its decimals, allowing the CSV's rounding. */
  private static void assertPrinted(String what, String printed, double exact) {
    int point = printed.indexOf('.');
    int decimals = point < 0 ? 0 : printed.length() - point - 1;
    double halfUnit = 0.5 * Math.pow(10, -decimals);
    assertThat(Math.abs(Double.parseDouble(printed) - exact)).as(what + " " + exact)
        .isLessThanOrEqualTo(halfUnit + CSV_ROUNDING * Math.abs(exact) + 1e-12);
  }

  /**
   * The printed coverage of a naive band lies between its coverage with the values that
   * equal a band end in the CSV (so may lie either side of it) counted outside and inside.
   */
  private static void assertCoverage(String what, String printed, List<Row> rows,
      ToDoubleFunction<Row> p5, ToDoubleFunction<Row> p95) {
    int surely = 0;
    int maybe = 0;
    for (Row r : rows) {
      double low = p5.applyAsDouble(r);
      double high = p95.applyAsDouble(r);
      boolean atEnd = near(r.actual, low) || near(r.actual, high);
      if (atEnd) {
        maybe++;
      } else if (r.actual >= low && r.actual <= high) {
        surely++;
      }
    }
    double value = percentValue(printed);
    double n = rows.size();
    assertThat(value).as(what + " (" + surely + " inside, " + maybe + " at an end, of " + n
        + ")").isBetween(surely / n - 0.0005, (surely + maybe) / n + 0.0005);
  }

  private static boolean near(double a, double b) {
    return Math.abs(a - b) <= CSV_ROUNDING * Math.max(Math.abs(a), Math.abs(b));
  }

  private static String percent(double fraction) {
    return String.format(java.util.Locale.ROOT, "%.1f%%", 100 * fraction);
  }

  private static double percentValue(String printed) {
    assertThat(printed).endsWith("%");
    return Double.parseDouble(printed.substring(0, printed.length() - 1)) / 100;
  }
}
