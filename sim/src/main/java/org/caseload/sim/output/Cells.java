package org.caseload.sim.output;

import java.time.LocalDate;
import java.util.Locale;
import org.caseload.core.metrics.Unit;
import org.caseload.sim.summary.Summary;

/**
 * Values as the readable tables show them: counts whole with thousands separators (a mean
 * under 10 that is not whole to 0.1, so that 0.3 children is not 0), FTE,
 * caseloads and months to 0.1, rates as percentages to 0.1, money in pounds with k
 * (thousand), m (million) or bn to three significant digits.
 *
 * @implNote Stateless and thread-safe.
 */
final class Cells {

  /** The footnote stating the accuracy of the percentiles shown. */
  static final String ACCURACY = "Percentiles: nearest rank, within 0.5% of the exact ones;"
      + " counts and workers exact up to 1,024 (docs/monte-carlo.md).\n";

  /** What the {@code ±} row under a run's last month and snapshot is. */
  static final String MONTE_CARLO_ERROR = "±: Monte Carlo error, 95%, the largest over the"
      + " months or snapshots shown: the mean's (Student's t x its standard\nerror), under it"
      + " each band end's (the reach of its order-statistic interval, from 100 replications)"
      + " and beside\nP(>0) the share's (Clopper-Pearson). With endless replications a figure"
      + " would come within its ± of the one printed\n19 times in 20 (docs/monte-carlo.md);"
      + " another seed's may differ by up to about 1.4 times as much. Cost's ±: its\nmean's."
      + " A mean's -: every replication gave the same value in a month shown, which says"
      + " nothing of how far its mean\ncould be (P(>0)'s ± bounds how often it differs).\n";

  private Cells() {}

  /** A count of replications in words: "1 replication", "4,096 replications". */
  static String replications(long n) {
    return n == 1 ? "1 replication" : String.format(Locale.ROOT, "%,d replications", n);
  }

  /** A value in its unit. */
  static String value(Unit unit, double value) {
    if (Double.isNaN(value)) {
      return "-";
    }
    return switch (unit) {
      case COUNT -> noNegativeZero(String.format(Locale.ROOT,
          Math.abs(value) < 9.95 && value != Math.rint(value) ? "%.1f" : "%,.0f", value));
      // thousands separators as counts have them (England's 31,606.4 FTE)
      case FTE, CASELOAD, MONTHS -> noNegativeZero(String.format(Locale.ROOT, "%,.1f", value));
      case RATE -> noNegativeZero(String.format(Locale.ROOT, "%.1f", 100 * value)) + "%";
      case MONEY -> money(value);
    };
  }

  /**
   * A Monte Carlo error in its unit, one digit finer than {@link #value} below 10 (rates in
   * percentage points, without the sign), so that an error smaller than the printed digit
   * shows as such: {@code ±0.04}.
   */
  static String error(Unit unit, double value) {
    return Double.isNaN(value) ? "-" : "±" + errorDigits(unit, value);
  }

  /**
   * The errors of a band's two ends, {@code [0.31,0.35]}: under the mean's {@code ±0.12} in a
   * row labelled {@code ±}, as wide as the bands above it.
   */
  static String bandError(Unit unit, double low, double high) {
    if (Double.isNaN(low) || Double.isNaN(high)) {
      return "-";
    }
    return pair(errorDigits(unit, low), errorDigits(unit, high));
  }

  /**
   * Two ends in brackets, {@code [18.2,24.9]}; with "; " between them where an end has a
   * thousands separator, {@code [347,507; 349,872]} (a trial read {@code [347,507,349,872]}
   * as four numbers).
   */
  private static String pair(String low, String high) {
    return "[" + low + (low.contains(",") || high.contains(",") ? "; " : ",") + high + "]";
  }

  private static String errorDigits(Unit unit, double value) {
    return switch (unit) {
      case MONEY -> money(value);
      case RATE -> String.format(Locale.ROOT, "%.2f", 100 * value);
      case COUNT, FTE, CASELOAD, MONTHS -> String.format(Locale.ROOT,
          value < 9.995 ? "%.2f" : "%,.0f", value);
    };
  }

  /** A 5th-95th percentile band: {@code [lo,hi]}, rates without their % signs. */
  static String band(Unit unit, double low, double high) {
    return pair(bandEnd(unit, low), bandEnd(unit, high));
  }

  /**
   * A band's end: as {@link #value}, but a staff or caseload figure above 1,024 whole
   * (England's agency band had read [5,381.0; 7,881.0], a tenth no percentile there has: it is
   * within 0.5%, about 27 there; an outside audit); the page draws the same line.
   */
  private static String bandEnd(Unit unit, double value) {
    String text = unit != Unit.MONEY && unit != Unit.RATE
        && Math.abs(value) > Summary.EXACT_WHOLE_NUMBERS_UP_TO
        ? value(Unit.COUNT, value) : value(unit, value);
    return unit == Unit.RATE && !Double.isNaN(value) ? text.substring(0, text.length() - 1)
        : text;
  }

  /**
   * A difference in its unit with its sign; rates in percentage points; "-" where there is
   * none (a rate's had been cut to nothing, "[, ]" beside the others' "[-, -]").
   */
  static String difference(Unit unit, double value) {
    if (Double.isNaN(value)) {
      return "-";
    }
    if (unit == Unit.MONEY) {
      return signedMoney(value);
    }
    String text = unit == Unit.RATE ? points(value) : value(unit, value);
    return text.startsWith("-") || Double.isNaN(value) || text.matches("0(\\.0)?( pt)?") ? text
        : "+" + text;
  }

  /** A difference of rates in percentage points, to 0.1 as rates are shown: {@code 17.2 pt}. */
  static String points(double value) {
    String text = value(Unit.RATE, value);
    return Double.isNaN(value) ? text : text.substring(0, text.length() - 1) + " pt";
  }

  /**
   * A Monte Carlo error of a rate in percentage points, with {@link #error}'s digits but no
   * {@code ±}: {@code 0.42 pt}.
   */
  static String errorPoints(double value) {
    return Double.isNaN(value) ? "-" : errorDigits(Unit.RATE, value) + " pt";
  }

  /**
   * The month ending on {@code date} as the run table's date column shows it: {@code 2021-09}.
   */
  static String month(LocalDate date) {
    return date.toString().substring(0, 7);
  }

  /** An interval of differences: {@code [-6.2, -6.0]}; {@code [+1,234; +2,345]}. */
  static String interval(Unit unit, double low, double high) {
    return interval(difference(unit, low).replace(" pt", ""),
        difference(unit, high).replace(" pt", ""));
  }

  /**
   * An interval of two figures as printed: {@code [18.2, 18.6]}, {@code [£1,249,001;
   * £1,262,530]}.
   */
  static String interval(String low, String high) {
    return "[" + low + (low.contains(",") || high.contains(",") ? "; " : ", ") + high + "]";
  }

  /**
   * A probability as a percentage to 0.1, {@code <0.1%} and {@code >99.9%} near the ends:
   * 0% and 100% only when exact.
   */
  static String tenth(double probability) {
    if (Double.isNaN(probability)) {
      return "-";
    }
    if (probability > 0 && probability < 0.0005) {
      return "<0.1%";
    }
    if (probability < 1 && probability >= 0.9995) {
      return ">99.9%";
    }
    return String.format(Locale.ROOT, "%.1f%%", 100 * probability);
  }

  /**
   * A probability beside a goal {@code goal}: a whole percentage, with as many more decimals
   * (up to 3) as it takes not to read as the goal when it is not ({@code 79.9%} for 0.7988
   * against 0.8, where a whole percentage would say 80%); {@code <1%} and {@code >99%} near
   * the ends.
   */
  static String percent(double probability, double goal) {
    if (Double.isNaN(probability) || probability == goal) {
      return percent(probability);
    }
    for (int decimals = 0; decimals <= 3; decimals++) {
      String format = "%." + decimals + "f%%";
      String text = String.format(Locale.ROOT, format, 100 * probability);
      if (!text.equals(String.format(Locale.ROOT, format, 100 * goal))) {
        return decimals == 0 ? percent(probability) : text;
      }
    }
    // within a thousandth of a point of the goal yet not it: said to be below or above it
    // (0.499996 had printed "50.000%" beside a goal of 50%, an analyst's trial)
    return (probability < goal ? "<" : ">")
        + String.format(Locale.ROOT, "%.3f%%", 100 * goal).replaceAll("\\.?0+%$", "%");
  }

  /** A probability as a whole percentage, {@code <1%} and {@code >99%} near the ends. */
  static String percent(double probability) {
    return Double.isNaN(probability) ? "-"
        : wholePercent(probability, Math.round(100 * probability));
  }

  /**
   * Shares of one whole (P(better), P(same), P(worse)) as whole percentages that add up to
   * 100: each rounded down, then the points left over given to the largest remainders
   * (Hamilton's method); {@code <1%} and {@code >99%} near the ends as for one share.
   */
  static String[] shares(double... shares) {
    long[] whole = new long[shares.length];
    Integer[] order = new Integer[shares.length];
    long left = 100;
    if (java.util.Arrays.stream(shares).anyMatch(Double::isNaN)) {
      // a metric with no better or worse: only its defined shares, each on its own
      return java.util.Arrays.stream(shares).mapToObj(Cells::percent).toArray(String[]::new);
    }
    for (int i = 0; i < shares.length; i++) {
      whole[i] = (long) Math.floor(100 * shares[i] + 1e-9);
      left -= whole[i];
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(
        100 * shares[b] - whole[b], 100 * shares[a] - whole[a]));
    for (int k = 0; k < left && k < order.length; k++) {
      whole[order[k]]++;
    }
    String[] text = new String[shares.length];
    for (int i = 0; i < shares.length; i++) {
      text[i] = wholePercent(shares[i], whole[i]);
    }
    return text;
  }

  /** {@code points}%, but {@code <1%} for a share above 0 and {@code >99%} for one below 1. */
  private static String wholePercent(double share, long points) {
    if (share > 0 && points <= 0) {
      return "<1%";
    }
    if (share < 1 && points >= 100) {
      return ">99%";
    }
    return points + "%";
  }

  /** Pounds: {@code £950}, {@code £12.3k}, {@code £1.21m}, {@code -£40.0k}, {@code £2.05bn}. */
  static String money(double value) {
    if (Double.isNaN(value)) {
      return "-";
    }
    double size = Math.abs(value);
    String sign = value < 0 && size >= 0.5 ? "-" : "";
    String digits;
    if (size < 999.5) {
      digits = String.format(Locale.ROOT, "%.0f", size);
    } else if (size < 999_500) {
      digits = threeDigits(size / 1e3) + "k";
    } else if (size < 999_500_000) {
      digits = threeDigits(size / 1e6) + "m";
    } else {
      digits = threeDigits(size / 1e9) + "bn";
    }
    return sign + "£" + digits;
  }

  /** Pounds with a sign: {@code +£46.0k}, {@code -£1.20m}, {@code £0}. */
  static String signedMoney(double value) {
    String text = money(value);
    return text.startsWith("-") || text.equals("£0") ? text : "+" + text;
  }

  private static String threeDigits(double value) {
    String format = value < 9.995 ? "%.2f" : value < 99.95 ? "%.1f" : "%.0f";
    return String.format(Locale.ROOT, format, value);
  }

  private static String noNegativeZero(String text) {
    return text.matches("-0(\\.0*)?") ? text.substring(1) : text;
  }
}
