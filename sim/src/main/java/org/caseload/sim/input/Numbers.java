package org.caseload.sim.input;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;
import org.caseload.core.scenario.WrittenDecimal;

/**
 * The one reader of numbers people type: a target's threshold ({@code caseload <= 18 at month
 * 24}), a lever's range and options ({@code posts:longTerm=0..100/4}), {@code --probability},
 * {@code --precision}'s half-width and every whole-number flag. A decimal is written with the
 * ASCII digits 0-9, an optional sign, point and exponent ({@code 18}, {@code -0.5},
 * {@code .25}, {@code 1e-3}); nothing else: not Java's {@code NaN}, {@code 0x1p3} or
 * {@code 1d}, not {@code 80%}, and not other scripts' digits ({@code ٣}, which Java's
 * BigDecimal and BigInteger read as 3). Whole numbers are digits with an optional sign. A
 * number that cannot be read gets a {@link NotANumberException} saying why, the same words
 * wherever it was typed; the caller names where.
 *
 * @implNote Stateless and thread-safe.
 */
public final class Numbers {

  /** The longest number read (BigDecimal's and BigInteger's time grows with the digits). */
  public static final int MAX_LENGTH = 40;

  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
  private static final Pattern WHOLE = Pattern.compile("[+-]?[0-9]+");

  private Numbers() {}

  /** A number that cannot be read, or is out of range; the message says which and why. */
  public static final class NotANumberException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    NotANumberException(String message) {
      super(message);
    }
  }

  /**
   * {@code text} (spaces around it ignored) as a finite decimal.
   *
   * @throws NotANumberException when it is not one, or too large for a double
   */
  public static double decimal(String text) {
    String number = text.strip();
    if (number.length() > MAX_LENGTH || !DECIMAL.matcher(number).matches()) {
      throw new NotANumberException(why(number, "a number"));
    }
    double value = Double.parseDouble(number);
    if (!Double.isFinite(value)) {
      throw new NotANumberException("'" + shown(number) + "' is too large");
    }
    return value;
  }

  /**
   * Whether {@code text}, a number {@link #decimal} reads, is a whole number as written
   * ({@code 3}, {@code 3.0}, {@code 3e0}), not only as its double is ({@code
   * 2.99999999999999999999} is not).
   */
  public static boolean wholeAsWritten(String text) {
    return WrittenDecimal.isWhole(new BigDecimal(text.strip()));
  }

  /**
   * {@code text} (spaces around it ignored) as a whole number from {@code min} to {@code max}.
   *
   * @throws NotANumberException when it is not one, or is outside the range
   */
  public static long whole(String text, long min, long max) {
    String number = text.strip();
    if (number.length() > MAX_LENGTH || !WHOLE.matcher(number).matches()) {
      throw new NotANumberException(why(number, "a whole number"));
    }
    BigInteger value = new BigInteger(number);
    if (value.compareTo(BigInteger.valueOf(max)) > 0) {
      throw new NotANumberException("'" + shown(number) + "' is too large");
    }
    if (value.compareTo(BigInteger.valueOf(min)) < 0) {
      throw new NotANumberException("'" + shown(number) + "' is too small");
    }
    return value.longValueExact();
  }

  /** Why {@code number} is not {@code what}: with how to write it when that is clear. */
  private static String why(String number, String what) {
    if (number.isEmpty()) {
      return "a number is missing";
    }
    String head = "'" + shown(number) + "' is not " + what;
    if (number.codePoints().anyMatch(c -> Character.isDigit(c) && (c < '0' || c > '9'))) {
      return head + ": write it with the digits 0-9";
    }
    String percent = number.substring(0, number.length() - 1).strip();
    if (number.endsWith("%") && percent.length() <= MAX_LENGTH
        && DECIMAL.matcher(percent).matches()) {
      return head + ": write " + new BigDecimal(percent).movePointLeft(2).stripTrailingZeros()
          .toPlainString() + " for " + percent + "%";
    }
    return head;
  }

  /** {@code text} cut to 40 characters, control characters shown as '?'. */
  public static String shown(String text) {
    String cut = text.length() > 40 ? text.substring(0, 40) + "..." : text;
    return cut.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }
}
