package org.caseload.sim.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumbersTest {

  @ParameterizedTest
  @CsvSource({"18, 18", "-0.5, -0.5", ".25, 0.25", "5., 5", "1e-3, 0.001", "+2E2, 200",
      "' 7 ', 7"})
  void decimal_readsPlainDecimals(String text, double value) {
    assertThat(Numbers.decimal(text)).isEqualTo(value);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "''|a number is missing",
      "\u0663|'\u0663' is not a number: write it with the digits 0-9",
      "80%|'80%' is not a number: write 0.8 for 80%",
      "12.5%|'12.5%' is not a number: write 0.125 for 12.5%",
      "Infinity|'Infinity' is not a number",
      "0x10|'0x10' is not a number",
      "1f|'1f' is not a number",
      "1..2|'1..2' is not a number",
      "1e400|'1e400' is too large"})
  void decimal_refusesWithAReason(String text, String message) {
    assertThatThrownBy(() -> Numbers.decimal(text))
        .isInstanceOf(Numbers.NotANumberException.class).hasMessage(message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1.5|'1.5' is not a whole number",
      "1e3|'1e3' is not a whole number",
      "\u0661\u0662|'\u0661\u0662' is not a whole number: write it with the digits 0-9",
      "11|'11' is too large",
      "-1|'-1' is too small"})
  void whole_refusesWithAReason(String text, String message) {
    assertThatThrownBy(() -> Numbers.whole(text, 0, 10))
        .isInstanceOf(Numbers.NotANumberException.class).hasMessage(message);
  }

  @ParameterizedTest
  @CsvSource({"7, 7", "+7, 7", "-0, 0", "' 10', 10"})
  void whole_readsDigits(String text, long value) {
    assertThat(Numbers.whole(text, 0, 10)).isEqualTo(value);
  }
}
