package org.caseload.core.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ValueNode;
import java.math.BigDecimal;
import java.util.OptionalLong;

/**
 * A JSON number written with a decimal point or an exponent, read as the double Jackson reads
 * (it is a {@link DoubleNode} to every reader), knowing also what was written: whether it is a
 * whole number, and which if it fits a long. A double alone cannot tell: {@code
 * 0.99999999999999999999} is not whole though its double is 1, and {@code 9007199254740993.0}
 * is 9,007,199,254,740,993 though its double is ...992. Whole-number fields read numbers by
 * {@link #isWhole} and {@link #exactLong}, so that a fraction or a digit is never lost unsaid.
 * A user's JSON is read so ({@link ScenarioJson#inputMapper}, {@link Factory}); a negative zero
 * written with a point ({@code -0.0}) is then 0, as a decimal has no sign of zero.
 *
 * <p>Nothing here turns a number of a huge exponent ({@code 1e999999999}) into its digits: its
 * magnitude is judged from its precision and scale alone.
 *
 * @implNote Immutable and thread-safe.
 */
public final class WrittenDecimal extends DoubleNode {

  private static final long serialVersionUID = 1L;

  /** The most digits before the point of a value that may fit a long (19). */
  private static final int LONG_DIGITS = 19;

  private final BigDecimal written;
  private final boolean whole;
  private final boolean fitsLong;
  private final long exact;

  private WrittenDecimal(BigDecimal value) {
    super(value.doubleValue());
    this.written = value;
    this.whole = isWhole(value);
    long longValue = 0;
    boolean fits = false;
    if (value.signum() == 0) {
      fits = true; // 0e20 too, whose precision and scale would say 21 digits
    } else if (whole && value.precision() - value.scale() <= LONG_DIGITS) {
      try {
        longValue = value.longValueExact();
        fits = true;
      } catch (ArithmeticException beyondLong) {
        // a whole number of 19 digits above Long.MAX_VALUE
      }
    }
    this.fitsLong = fits;
    this.exact = longValue;
  }

  /**
   * Whether {@code value} is a whole number: the one test of it, for JSON (here) and for the
   * numbers of the command line's options (without expanding an exponent's digits).
   */
  public static boolean isWhole(BigDecimal value) {
    return value.signum() == 0 || value.scale() <= 0 || value.stripTrailingZeros().scale() <= 0;
  }

  /** Whether {@code node}, a JSON number, is a whole number as written. */
  public static boolean isWhole(JsonNode node) {
    if (node instanceof WrittenDecimal decimal) {
      return decimal.whole;
    }
    if (node.isIntegralNumber()) {
      return true;
    }
    double d = node.doubleValue();
    return d == Math.rint(d); // infinities too, as out of range
  }

  /** {@code node}'s value as written if it is a whole number that fits a long; else empty. */
  public static OptionalLong exactLong(JsonNode node) {
    if (node instanceof WrittenDecimal decimal) {
      return decimal.fitsLong ? OptionalLong.of(decimal.exact) : OptionalLong.empty();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? OptionalLong.of(node.longValue()) : OptionalLong.empty();
    }
    return OptionalLong.empty(); // a double of no written text: not read as a whole number
  }

  /**
   * {@code node}, a JSON number, as written: {@code 1e-400} is not its double's 0, nor
   * {@code 0.99999999999999999999} its double's 1 (an integer or a double of no written text:
   * its value; NaN and the infinities have none).
   *
   * @throws NumberFormatException for NaN and the infinities
   */
  public static BigDecimal decimal(JsonNode node) {
    if (node instanceof WrittenDecimal decimal) {
      return decimal.written;
    }
    return node.isIntegralNumber() ? new BigDecimal(node.bigIntegerValue())
        : BigDecimal.valueOf(node.doubleValue());
  }

  /**
   * {@code node}'s digits, for messages: a written decimal's, in plain or scientific notation
   * as {@link BigDecimal#toString()} gives them ({@code 0.99999999999999999999}, {@code
   * 1E-400}); else its JSON.
   */
  public static String text(JsonNode node) {
    return node instanceof WrittenDecimal decimal ? decimal.written.toString() : node.toString();
  }

  @Override
  public boolean canConvertToExactIntegral() {
    return whole;
  }

  /**
   * Reads a number with a decimal point or an exponent as a {@link WrittenDecimal}, with
   * {@link com.fasterxml.jackson.databind.DeserializationFeature#USE_BIG_DECIMAL_FOR_FLOATS}
   * (NaN and the infinities stay doubles).
   */
  static final class Factory extends JsonNodeFactory {

    private static final long serialVersionUID = 1L;

    @Override
    public ValueNode numberNode(BigDecimal value) {
      return value == null ? nullNode() : new WrittenDecimal(value);
    }
  }
}
