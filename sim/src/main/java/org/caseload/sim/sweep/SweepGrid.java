package org.caseload.sim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.caseload.core.metrics.Metric;
import org.caseload.core.scenario.ScenarioEdits;

/**
 * The axes and metrics of a sweep grid, read by one rule for {@code caseload sweep}, the
 * cluster sweep and the API's sweeps. A field that cannot be read is a
 * {@link GridException} naming it as the API does ({@code axes.PATH}, {@code metrics[1]});
 * the command line puts the grid file's name before it.
 */
public final class SweepGrid {

  /** How large a grid may be. */
  public record Bounds(int axes, long points) {}

  /** The command line's bounds (the CSV's own bound, {@link AllCouncils#tooLarge}, comes later). */
  public static final Bounds COMMAND = new Bounds(100, 10_000);

  /** The API's bounds: a sweep there is run for every council at every point. */
  public static final Bounds API = new Bounds(10, 100);

  /** Paths longer than this are cut in messages. */
  private static final int SHOWN = 100;

  private SweepGrid() {}

  /** A grid field that cannot be read, and why. */
  public static final class GridException extends IllegalArgumentException {
    private final String field;
    private final String reason;

    GridException(String field, String reason) {
      super(field + ": " + reason);
      this.field = field;
      this.reason = reason;
    }

    /** The field, as the API names it: {@code axes}, {@code axes.PATH}, {@code metrics[i]}. */
    public String field() {
      return field;
    }

    public String reason() {
      return reason;
    }
  }

  /**
   * The axes of {@code axes} (a JSON object of scenario field path to a non-empty array of
   * values; none when it is missing or null), in the order given. With
   * {@code allCouncils} a path {@link AllCouncils.Axis#refused} refuses is an error.
   *
   * @throws GridException naming the first field that breaks a rule
   */
  public static List<AllCouncils.Axis> axes(JsonNode axes, Bounds bounds, boolean allCouncils) {
    if (axes == null || axes.isNull() || axes.isMissingNode()) {
      return List.of();
    }
    if (!axes.isObject()) {
      throw new GridException("axes", "must be an object of scenario field path: [values]");
    }
    if (axes.size() > bounds.axes()) {
      throw new GridException("axes", "at most " + bounds.axes() + " axes, had " + axes.size());
    }
    List<AllCouncils.Axis> list = new ArrayList<>();
    long points = 1;
    for (Map.Entry<String, JsonNode> axis : axes.properties()) {
      String path = axis.getKey();
      String field = "axes." + (path.length() > SHOWN ? path.substring(0, SHOWN) + "..." : path);
      if (!axis.getValue().isArray() || axis.getValue().isEmpty()) {
        throw new GridException(field, "must be a non-empty array of values");
      }
      String refused = allCouncils ? AllCouncils.Axis.refused(path) : null;
      if (refused != null) {
        throw new GridException(field, refused);
      }
      for (AllCouncils.Axis earlier : list) {
        if (ScenarioEdits.overlap(earlier.path(), path)) {
          String other = earlier.path().length() > SHOWN
              ? earlier.path().substring(0, SHOWN) + "..." : earlier.path();
          throw new GridException(field, "sets the same field as the axis '" + other
              + "' (one is the other or inside it): the later would replace what the earlier"
              + " set, and the CSV would show values that were not run; give one of them");
        }
      }
      List<JsonNode> values = new ArrayList<>();
      axis.getValue().forEach(values::add);
      points *= values.size();
      if (points > bounds.points()) {
        throw new GridException("axes", String.format(Locale.ROOT, "more than %,d combinations",
            bounds.points()));
      }
      list.add(new AllCouncils.Axis(path, values));
    }
    return list;
  }

  /**
   * The metrics {@code metrics} names: every metric when it is missing or null; otherwise a
   * non-empty array of metric names, none twice, in the order given.
   *
   * @throws GridException naming the first field that breaks a rule
   */
  public static List<Metric> metrics(JsonNode metrics) {
    if (metrics == null || metrics.isNull() || metrics.isMissingNode()) {
      return List.of(Metric.values());
    }
    if (!metrics.isArray()) {
      throw new GridException("metrics", "must be an array of metric names");
    }
    if (metrics.isEmpty()) {
      throw new GridException("metrics", "must name at least one metric (leave it out for"
          + " every metric)");
    }
    List<Metric> list = new ArrayList<>();
    for (int i = 0; i < metrics.size(); i++) {
      JsonNode name = metrics.get(i);
      String field = "metrics[" + i + "]";
      if (!name.isTextual()) {
        throw new GridException(field, "must be a metric's name, was "
            + (name.isContainerNode() ? (name.isArray() ? "an array" : "an object")
                : name.toString()));
      }
      Metric metric = Metric.byName(name.asText());
      if (metric == null) {
        throw new GridException(field, Metric.notAMetric(name.asText()));
      }
      if (list.contains(metric)) {
        throw new GridException(field, "'" + metric.name() + "' is given twice");
      }
      list.add(metric);
    }
    return list;
  }
}
