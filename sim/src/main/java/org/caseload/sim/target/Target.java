package org.caseload.sim.target;

import java.time.LocalDate;
import java.util.Objects;
import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.SnapshotMetric;

/**
 * A condition on one replication's outcome, written
 * {@code METRIC OP NUMBER (at month N | at snapshot YYYY-09-30 | in every month | in any month)}
 * with OP one of {@code <= < >= > == !=}. Monthly scopes name a {@link Metric}; the snapshot
 * scope names a {@link SnapshotMetric}.
 *
 * @param text the target as written (normalised spacing)
 * @param metric the monthly metric, or null for a snapshot target
 * @param snapshotMetric the snapshot indicator, or null for a monthly target
 * @param op the comparison
 * @param threshold the number compared with
 * @param scope where the condition is checked
 * @param month the month for {@link Scope#MONTH}
 * @param snapshotDate the 30 September for {@link Scope#SNAPSHOT}
 */
public record Target(String text, Metric metric, SnapshotMetric snapshotMetric, Op op,
    double threshold, Scope scope, int month, LocalDate snapshotDate) implements Goal {

  public Target {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(scope, "scope");
  }

  /** Where a target is checked. */
  public enum Scope {
    MONTH,
    SNAPSHOT,
    EVERY_MONTH,
    ANY_MONTH
  }

  /** Comparison operators. */
  public enum Op {
    LE("<="),
    LT("<"),
    GE(">="),
    GT(">"),
    EQ("=="),
    NE("!=");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }

    /** Whether {@code value OP threshold}. */
    public boolean test(double value, double threshold) {
      return switch (this) {
        case LE -> value <= threshold;
        case LT -> value < threshold;
        case GE -> value >= threshold;
        case GT -> value > threshold;
        case EQ -> value == threshold;
        case NE -> value != threshold;
      };
    }

    static Op of(String symbol) {
      for (Op op : values()) {
        if (op.symbol.equals(symbol)) {
          return op;
        }
      }
      return null;
    }
  }

  /** The metric's name as written. */
  public String metricName() {
    return metric != null ? metric.name() : snapshotMetric.name();
  }

  @Override
  public String toString() {
    return text;
  }

  /**
   * A threshold as the target's text writes it: the shortest decimal that reads back as it,
   * without an exponent (a planner's 99999999999999999999 had come back as "1.0E20").
   */
  static String format(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
        : new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
  }
}
