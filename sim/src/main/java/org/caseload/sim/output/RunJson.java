package org.caseload.sim.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.TeamMetric;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.ScenarioJson;
import org.caseload.core.scenario.Team;
import org.caseload.core.metrics.SnapshotMetric;
import org.caseload.sim.engine.CostTotals;
import org.caseload.sim.engine.RunResult;
import org.caseload.sim.summary.HalfWidths95;
import org.caseload.sim.summary.Summary;
import org.caseload.sim.target.TargetResult;

/**
 * The JSON document of a run: {@code {"scenario", "seed", "rng", "replications",
 * "requestedReplications", "stoppedEarly", "months", "baseDate", "monthly": [{"month",
 * "date", "metrics": {NAME: {"n", "mean", "sd", "se", "p5", ..., "p95", "shareAboveZero",
 * "halfWidth95": {"mean", "p5", ..., "p95", "shareAboveZero"}}}}] ({@code halfWidth95}: how
 * far each figure could move with other replications, {@link HalfWidths95}; {@code n}: the
 * replications summarised, fewer than the run's where a caseload or rate had nothing to
 * divide by: nobody holding cases, nobody in post),
 * "snapshots": [{"date", "monthsObserved", "metrics": {...}}] (flows of fewer than 12 months
 * observed are scaled to a year), "targets": [{"target", "probability", "ci95":
 * [lo, hi]}] (each target, then, where there are two or more, "every target together": all of
 * them in the same replication), "costs": {"byYear": [{"year", "months", "from", "to", "mean", ..., "ci95"}],
 * "horizon": {"months", "from", "to", "mean", ..., "ci95"}}} ({@code ci95}: the 95% interval
 * of the mean), and where a role has several teams
 * "teams": [{"name", "role", "monthly": [{"month", "metrics": {TEAM_METRIC: {...}}}]}], then
 * "tool" (name and version) and "scenarioAsRun": the scenario as run, in the scenario format (edits,
 * levers and horizon applied), from which the same seed and replications give the same bytes}.
 * Fields are only ever added, so readers of earlier documents keep working.
 *
 * @implNote Stateless and thread-safe.
 */
public final class RunJson {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT).build();

  private RunJson() {}

  public static String write(RunResult result) {
    try {
      return MAPPER.writeValueAsString(tree(result)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write run JSON", e);
    }
  }

  public static ObjectNode tree(RunResult result) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("scenario", result.scenario().name());
    root.put("seed", result.seed());
    root.put("rng", result.rng());
    root.put("replications", result.replications());
    root.put("requestedReplications", result.requestedReplications());
    root.put("stoppedEarly", result.stoppedEarly());
    root.put("months", result.months());
    root.put("baseDate", result.baseDate().toString());
    ArrayNode monthly = root.putArray("monthly");
    for (RunResult.MonthSummary month : result.monthly()) {
      ObjectNode node = monthly.addObject();
      node.put("month", month.month());
      node.put("date", month.date().toString());
      ObjectNode metrics = node.putObject("metrics");
      for (Metric m : Metric.values()) {
        summary(metrics.putObject(m.name()), month.get(m));
      }
    }
    ArrayNode snapshots = root.putArray("snapshots");
    for (RunResult.SnapshotSummary snapshot : result.snapshots()) {
      ObjectNode node = snapshots.addObject();
      node.put("date", snapshot.date().toString());
      node.put("monthsObserved", snapshot.monthsObserved());
      ObjectNode metrics = node.putObject("metrics");
      for (SnapshotMetric m : SnapshotMetric.values()) {
        summary(metrics.putObject(m.name()), snapshot.get(m));
      }
    }
    ArrayNode targets = root.putArray("targets");
    for (TargetResult target : result.targets()) {
      ObjectNode node = targets.addObject();
      node.put("target", target.target().text());
      number(node, "probability", target.probability());
      ArrayNode ci = node.putArray("ci95");
      ci.add(target.lower95());
      ci.add(target.upper95());
    }
    root.set("costs", costs(result, result.costs()));
    if (result.scenario().hasLocalTeams()) {
      root.set("teams", teams(result));
    }
    provenance(root, "scenarioAsRun", result.scenario());
    return root;
  }

  /**
   * Adds what a result needs to be made again from its file alone: {@code "tool"} (name and
   * version) and, as {@code field}, the scenario in the scenario format (edits, levers and
   * horizon applied), which with the seed and replications gives the same bytes.
   */
  public static void provenance(ObjectNode root, String field, Scenario scenario) {
    root.put("tool", ToolVersion.TEXT);
    root.set(field, ScenarioJson.toTree(scenario));
  }

  /** Each team's metrics month by month: {@code [{"name", "role", "monthly": [...]}]}. */
  static ArrayNode teams(RunResult result) {
    ArrayNode teams = MAPPER.createArrayNode();
    List<Team> scenarioTeams = result.scenario().teams();
    for (int t = 0; t < scenarioTeams.size(); t++) {
      ObjectNode team = teams.addObject();
      team.put("name", scenarioTeams.get(t).name());
      team.put("role", scenarioTeams.get(t).role().jsonName());
      ArrayNode monthly = team.putArray("monthly");
      for (RunResult.MonthSummary month : result.monthly()) {
        ObjectNode node = monthly.addObject();
        node.put("month", month.month());
        ObjectNode metrics = node.putObject("metrics");
        for (TeamMetric m : TeamMetric.values()) {
          summary(metrics.putObject(m.name()), month.get(t, m));
        }
      }
    }
    return teams;
  }

  /** Cost totals by plan year and over the horizon, each with its dates and summary. */
  static ObjectNode costs(RunResult result, CostTotals costs) {
    ObjectNode node = MAPPER.createObjectNode();
    ArrayNode years = node.putArray("byYear");
    for (int y = 1; y <= costs.byYear().size(); y++) {
      ObjectNode year = years.addObject();
      year.put("year", y);
      span(year, result, 12 * (y - 1) + 1, 12 * (y - 1) + costs.monthsIn(y));
      meanWithInterval(year, costs.byYear().get(y - 1));
    }
    ObjectNode horizon = node.putObject("horizon");
    span(horizon, result, 1, costs.months());
    meanWithInterval(horizon, costs.horizon());
    return node;
  }

  private static void span(ObjectNode node, RunResult result, int first, int last) {
    node.put("months", last - first + 1);
    node.put("from", result.monthly().get(first - 1).date().withDayOfMonth(1).toString());
    node.put("to", result.monthly().get(last - 1).date().toString());
  }

  /** The summary's statistics, its share of replications above zero and their accuracy. */
  static void summary(ObjectNode node, Summary summary) {
    statistics(node, summary);
    number(node, "shareAboveZero", summary.shareAboveZero());
    halfWidths(node, HalfWidths95.ofValues(summary), true);
  }

  /**
   * The summary's statistics ({@link Summary#FIELDS}) alone, after {@code "n"}: the
   * replications they are of, fewer than the run's where the metric had no value in some (a
   * caseload with nobody holding cases, a rate with nobody in post; for a comparison's
   * difference, in either scenario).
   */
  static void statistics(ObjectNode node, Summary summary) {
    node.put("n", summary.n());
    double[] values = summary.values();
    for (int i = 0; i < values.length; i++) {
      number(node, Summary.FIELDS[i], values[i]);
    }
  }

  /**
   * How far each of the summary's statistics could move with other replications,
   * {@code "halfWidth95": {"mean", "p5", ..., "p95"}} and, with {@code share}, the share above
   * zero's ({@link HalfWidths95}; null where not estimated).
   */
  static void halfWidths(ObjectNode node, HalfWidths95 of, boolean share) {
    ObjectNode halfWidths = node.putObject("halfWidth95");
    double[] errors = of.values();
    for (int i = 0; i < errors.length - (share ? 0 : 1); i++) {
      number(halfWidths, HalfWidths95.FIELDS[i], errors[i]);
    }
  }

  /** A summary and the 95% interval of its mean, {@code "ci95": [low, high]}. */
  private static void meanWithInterval(ObjectNode node, Summary s) {
    summary(node, s);
    double[] ci = s.ci95();
    interval(node.putArray("ci95"), ci[0], ci[1]);
  }

  static void number(ObjectNode node, String field, double value) {
    if (Double.isFinite(value)) {
      node.put(field, value);
    } else {
      node.putNull(field);
    }
  }

  /** An interval as {@code [low, high]}, each end null where it is undefined (NaN). */
  static void interval(ArrayNode into, double low, double high) {
    for (double end : new double[] {low, high}) {
      if (Double.isFinite(end)) {
        into.add(end);
      } else {
        into.addNull();
      }
    }
  }
}
