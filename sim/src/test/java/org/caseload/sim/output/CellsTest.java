package org.caseload.sim.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.caseload.core.metrics.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CellsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "950|£950", "12345|£12.3k", "999400|£999k", "999600|£1.00m", "1214000|£1.21m",
      "46300000|£46.3m", "2050000000|£2.05bn", "-40000|-£40.0k", "-0.2|£0"})
  void money_hasThreeSignificantDigitsAndAUnit(double pounds, String text) {
    assertThat(Cells.money(pounds)).isEqualTo(text);
  }

  @Test
  void values_bandsAndDifferences_readAsPlannersWriteThem() {
    assertThat(Cells.value(Unit.RATE, 0.2049)).isEqualTo("20.5%");
    assertThat(Cells.value(Unit.COUNT, 12345.4)).isEqualTo("12,345");
    assertThat(Cells.value(Unit.CASELOAD, -0.01)).isEqualTo("0.0");
    assertThat(Cells.band(Unit.RATE, 0.19, 0.221)).isEqualTo("[19.0,22.1]");
    assertThat(Cells.difference(Unit.RATE, 0.031)).isEqualTo("+3.1 pt");
    assertThat(Cells.difference(Unit.MONEY, 40_600)).isEqualTo("+£40.6k");
    assertThat(Cells.difference(Unit.COUNT, 0)).isEqualTo("0");
    assertThat(Cells.interval(Unit.RATE, 0.03, 0.032)).isEqualTo("[+3.0, +3.2]");
    assertThat(Cells.percent(0.001)).isEqualTo("<1%");
    assertThat(Cells.percent(0.999)).isEqualTo(">99%");
    assertThat(Cells.percent(Double.NaN)).isEqualTo("-");
  }

  /** A staff band's ends above 1,024 are whole: no tenth the sketch's 0.5% does not give. */
  @Test
  void bandEndsAbove1024_areWhole() {
    assertThat(Cells.band(Unit.FTE, 5381, 7881)).isEqualTo("[5,381; 7,881]");
    assertThat(Cells.band(Unit.FTE, 998.4, 1024)).isEqualTo("[998.4; 1,024.0]");
    assertThat(Cells.band(Unit.CASELOAD, 1000, 1024.6)).isEqualTo("[1,000.0; 1,025]");
    assertThat(Cells.band(Unit.FTE, 17, 28)).isEqualTo("[17.0,28.0]");
    assertThat(Cells.band(Unit.MONEY, 1_234_567, 2_345_678)).isEqualTo("[£1.23m,£2.35m]");
  }

  /** Errors keep a digit more than the figures below 10, so one under the printed step shows. */
  @Test
  void monteCarloErrors_showADigitMoreThanTheFigures() {
    assertThat(Cells.error(Unit.CASELOAD, 0.2149)).isEqualTo("±0.21");
    assertThat(Cells.error(Unit.COUNT, 12.4)).isEqualTo("±12");
    assertThat(Cells.error(Unit.RATE, 0.01064)).isEqualTo("±1.06");
    assertThat(Cells.error(Unit.MONEY, 12_640)).isEqualTo("±£12.6k");
    assertThat(Cells.error(Unit.FTE, Double.NaN)).isEqualTo("-");
    assertThat(Cells.bandError(Unit.FTE, Double.NaN, 1)).isEqualTo("-");
    assertThat(Cells.bandError(Unit.FTE, 1.134, 6.751)).isEqualTo("[1.13,6.75]");
    assertThat(Cells.bandError(Unit.RATE, 0.0069, 0.016)).isEqualTo("[0.69,1.60]");
  }

  @Test
  void probabilities_readAs0Or100PercentOnlyWhenExact() {
    assertThat(Cells.tenth(4095.0 / 4096)).isEqualTo(">99.9%");
    assertThat(Cells.tenth(1.0 / 4096)).isEqualTo("<0.1%");
    assertThat(Cells.tenth(1.0)).isEqualTo("100.0%");
    assertThat(Cells.tenth(0.0)).isEqualTo("0.0%");
    assertThat(Cells.tenth(0.9994)).isEqualTo("99.9%");
    assertThat(Cells.tenth(1999.0 / 2000)).isEqualTo(">99.9%");
    assertThat(Cells.tenth(1.0 / 2000)).isEqualTo("0.1%");
  }

  @ParameterizedTest(name = "{0} against {1} -> {2}")
  @CsvSource({"0.7988,0.8,79.9%", "0.8259,0.8,83%", "0.8,0.8,80%", "0.79996,0.8,79.996%",
      "0.8004,0.8,80.04%", "0.003,0.8,<1%", "0.996,0.999,99.6%", "1.0,0.8,100%",
      "0.499996,0.5,<50%", "0.500004,0.5,>50%", "0.8050004,0.805,>80.5%"})
  void aProbabilityBesideAGoal_doesNotReadAsTheGoalUnlessItIs(double p, double goal,
      String text) {
    assertThat(Cells.percent(p, goal)).isEqualTo(text);
  }

  @Test
  void replications_inWords() {
    assertThat(Cells.replications(1)).isEqualTo("1 replication");
    assertThat(Cells.replications(4096)).isEqualTo("4,096 replications");
  }

  @Test
  void smallMeansOfCounts_keepADecimal_andUndefinedIntervalsPrintADash() {
    assertThat(Cells.value(Unit.COUNT, 0.3)).isEqualTo("0.3");
    assertThat(Cells.value(Unit.COUNT, -0.4)).isEqualTo("-0.4");
    assertThat(Cells.value(Unit.COUNT, 3.0)).isEqualTo("3");
    assertThat(Cells.value(Unit.COUNT, 12.4)).isEqualTo("12");
    assertThat(Cells.difference(Unit.COUNT, -0.4)).isEqualTo("-0.4");
    assertThat(Cells.signedMoney(Double.NaN)).isEqualTo("-");
    assertThat(Cells.interval(Unit.MONEY, Double.NaN, Double.NaN)).isEqualTo("[-, -]");
    // a rate's undefined interval (compare --replications 1) as every other unit's: it had
    // printed "[, ]", its "%" and the dash cut off together
    for (Unit unit : Unit.values()) {
      assertThat(Cells.interval(unit, Double.NaN, Double.NaN)).as(unit.name()).isEqualTo("[-, -]");
      assertThat(Cells.difference(unit, Double.NaN)).as(unit.name()).isEqualTo("-");
      assertThat(Cells.band(unit, Double.NaN, Double.NaN)).as(unit.name()).isEqualTo("[-,-]");
    }
  }

  @Test
  void sharesOfOneWhole_addUpTo100_andKeepTheirEnds() {
    assertThat(Cells.shares(0.055, 0.04, 0.905)).containsExactly("6%", "4%", "90%");
    assertThat(Cells.shares(0.004, 0.996, 0)).containsExactly("<1%", ">99%", "0%");
    assertThat(Cells.shares(0.005, 0.995, 0)).containsExactly("1%", "99%", "0%");
    assertThat(Cells.shares(0, 1, 0)).containsExactly("0%", "100%", "0%");
    // a metric with no better or worse (referrals): its P(same) is still shown
    assertThat(Cells.shares(Double.NaN, 1, Double.NaN)).containsExactly("-", "100%", "-");
    assertThat(Cells.percent(0.995)).isEqualTo(">99%");
    // every split of 200 replications into three: the whole percentages add up to 100 and
    // each is its share rounded down or up
    for (int better = 0; better <= 200; better++) {
      for (int same = 0; better + same <= 200; same++) {
        double[] p = {better / 200.0, same / 200.0, (200 - better - same) / 200.0};
        String[] text = Cells.shares(p);
        long sum = 0;
        for (int i = 0; i < 3; i++) {
          long points = Long.parseLong(text[i].replaceAll("[^0-9]", ""));
          points = text[i].startsWith("<") ? 0 : text[i].startsWith(">") ? 100 : points;
          assertThat((double) points).as(java.util.Arrays.toString(p))
              .isBetween(Math.floor(100 * p[i] - 1e-9), Math.ceil(100 * p[i] + 1e-9));
          sum += points;
        }
        assertThat(sum).as(java.util.Arrays.toString(p)).isEqualTo(100);
      }
    }
  }

  @Test
  void grid_alignsColumnsToTheirWidestCell() {
    TextGrid grid = new TextGrid("l");
    grid.add(List.of("name", "value"));
    grid.add(List.of("a", "12,345"));
    assertThat(grid.render()).isEqualTo("name   value\na     12,345\n");
  }

  @Test
  void header_splitsBeforeTheSecondWord() {
    assertThat(RunTable.header("caseloadAssessment")).containsExactly("caseload", "Assessment");
    assertThat(RunTable.header("cost")).containsExactly("", "cost");
  }
}
