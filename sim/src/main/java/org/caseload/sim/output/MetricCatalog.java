package org.caseload.sim.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.SnapshotMetric;
import org.caseload.core.metrics.Unit;

/**
 * Every metric with its unit and meaning, as {@code caseload metrics} prints it and
 * {@code docs/model.md} lists it (a test keeps the two the same).
 *
 * @implNote Stateless and thread-safe.
 */
public final class MetricCatalog {

  private MetricCatalog() {}

  /** The unit as a reader would say it. */
  public static String unit(Unit unit) {
    return switch (unit) {
      case COUNT -> "children or events";
      case FTE -> "FTE";
      case RATE -> "fraction";
      case CASELOAD -> "cases per FTE";
      case MONTHS -> "months";
      case MONEY -> "pounds";
    };
  }

  /** The monthly metrics, then the snapshot indicators, one per line. */
  public static String text() {
    StringBuilder out = new StringBuilder("Monthly metrics (flows are totals for the month,"
        + " stocks at its end; cost in pounds a month):\n");
    for (Metric m : Metric.values()) {
      out.append(String.format(Locale.ROOT, "  %-24s %-18s %s%n", m.name(), unit(m.unit()),
          m.description()));
    }
    out.append("\n30 September snapshot indicators (targets 'at snapshot YYYY-09-30'):\n");
    for (SnapshotMetric m : SnapshotMetric.values()) {
      out.append(String.format(Locale.ROOT, "  %-24s %-18s %s%n", m.name(), unit(m.unit()),
          m.description()));
    }
    return out.toString();
  }

  /**
   * The same lists for scripts, as CSV: {@code kind,metric,unit,unitInWords,description}, kind
   * {@code monthly} or {@code snapshot}, unit the code a script can switch on ({@code count,
   * fte, rate, caseload, months, money}; rates are fractions in CSV and JSON).
   */
  public static String csv() {
    StringBuilder out = new StringBuilder("kind,metric,unit,unitInWords,description\n");
    for (Metric m : Metric.values()) {
      csvRow(out, "monthly", m.name(), m.unit(), m.description());
    }
    for (SnapshotMetric m : SnapshotMetric.values()) {
      csvRow(out, "snapshot", m.name(), m.unit(), m.description());
    }
    return out.toString();
  }

  private static void csvRow(StringBuilder out, String kind, String name, Unit unit,
      String description) {
    out.append(kind).append(',').append(name).append(',').append(code(unit)).append(',')
        .append(CsvNumbers.text(unit(unit))).append(',').append(CsvNumbers.text(description))
        .append('\n');
  }

  /** The same lists for scripts, as JSON: {@code {"monthly": [...], "snapshot": [...]}}. */
  public static String json() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ArrayNode monthly = root.putArray("monthly");
    for (Metric m : Metric.values()) {
      monthly.addObject().put("metric", m.name()).put("unit", code(m.unit()))
          .put("unitInWords", unit(m.unit())).put("description", m.description());
    }
    ArrayNode snapshot = root.putArray("snapshot");
    for (SnapshotMetric m : SnapshotMetric.values()) {
      snapshot.addObject().put("metric", m.name()).put("unit", code(m.unit()))
          .put("unitInWords", unit(m.unit())).put("description", m.description());
    }
    return root.toPrettyString() + "\n";
  }

  /** The unit's code for scripts: its name in lower case. */
  private static String code(Unit unit) {
    return unit.name().toLowerCase(Locale.ROOT);
  }

  /** The same lists as Markdown tables, for the docs. */
  public static String markdown() {
    StringBuilder out = new StringBuilder("| metric | unit | meaning |\n|---|---|---|\n");
    for (Metric m : Metric.values()) {
      out.append("| `").append(m.name()).append("` | ").append(unit(m.unit())).append(" | ")
          .append(m.description()).append(" |\n");
    }
    out.append("\n| snapshot indicator | unit | meaning |\n|---|---|---|\n");
    for (SnapshotMetric m : SnapshotMetric.values()) {
      out.append("| `").append(m.name()).append("` | ").append(unit(m.unit())).append(" | ")
          .append(m.description()).append(" |\n");
    }
    return out.toString();
  }
}
