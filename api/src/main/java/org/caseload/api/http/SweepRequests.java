package org.caseload.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.caseload.api.Limits;
import org.caseload.api.domain.RunKind;
import org.caseload.api.runs.Decision;
import org.caseload.api.runs.RunPlan;
import org.caseload.core.calibration.Calibrator;
import org.caseload.core.data.DfeData;
import org.caseload.core.metrics.Metric;
import org.caseload.core.scenario.FieldSetting;
import org.caseload.core.scenario.InvalidScenarioException;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.ScenarioValidator;
import org.caseload.core.scenario.ScenarioEdits;
import org.caseload.sim.engine.RunOptions;
import org.caseload.sim.engine.SummaryMemory;
import org.caseload.sim.sweep.AllCouncils;
import org.caseload.sim.sweep.PairedGrid;
import org.caseload.sim.sweep.SweepGrid;

/**
 * Turns all-England sweep requests into checked {@link RunPlan}s: {@code year} (required),
 * {@code councils} (optional: names or codes; default every council with a workforce return
 * that year), {@code axes} (optional: scenario field path to an array of values, as a sweep
 * grid's), {@code metrics} (optional), {@code replications}, {@code months} (default 36) and
 * {@code seed}. Councils are checked and calibrated off the event loop ({@link SweepCouncils}:
 * the names first, then only the councils named); each bad field is a 400 naming it.
 *
 * @implNote Immutable and thread-safe.
 */
final class SweepRequests {

  private final DfeData data;
  private final Limits limits;
  /** The memory one run's summaries may take ({@link SummaryMemory}). */
  private final long summaryBytes;
  private final OffLoop offLoop;

  SweepRequests(DfeData data, Limits limits, long summaryBytes, OffLoop offLoop) {
    this.summaryBytes = summaryBytes;
    this.data = data;
    this.limits = limits;
    this.offLoop = offLoop;
  }

  /** The plan of a sweep request; the body is read and councils calibrated off the loop. */
  Future<RunPlan> sweep(RoutingContext rc) {
    return offLoop.run(() -> plan(Bodies.object(rc)));
  }

  private RunPlan plan(ObjectNode body) {
    if (data == null) {
      throw ApiProblem.unavailable("year", "cannot be swept: this server has no DfE data;"
          + " start it with --data DIR", 60);
    }
    long seed = RunRequests.seed(body);
    long replications = Bodies.integer(body, "replications", "replications",
        RunOptions.DEFAULT_REPLICATIONS, 1,
        limits.maxReplications());
    int months = (int) Bodies.integer(body, "months", "months",
        Calibrator.DEFAULT_HORIZON_MONTHS, 1,
        Math.min(limits.maxMonths(), Scenario.MAX_HORIZON_MONTHS));
    JsonNode yearNode = body.get("year");
    if (yearNode == null || yearNode.isNull()) {
      throw ApiProblem.badField("year", "required: the base year, 30 September of it");
    }
    int year = (int) Bodies.integer(body, "year", "year", 0, ScenarioValidator.MIN_YEAR,
        ScenarioValidator.MAX_YEAR);
    List<AllCouncils.Axis> axes;
    List<Metric> metrics;
    try {
      axes = SweepGrid.axes(body.get("axes"), SweepGrid.API, true);
      metrics = SweepGrid.metrics(body.get("metrics"));
    } catch (SweepGrid.GridException e) {
      throw ApiProblem.badField(e.field(), e.reason());
    }
    JsonNode names = body.get("councils");
    AllCouncils.Councils councils = SweepCouncils.of(data, year, months, names);
    JsonNode pairedNode = body.get("paired");
    boolean paired = pairedNode != null && pairedNode.asBoolean();
    if (paired && axes.isEmpty()) {
      throw ApiProblem.badField("paired", "pairs each grid point with its council's forecast:"
          + " give axes");
    }
    String tooLarge = AllCouncils.tooLarge(councils.calibrated().size(), axes, metrics, months,
        AllCouncils.MAX_CSV_BYTES, AllCouncils.rowBytes(paired));
    if (tooLarge != null) {
      throw ApiProblem.badField(!axes.isEmpty() ? "axes"
          : body.hasNonNull("metrics") ? "metrics" : "months", tooLarge);
    }
    long points = AllCouncils.combinations(axes);
    // paired, each council's forecast is simulated again with each pass of points
    long passes = paired ? (points + PairedGrid.MAX_PASS - 1) / PairedGrid.MAX_PASS : 0;
    long scenarioCount = (points + passes) * councils.calibrated().size();
    if (replications * scenarioCount > limits.maxSweepReplications()) {
      throw ApiProblem.badField("replications", String.format(Locale.ROOT, "%,d replications"
          + " of each of %,d council%s at %,d point%s of the grid%s would be %,d replications,"
          + " more than this server's %,d for a sweep (--max-sweep-replications): ask for"
          + " fewer replications, axis values or councils", replications,
          councils.calibrated().size(), councils.calibrated().size() == 1 ? "" : "s", points,
          points == 1 ? "" : "s", paired ? " and of each council's forecast " + passes
              + (passes == 1 ? " time" : " times") + ", paired" : "",
          replications * scenarioCount, limits.maxSweepReplications()));
    }
    if (!councils.calibrated().isEmpty() && !axes.isEmpty()) {
      Scenario first = councils.calibrated().get(0).scenario();
      for (List<JsonNode> point : AllCouncils.points(axes)) {
        List<FieldSetting> settings = new ArrayList<>();
        for (int i = 0; i < axes.size(); i++) {
          settings.add(FieldSetting.of(axes.get(i).path(), point.get(i)));
        }
        try {
          ScenarioEdits.apply(first, settings);
        } catch (InvalidScenarioException e) {
          throw ApiProblem.badField("axes",
              AllCouncils.pointProblem(axes, point, e.problems().get(0)));
        } catch (IllegalArgumentException e) {
          throw ApiProblem.badField("axes", e.getMessage());
        }
      }
    }
    List<Scenario> scenarios = councils.calibrated().isEmpty()
        ? List.of() : councils.calibrated().stream().map(AllCouncils.Council::scenario).toList();
    // councils run one at a time, each on as many threads as fit; a grid point adds no tallies
    // (paired, a pass holds its council's and at least one point's, and their differences')
    for (Scenario scenario : scenarios) {
      try {
        SummaryMemory.require(paired
            ? SummaryMemory.comparison(scenario, List.of(scenario), replications, 1)
            : SummaryMemory.run(scenario, replications, 1), summaryBytes);
      } catch (SummaryMemory.TooLargeException e) {
        throw ApiProblem.badField("months", "the sweep is too large for this server: "
            + scenario.name() + ": " + e.getMessage());
      }
    }
    if (scenarios.isEmpty()) {
      throw ApiProblem.badField(names == null ? "year" : "councils", "no council can be"
          + " calibrated: " + councils.skipped().stream().map(s -> s.area().name() + ": "
              + s.reason()).findFirst().orElse(""));
    }
    return new RunPlan(RunKind.SWEEP, null, null, scenarios, List.of(), replications, seed,
        Bodies.echo(body), new Decision.SweepWork(councils, axes, metrics, replications, seed,
            summaryBytes, paired));
  }

}
