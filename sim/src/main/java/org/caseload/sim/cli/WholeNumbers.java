package org.caseload.sim.cli;

import org.caseload.sim.input.Numbers;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * Number flags read by {@link Numbers}, with messages for the people who type them: "'1.5' is
 * not a whole number", "'3000000000' is too large" or "'80%' is not a number: write 0.8 for
 * 80%" instead of picocli's "is not an int" or "is not a double" (and not Java's readings of
 * "NaN", "0x1p3" or other scripts' digits). Each flag's own range is checked after parsing,
 * with its bounds in the message.
 */
public final class WholeNumbers {

  private WholeNumbers() {}

  /**
   * Registers the converters of {@code int}, {@code long} and {@code double} flags on
   * {@code line}.
   */
  public static CommandLine registerOn(CommandLine line) {
    CommandLine.ITypeConverter<Integer> toInt = text ->
        (int) parse(text, Integer.MIN_VALUE, Integer.MAX_VALUE);
    CommandLine.ITypeConverter<Long> toLong = text ->
        parse(text, Long.MIN_VALUE, Long.MAX_VALUE);
    CommandLine.ITypeConverter<Double> toDouble = text -> {
      try {
        return Numbers.decimal(text);
      } catch (Numbers.NotANumberException e) {
        throw new TypeConversionException(e.getMessage());
      }
    };
    return line.registerConverter(Integer.class, toInt).registerConverter(int.class, toInt)
        .registerConverter(Long.class, toLong).registerConverter(long.class, toLong)
        .registerConverter(Double.class, toDouble).registerConverter(double.class, toDouble);
  }

  /** {@code text} as a whole number from {@code min} to {@code max}. */
  private static long parse(String text, long min, long max) {
    try {
      return Numbers.whole(text, min, max);
    } catch (Numbers.NotANumberException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
