package org.caseload.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A user's JSON numbers: whole or not, and which long, as written; never expanded. */
class WrittenDecimalTest {

  private static JsonNode read(String number) throws Exception {
    return ScenarioJson.inputMapper().readTree("[" + number + "]").get(0);
  }

  @Test
  void wholeNumbersAndTheirLongs_areThoseWritten() throws Exception {
    String[][] cases = {
        {"0e20", "0"}, {"-0.0", "0"}, {"24.000", "24"}, {"2.50e1", "25"},
        {"1e18", "1000000000000000000"}, {"9007199254740993.0", "9007199254740993"},
        {"-9223372036854775808.0", "-9223372036854775808"},
        {"9223372036854775807.00", "9223372036854775807"}};
    for (String[] c : cases) {
      JsonNode node = read(c[0]);
      assertThat(node).as(c[0]).isInstanceOf(WrittenDecimal.class);
      assertThat(WrittenDecimal.isWhole(node)).as(c[0]).isTrue();
      assertThat(WrittenDecimal.exactLong(node)).as(c[0])
          .isEqualTo(OptionalLong.of(Long.parseLong(c[1])));
      assertThat(node.doubleValue()).as(c[0]).isEqualTo(Double.parseDouble(c[0]));
    }
    // whole, beyond a long
    for (String beyond : new String[] {"9223372036854775808.0", "1e19", "-1e19"}) {
      assertThat(WrittenDecimal.isWhole(read(beyond))).as(beyond).isTrue();
      assertThat(WrittenDecimal.exactLong(read(beyond))).as(beyond).isEmpty();
    }
    // fractions, however close to a whole number
    for (String fraction : new String[] {"0.99999999999999999999", "2.5", "2.50", "1e-400",
        "24.00000000000000000001"}) {
      assertThat(WrittenDecimal.isWhole(read(fraction))).as(fraction).isFalse();
      assertThat(WrittenDecimal.exactLong(read(fraction))).as(fraction).isEmpty();
    }
    assertThat(WrittenDecimal.text(read("0.99999999999999999999")))
        .isEqualTo("0.99999999999999999999");
    // integers and the program's own JSON are Jackson's as before
    assertThat(WrittenDecimal.exactLong(read("7"))).isEqualTo(OptionalLong.of(7));
    JsonNode own = ScenarioJson.readOwn("[-0.0]").get(0);
    assertThat(own).isNotInstanceOf(WrittenDecimal.class);
    assertThat(Double.doubleToRawLongBits(own.doubleValue()))
        .isEqualTo(Double.doubleToRawLongBits(-0.0));
  }

  /** The number as written: one too small for a double is not 0, one too near 1 not 1. */
  @Test
  void decimal_isTheNumberWritten() throws Exception {
    assertThat(read("1e-400").doubleValue()).isZero();
    assertThat(WrittenDecimal.decimal(read("1e-400"))).isEqualByComparingTo("1e-400");
    assertThat(WrittenDecimal.decimal(read("-1e-400")).signum()).isEqualTo(-1);
    assertThat(read("0.99999999999999999999").doubleValue()).isEqualTo(1.0);
    assertThat(WrittenDecimal.decimal(read("0.99999999999999999999")))
        .isLessThan(java.math.BigDecimal.ONE);
    assertThat(WrittenDecimal.decimal(read("0.0")).signum()).isZero();
    assertThat(WrittenDecimal.decimal(read("-3"))).isEqualByComparingTo("-3");
    assertThat(WrittenDecimal.decimal(read("12345678901234567890")))
        .isEqualByComparingTo("12345678901234567890");
  }

  /** An exponent of a billion digits is judged without them (no digits are ever made). */
  @Test
  void hugeExponents_areNeverExpanded() {
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      JsonNode big = read("1e999999999");
      assertThat(WrittenDecimal.isWhole(big)).isTrue();
      assertThat(WrittenDecimal.exactLong(big)).isEmpty();
      assertThat(big.doubleValue()).isEqualTo(Double.POSITIVE_INFINITY);
      JsonNode small = read("1e-999999999");
      assertThat(WrittenDecimal.isWhole(small)).isFalse();
      assertThat(small.doubleValue()).isZero();
      assertThat(WrittenDecimal.text(small)).isEqualTo("1E-999999999");
    });
  }
}
