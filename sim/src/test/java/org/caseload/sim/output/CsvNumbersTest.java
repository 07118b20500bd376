package org.caseload.sim.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvNumbersTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "0.20500000000000002|0.205",
      "8.48E-4|0.000848",
      "12345678.9|12345679",
      "-1234567.5|-1234568",
      "999999.94|1000000",
      "99999.94|99999.9",
      "17.284567|17.2846",
      "0.0|0",
      "-0.0|0",
      "1.0E-12|0",
      "-3.0|-3",
      "1.5E-7|0.00000015",
      "2.0E15|2000000000000000"})
  void format_roundsToSixSignificantDigits_withoutExponents(double value, String text) {
    assertThat(CsvNumbers.format(value)).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"NaN", "Infinity", "-Infinity"})
  void format_notFinite_isEmpty(double value) {
    assertThat(CsvNumbers.format(value)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "plain|plain",
      "Medway, with posts|\"Medway, with posts\"",
      "say \"hi\"|\"say \"\"hi\"\"\""})
  void text_quotesOnlyWhenNeeded(String value, String text) {
    assertThat(CsvNumbers.text(value)).isEqualTo(text);
  }

  /** Names come from users: a spreadsheet must show them, never run them as formulas. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '#', quoteCharacter = '`', value = {
      "=HYPERLINK(\"http://x\")#\"'=HYPERLINK(\"\"http://x\"\")\"",
      "@SUM(1+1)*cmd|' /C calc'!A0#\"'@SUM(1+1)*cmd|' /C calc'!A0\"",
      "+1#\"'+1\"",
      "-2 + posts#\"'-2 + posts\"",
      "Medway = plan#Medway = plan"})
  void text_thatLooksLikeAFormula_isNeutralised(String value, String text) {
    assertThat(CsvNumbers.text(value)).isEqualTo(text);
  }
}
