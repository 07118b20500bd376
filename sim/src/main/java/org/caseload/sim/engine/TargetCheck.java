package org.caseload.sim.engine;

import java.util.List;
import org.caseload.core.metrics.DfeSnapshot;
import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.SnapshotMetric;
import org.caseload.core.scenario.Scenario;
import org.caseload.sim.target.Target;
import org.caseload.sim.target.UnevaluableTargetException;

/**
 * Whether each of a list of targets holds in one replication's rows ({@code rows[t - 1]} is
 * month t), with the month of each snapshot target resolved once.
 *
 * @implNote Mutable (a snapshot buffer), not thread-safe: one instance per thread.
 */
public final class TargetCheck {

  private final List<Target> targets;
  private final int[] snapshotMonth;
  private final double[] snapshotBuffer = new double[SnapshotMetric.COUNT];

  private TargetCheck(Scenario scenario, List<Target> targets) {
    this.targets = List.copyOf(targets);
    this.snapshotMonth = new int[targets.size()];
    for (int i = 0; i < targets.size(); i++) {
      if (targets.get(i).scope() == Target.Scope.SNAPSHOT) {
        snapshotMonth[i] = monthOf(scenario, targets.get(i));
      }
    }
  }

  /**
   * A check of {@code targets} in {@code scenario}'s replications.
   *
   * @throws IllegalArgumentException naming a target that cannot be evaluated in the horizon
   */
  public static TargetCheck of(Scenario scenario, List<Target> targets) {
    check(scenario, targets);
    return new TargetCheck(scenario, targets);
  }

  /** The number of targets. */
  public int size() {
    return targets.size();
  }

  /**
   * Whether target {@code index} holds in {@code rows}; never in a month where its metric has
   * no value ({@link Metric#definedIn}: a caseload with nobody holding cases).
   */
  public boolean holds(int index, double[][] rows) {
    Target target = targets.get(index);
    return switch (target.scope()) {
      case MONTH -> holdsIn(target, rows[target.month() - 1]);
      case SNAPSHOT -> {
        DfeSnapshot.compute(rows, snapshotMonth[index], snapshotBuffer);
        yield target.snapshotMetric().definedIn(snapshotBuffer)
            && target.op().test(snapshotBuffer[target.snapshotMetric().ordinal()],
                target.threshold());
      }
      case EVERY_MONTH -> everyMonth(target, rows);
      case ANY_MONTH -> anyMonth(target, rows);
    };
  }

  /**
   * A number that changes whenever what decides target {@code index} changes: the metric's
   * value for a month or snapshot target, NaN where it has no value ({@link Metric#definedIn}:
   * a caseload with nobody holding cases, or with its kind waiting and nobody holding them);
   * for the others a hash of the months' values, each NaN where it has none. A goal-seek reads
   * two plans' equal signatures in every replication as a lever that cannot move the target;
   * the value alone had missed a lever that changed only whether the caseload had a value.
   */
  public double signature(int index, double[][] rows) {
    Target target = targets.get(index);
    return switch (target.scope()) {
      case MONTH -> valueIn(target.metric(), rows[target.month() - 1]);
      case SNAPSHOT -> {
        DfeSnapshot.compute(rows, snapshotMonth[index], snapshotBuffer);
        SnapshotMetric metric = target.snapshotMetric();
        yield metric.definedIn(snapshotBuffer) ? snapshotBuffer[metric.ordinal()] : Double.NaN;
      }
      case EVERY_MONTH, ANY_MONTH -> {
        long hash = 1;
        for (double[] row : rows) {
          hash = 31 * hash + Double.hashCode(valueIn(target.metric(), row));
        }
        yield hash;
      }
    };
  }

  private static double valueIn(Metric metric, double[] row) {
    return metric.definedIn(row) ? row[metric.ordinal()] : Double.NaN;
  }

  private static boolean holdsIn(Target target, double[] row) {
    return target.metric().definedIn(row)
        && target.op().test(row[target.metric().ordinal()], target.threshold());
  }

  private static boolean everyMonth(Target target, double[][] rows) {
    for (double[] row : rows) {
      if (!holdsIn(target, row)) {
        return false;
      }
    }
    return true;
  }

  private static boolean anyMonth(Target target, double[][] rows) {
    for (double[] row : rows) {
      if (holdsIn(target, row)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Checks that every target can be evaluated in {@code scenario}: its month within the
   * horizon, its snapshot date one of the horizon's 30 Septembers.
   *
   * @throws UnevaluableTargetException naming the target and the reason
   */
  static void check(Scenario scenario, List<Target> targets) {
    for (Target target : targets) {
      if (target.scope() == Target.Scope.MONTH && target.month() > scenario.horizonMonths()) {
        throw new UnevaluableTargetException("target \"" + target + "\": month " + target.month()
            + " is beyond the horizon of " + scenario.horizonMonths() + " months");
      }
      if (target.scope() == Target.Scope.SNAPSHOT && monthOf(scenario, target) < 0) {
        throw new UnevaluableTargetException("target \"" + target + "\": " + target.snapshotDate()
            + " is not a 30 September within the horizon (" + scenario.dateOf(1) + " to "
            + scenario.dateOf(scenario.horizonMonths()) + ")");
      }
    }
  }

  private static int monthOf(Scenario scenario, Target target) {
    for (int t = 1; t <= scenario.horizonMonths(); t++) {
      if (scenario.dateOf(t).equals(target.snapshotDate())) {
        return t;
      }
    }
    return -1;
  }
}
