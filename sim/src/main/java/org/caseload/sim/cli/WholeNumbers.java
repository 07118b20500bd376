package org.caseload.sim.cli;

import java.math.BigInteger;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * Whole-number flags read with messages for the people who type them: "'1.5' is not a whole
 * number" or "'3000000000' is too large" instead of picocli's "is not an int" or "is not a
 * long". Each flag's own range is checked after parsing, with its bounds in the message.
 */
public final class WholeNumbers {

  private WholeNumbers() {}

  /** Registers the converters of {@code int} and {@code long} flags on {@code line}. */
  public static CommandLine registerOn(CommandLine line) {
    CommandLine.ITypeConverter<Integer> toInt = text ->
        (int) parse(text, Integer.MIN_VALUE, Integer.MAX_VALUE);
    CommandLine.ITypeConverter<Long> toLong = text ->
        parse(text, Long.MIN_VALUE, Long.MAX_VALUE);
    return line.registerConverter(Integer.class, toInt).registerConverter(int.class, toInt)
        .registerConverter(Long.class, toLong).registerConverter(long.class, toLong);
  }

  /** {@code text} as a whole number from {@code min} to {@code max}. */
  static long parse(String text, long min, long max) {
    BigInteger value;
    try {
      value = new BigInteger(text.strip());
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + shown(text) + "' is not a whole number");
    }
    if (value.compareTo(BigInteger.valueOf(max)) > 0) {
      throw new TypeConversionException("'" + shown(text) + "' is too large");
    }
    if (value.compareTo(BigInteger.valueOf(min)) < 0) {
      throw new TypeConversionException("'" + shown(text) + "' is too small");
    }
    return value.longValueExact();
  }

  /** {@code text} cut to 40 characters, control characters shown as '?'. */
  static String shown(String text) {
    String cut = text.length() > 40 ? text.substring(0, 40) + "..." : text;
    return cut.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }
}
