package org.caseload.sim.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.SnapshotMetric;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.ScenarioJson;
import org.caseload.sim.target.Target;
import org.caseload.sim.target.TargetParser;

/**
 * What each replication of a {@link ReplicationBatch} is reduced to: for each target whether it
 * holds (a flag) and its {@link TargetCheck#signature}, then the total cost over the horizon
 * if asked, then one output (a metric at a month) if asked. Flags come first, then the values
 * in that order.
 *
 * @param targets targets checked, each a flag and a value
 * @param cost whether the cost summed over the months is a value
 * @param output the metric at a month read, or null
 * @implNote Immutable and thread-safe; a {@link Reader} is one thread's.
 */
public record Readings(List<Target> targets, boolean cost, MetricAt output) {

  /** The most targets a batch checks. */
  public static final int MAX_TARGETS = 64;

  public Readings {
    targets = List.copyOf(targets);
    if (targets.size() > MAX_TARGETS) {
      throw new IllegalArgumentException("at most " + MAX_TARGETS + " targets, not "
          + targets.size());
    }
  }

  /** Targets met and signatures, and the total cost: a goal-seek's readings. */
  public static Readings targetsAndCost(List<Target> targets) {
    return new Readings(targets, true, null);
  }

  /** One output: a sensitivity study's readings. */
  public static Readings output(MetricAt output) {
    return new Readings(List.of(), false, java.util.Objects.requireNonNull(output));
  }

  /** Flags a replication has: one per target. */
  public int flags() {
    return targets.size();
  }

  /** Values a replication has. */
  public int values() {
    return targets.size() + (cost ? 1 : 0) + (output != null ? 1 : 0);
  }

  /** The index of the cost among the values. */
  public int costIndex() {
    return targets.size();
  }

  /** The index of the output among the values. */
  public int outputIndex() {
    return targets.size() + (cost ? 1 : 0);
  }

  /**
   * Checks that every reading can be taken in {@code scenario}'s horizon.
   *
   * @throws IllegalArgumentException naming the target or month that cannot
   */
  public void checkIn(Scenario scenario) {
    TargetCheck.check(scenario, targets);
    if (output != null) {
      output.within(scenario);
    }
  }

  /** A reader for one thread of replications of {@code scenario}. */
  Reader reader(Scenario scenario) {
    return new Reader(TargetCheck.of(scenario, targets));
  }

  /** Takes the readings of one replication's rows. Not thread-safe. */
  final class Reader {
    private final TargetCheck check;

    private Reader(TargetCheck check) {
      this.check = check;
    }

    /** Writes the flags at {@code flags[from..]} and the values at {@code values[from..]}. */
    void read(double[][] rows, boolean[] flags, int flagsFrom, double[] values, int valuesFrom) {
      for (int i = 0; i < targets.size(); i++) {
        flags[flagsFrom + i] = check.holds(i, rows);
        values[valuesFrom + i] = check.signature(i, rows);
      }
      if (cost) {
        double sum = 0;
        for (double[] row : rows) {
          sum += row[Metric.cost.ordinal()];
        }
        values[valuesFrom + costIndex()] = sum;
      }
      if (output != null) {
        values[valuesFrom + outputIndex()] = output.value(rows);
      }
    }
  }

  ObjectNode toTree() {
    ObjectNode root = ScenarioJson.mapper().createObjectNode();
    targets.forEach(t -> root.withArray("targets").add(t.text()));
    root.put("cost", cost);
    if (output != null) {
      ObjectNode node = root.putObject("output");
      if (output.metric() != null) {
        node.put("metric", output.metric().name());
      } else {
        node.put("snapshot", output.snapshotMetric().name());
      }
      node.put("month", output.month());
    }
    return root;
  }

  /**
   * @throws IllegalArgumentException if {@code root} is not readings {@link #toTree} wrote
   */
  static Readings fromTree(JsonNode root) {
    List<Target> targets = new ArrayList<>();
    root.path("targets").forEach(n -> targets.add(TargetParser.parse(n.asText())));
    JsonNode out = root.path("output");
    MetricAt output = null;
    if (out.isObject()) {
      int month = out.path("month").asInt();
      output = out.has("metric")
          ? MetricAt.month(Metric.valueOf(out.path("metric").asText()), month)
          : new MetricAt(null, SnapshotMetric.valueOf(out.path("snapshot").asText()), month);
    }
    return new Readings(targets, root.path("cost").asBoolean(), output);
  }
}
