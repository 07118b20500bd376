package org.caseload.sim.target;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.SnapshotMetric;
import org.caseload.core.metrics.Unit;
import org.caseload.core.scenario.PlainText;
import org.caseload.sim.input.Numbers;

/**
 * Parses target text (see {@link Target}). A target that does not parse gets an
 * {@link IllegalArgumentException} whose message names what is wrong.
 *
 * @implNote Stateless and thread-safe.
 */
public final class TargetParser {

  private static final Pattern FORM = Pattern.compile(
      "\\s*([A-Za-z][A-Za-z0-9]*)\\s*(<=|>=|==|!=|<|>)\\s*([^\\s<>=!]+)\\s+(.+?)\\s*");
  private static final Pattern AT_MONTH = Pattern.compile("at\\s+month\\s+(\\S+)");
  private static final Pattern AT_SNAPSHOT = Pattern.compile("at\\s+snapshot\\s+(\\S+)");
  private static final Pattern EVERY = Pattern.compile("in\\s+every\\s+month");
  private static final Pattern ANY = Pattern.compile("in\\s+any\\s+month");

  private TargetParser() {}

  /**
   * The target {@code written} says; spaces, tabs and line ends around it are ignored (a target
   * read from a file with CRLF line ends), control characters inside it are refused.
   */
  public static Target parse(String written) {
    String text = written.strip();
    String hidden = PlainText.problem(text);
    if (hidden != null) {
      throw new IllegalArgumentException("target \"" + PlainText.shown(text) + "\": " + hidden);
    }
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("target \"" + text + "\": expected METRIC OP NUMBER"
          + " then 'at month N', 'at snapshot YYYY-09-30', 'in every month' or 'in any month'");
    }
    String name = m.group(1);
    Target.Op op = Target.Op.of(m.group(2));
    double threshold = number(text, m.group(3));
    String scopeText = m.group(4);
    Matcher month = AT_MONTH.matcher(scopeText);
    Matcher snapshot = AT_SNAPSHOT.matcher(scopeText);
    if (snapshot.matches()) {
      SnapshotMetric metric = snapshotMetric(text, name);
      requireShare(text, name, metric.unit(), threshold);
      LocalDate date = date(text, snapshot.group(1));
      String normal = name + " " + op.symbol() + " " + Target.format(threshold)
          + " at snapshot " + date;
      return new Target(normal, null, metric, op, threshold, Target.Scope.SNAPSHOT, 0, date);
    }
    Metric metric = monthlyMetric(text, name);
    requireShare(text, name, metric.unit(), threshold);
    String head = name + " " + op.symbol() + " " + Target.format(threshold);
    if (month.matches()) {
      int n = monthNumber(text, month.group(1));
      return new Target(head + " at month " + n, metric, null, op, threshold,
          Target.Scope.MONTH, n, null);
    }
    if (EVERY.matcher(scopeText).matches()) {
      return new Target(head + " in every month", metric, null, op, threshold,
          Target.Scope.EVERY_MONTH, 0, null);
    }
    if (ANY.matcher(scopeText).matches()) {
      return new Target(head + " in any month", metric, null, op, threshold,
          Target.Scope.ANY_MONTH, 0, null);
    }
    throw new IllegalArgumentException("target \"" + text + "\": '" + scopeText
        + "' is not 'at month N', 'at snapshot YYYY-09-30', 'in every month' or"
        + " 'in any month'");
  }

  private static double number(String text, String token) {
    try {
      return Numbers.decimal(token);
    } catch (Numbers.NotANumberException e) {
      throw new IllegalArgumentException("target \"" + text + "\": " + e.getMessage());
    }
  }

  /**
   * A metric that is a share ({@link Unit#RATE}: vacancy, agency and turnover rates, the
   * shares above 20, 25 and 30 cases) is compared with a threshold from 0 to 1: one above 1
   * is almost surely a percentage (15 meant for 15%), and a target on it would be met, or
   * missed, in every replication whatever the plan. Turnover can exceed 1 in a rare future,
   * but "15" meant for 15% is far likelier than a target above 100% turnover.
   */
  private static void requireShare(String text, String name, Unit unit, double threshold) {
    if (unit != Unit.RATE || (threshold >= 0 && threshold <= 1)) {
      return;
    }
    String shown = Target.format(threshold);
    throw new IllegalArgumentException("target \"" + text + "\": " + name + " is a share from 0"
        + " to 1" + (threshold > 1 && threshold <= 100 ? ": for " + shown + "% write "
        + BigDecimal.valueOf(threshold).movePointLeft(2).stripTrailingZeros().toPlainString()
        : ", was " + shown));
  }

  /** The month of {@code token}: ASCII digits only (Java would read "1\u0662" as 12). */
  private static int monthNumber(String text, String token) {
    if (token.matches("[0-9]+")) {
      try {
        int month = Integer.parseInt(token);
        if (month >= 1) {
          return month;
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("target \"" + text + "\": month '" + token
            + "' is beyond the horizon (a scenario has at most "
            + org.caseload.core.scenario.Scenario.MAX_HORIZON_MONTHS + " months)");
      }
    }
    throw new IllegalArgumentException("target \"" + text + "\": month '" + token
        + "' must be a whole number >= 1");
  }

  private static LocalDate date(String text, String token) {
    try {
      LocalDate date = LocalDate.parse(token);
      if (date.getMonthValue() == 9 && date.getDayOfMonth() == 30) {
        return date;
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw new IllegalArgumentException("target \"" + text + "\": snapshot date '" + token
        + "' must be a 30 September, YYYY-09-30");
  }

  private static Metric monthlyMetric(String text, String name) {
    Metric metric = Metric.byName(name);
    if (metric == null) {
      // with the closest names, as every reader of metric names says it ('CASELOAD' had none)
      throw new IllegalArgumentException("target \"" + text + "\": " + Metric.notAMetric(name));
    }
    return metric;
  }

  private static SnapshotMetric snapshotMetric(String text, String name) {
    SnapshotMetric metric = SnapshotMetric.byName(name);
    if (metric == null) {
      throw new IllegalArgumentException("target \"" + text + "\": "
          + SnapshotMetric.notAnIndicator(name));
    }
    return metric;
  }

}
