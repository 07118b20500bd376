package org.caseload.sim.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.SnapshotMetric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetParserTest {

  @Test
  void atMonth() {
    Target t = TargetParser.parse("caseload <= 18 at month 12");
    assertThat(t.metric()).isEqualTo(Metric.caseload);
    assertThat(t.op()).isEqualTo(Target.Op.LE);
    assertThat(t.threshold()).isEqualTo(18);
    assertThat(t.scope()).isEqualTo(Target.Scope.MONTH);
    assertThat(t.month()).isEqualTo(12);
    assertThat(t.text()).isEqualTo("caseload <= 18 at month 12");
  }

  /** A threshold is written back without an exponent ("1.0E20" had been shown to planners). */
  @ParameterizedTest
  @CsvSource({"99999999999999999999, 100000000000000000000", "0.15, 0.15", "1e-7, 0.0000001",
      "2.50, 2.5", "1e15, 1000000000000000", "-0.5, -0.5", "18, 18"})
  void thresholds_areWrittenWithoutAnExponent(String written, String text) {
    assertThat(TargetParser.parse("caseload <= " + written + " at month 12").text())
        .isEqualTo("caseload <= " + text + " at month 12");
  }

  @Test
  void atSnapshot() {
    Target t = TargetParser.parse("vacancyRate<=0.15   at snapshot 2021-09-30");
    assertThat(t.snapshotMetric()).isEqualTo(SnapshotMetric.vacancyRate);
    assertThat(t.snapshotDate()).isEqualTo(LocalDate.of(2021, 9, 30));
    assertThat(t.text()).isEqualTo("vacancyRate <= 0.15 at snapshot 2021-09-30");
  }

  /** A target read from a file with CRLF line ends, or padded with tabs, is the same target. */
  @Test
  void spacesTabsAndLineEndsAroundATarget_areIgnored() {
    for (String padded : new String[] {"caseload <= 18 at month 12\r", "\tcaseload <= 18 at"
        + " month 12\t", " caseload <= 18 at month 12\r\n"}) {
      assertThat(TargetParser.parse(padded).text()).isEqualTo("caseload <= 18 at month 12");
    }
    assertThatThrownBy(() -> TargetParser.parse("caseload <= 18\rat month 12"))
        .hasMessageContaining("control characters");
  }

  @Test
  void everyAndAnyMonth() {
    assertThat(TargetParser.parse("unallocatedCases == 0 in every month").scope())
        .isEqualTo(Target.Scope.EVERY_MONTH);
    assertThat(TargetParser.parse("caseload > 25 in any month").scope())
        .isEqualTo(Target.Scope.ANY_MONTH);
  }

  @ParameterizedTest
  @CsvSource({"<=, 1, 1, true", "<=, 2, 1, false", "<, 1, 1, false", ">=, 1, 1, true",
      ">, 2, 1, true", "==, 1, 1, true", "!=, 1, 1, false"})
  void operators(String op, double value, double threshold, boolean holds) {
    Target t = TargetParser.parse("cost " + op + " " + threshold + " at month 1");
    assertThat(t.op().test(value, threshold)).isEqualTo(holds);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "caseload|expected METRIC OP NUMBER",
      "caseload <= 18|expected METRIC OP NUMBER",
      "caseload <= 18 by month 3|is not 'at month N'",
      "caseload <= NaN at month 3|'NaN' is not a number",
      "caseload <= 18 at month 0|month '0' must be a whole number >= 1",
      "caseload <= 18 at month two|month 'two' must be a whole number >= 1",
      "caseload <= 18 at month 1\u0662|month '1\u0662' must be a whole number >= 1",
      "caseload <= 18 at month +3|month '+3' must be a whole number >= 1",
      "caseload <= 18 at month 99999999999|month '99999999999' is beyond the horizon (a scenario has at most 120 months)",
      "caseload <= 18 at snapshot 2021-09-31|must be a 30 September",
      "mood <= 18 at month 1|'mood' is not a metric; did you mean"})
  void invalid(String text, String message) {
    assertThatThrownBy(() -> TargetParser.parse(text))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
  }

  /**
   * A metric that is a share (unit RATE) takes a threshold from 0 to 1: "vacancyRate <= 15"
   * meant 15% and was met by every replication.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "vacancyRate <= 15 at month 12|vacancyRate is a share from 0 to 1: for 15% write 0.15",
      "agencyRate < 2.5 in every month|agencyRate is a share from 0 to 1: for 2.5% write 0.025",
      "turnoverRate >= 150 in any month|turnoverRate is a share from 0 to 1, was 150",
      "shareAbove20 <= -0.1 at month 3|shareAbove20 is a share from 0 to 1, was -0.1",
      "vacancyRate <= 20 at snapshot 2021-09-30|vacancyRate is a share from 0 to 1: for 20%"
          + " write 0.2",
      "agencyRate >= 1.0001 at snapshot 2021-09-30|agencyRate is a share from 0 to 1: for"
          + " 1.0001% write 0.010001"})
  void shareOutsideZeroToOne_isRefusedSayingHowToWriteAPercentage(String text, String reason) {
    assertThatThrownBy(() -> TargetParser.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("target \"" + text + "\": " + reason);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"vacancyRate <= 0.15 at month 12", "agencyRate >= 0 in"
      + " every month", "turnoverRate < 1 at snapshot 2021-09-30", "shareAbove25 == 0 at month 1",
      "caseload <= 18 at month 12", "cost <= 1000000 at month 1", "budgetVariance <= -5 at month"
      + " 2"})
  void shareWithinZeroToOne_andOtherUnits_areRead(String text) {
    assertThat(TargetParser.parse(text).text()).isEqualTo(text);
  }

  /**
   * A hidden control character is named where it is, not reported as a bad month or an
   * unparsable target; the target is echoed with it shown as '?'.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "'caseload <= 18 at month 12\u0001'|target \"caseload <= 18 at month 12?\": must not"
          + " contain control characters, had U+0001 at 26",
      "case\u001b[2Jload <= 18 at month 1|target \"case?[2Jload <= 18 at month 1\": must not"
          + " contain control characters, had U+001B at 4",
      "caseload\t<= 18 at month 1|target \"caseload?<= 18 at month 1\": must not contain"
          + " control characters, had U+0009 at 8",
      "caseload <= 18 at month \uD800|target \"caseload <= 18 at month ?\": must be valid"
          + " Unicode, had a lone surrogate U+D800 at 24"})
  void controlCharacter_isNamedWhereItIs(String text, String message) {
    assertThatThrownBy(() -> TargetParser.parse(text))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @Test
  void interval_isClopperPearsons() {
    // the 2.5% and 97.5% quantiles of Beta(30, 71) and Beta(31, 70), by scipy.stats.beta.ppf
    TargetResult r = new TargetResult(TargetParser.parse("cost <= 1 at month 1"), 30, 100);
    assertThat(r.probability()).isEqualTo(0.3);
    assertThat(r.lower95()).isCloseTo(0.212406, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(r.upper95()).isCloseTo(0.399815, org.assertj.core.data.Offset.offset(1e-6));
    TargetResult all = new TargetResult(r.target(), 100, 100);
    assertThat(all.upper95()).isEqualTo(1.0);
    assertThat(all.lower95()).isCloseTo(Math.pow(0.025, 0.01), org.assertj.core.data.Offset.offset(1e-15));
  }
}
