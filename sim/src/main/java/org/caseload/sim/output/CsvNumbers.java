package org.caseload.sim.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * Cells as CSV writes them. Numbers: six significant digits, whole numbers from a million up, no
 * exponent, no trailing zeros, and nothing for a value that is not finite. So
 * {@code 0.20500000000000002} is {@code 0.205}, {@code 8.48E-4} is {@code 0.000848} and
 * {@code 12345678.9} is {@code 12345679}; values below 1e-9 in magnitude are {@code 0}.
 * Percentiles are accurate to 0.5% and means to their standard error, far coarser than this.
 *
 * @implNote Stateless and thread-safe.
 */
public final class CsvNumbers {

  private static final Pattern FORMULA = Pattern.compile("[=+\\-@\t\r]");
  private static final MathContext SIX_DIGITS = new MathContext(6, RoundingMode.HALF_EVEN);

  private CsvNumbers() {}

  /**
   * Text as a CSV cell: quoted, with quotes doubled, when it holds a comma, quote or line
   * break. Text that a spreadsheet would run as a formula (starting with {@code = + - @}, a
   * tab or a carriage return: names come from users) gets a leading {@code '} first, as
   * OWASP's advice on CSV injection says, so it shows as text.
   */
  public static String text(String value) {
    String cell = FORMULA.matcher(value).lookingAt() ? "'" + value : value;
    return cell.contains(",") || cell.contains("\"") || cell.contains("\n")
        || cell.contains("\r") || cell.startsWith("'")
        ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
  }

  /**
   * A value given in JSON (a sweep grid's axis value) as a cell: a number as a plain decimal
   * ({@code 0.0001}, not {@code 1.0E-4}; {@code 8} for {@code 8.0} or {@code 8e0}), every digit
   * kept; anything else as {@link #text}.
   */
  public static String given(JsonNode value) {
    if (value.isIntegralNumber()) {
      return value.bigIntegerValue().toString();
    }
    if (value.isFloatingPointNumber() && Double.isFinite(value.doubleValue())) {
      return value.decimalValue().stripTrailingZeros().toPlainString();
    }
    return text(value.isTextual() ? value.asText() : value.toString());
  }

  /** The value as CSV writes it; empty for NaN and infinities. */
  public static String format(double value) {
    if (!Double.isFinite(value)) {
      return "";
    }
    if (Math.abs(value) < 1e-9) {
      return "0";
    }
    BigDecimal rounded = Math.abs(value) >= 1e6
        ? BigDecimal.valueOf(value).setScale(0, RoundingMode.HALF_EVEN)
        : BigDecimal.valueOf(value).round(SIX_DIGITS);
    return rounded.stripTrailingZeros().toPlainString();
  }
}
