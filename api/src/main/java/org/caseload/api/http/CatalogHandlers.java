package org.caseload.api.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.caseload.core.calibration.Calibration;
import org.caseload.core.calibration.Calibrator;
import org.caseload.core.calibration.UncalibratableException;
import org.caseload.core.data.Area;
import org.caseload.core.data.DfeData;
import org.caseload.core.data.DfeTable;
import org.caseload.core.data.UnknownAreaException;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.ScenarioJson;
import org.caseload.core.scenario.ScenarioValidator;
import org.caseload.sim.presets.Presets;

/**
 * {@code /presets}, {@code /calibrations} and {@code /actuals}: the scenarios Caseload ships,
 * scenarios calibrated from the DfE's published figures (as {@code caseload calibrate} makes
 * them), and a council's published workforce figures by year, to draw beside a run.
 *
 * @implNote Immutable and thread-safe; calibrations run on a worker thread.
 */
final class CatalogHandlers {

  private final Vertx vertx;
  private final DfeData data;
  private final int maxMonths;

  /**
   * @param data the DfE figures, or null when the server has none (calibrations are 503)
   * @param maxMonths the server's limit on a scenario's months ({@code --max-months})
   */
  CatalogHandlers(Vertx vertx, DfeData data, int maxMonths) {
    this.maxMonths = maxMonths;
    this.vertx = vertx;
    this.data = data;
  }

  void presets(RoutingContext rc) {
    ObjectNode body = Json.object();
    ArrayNode items = body.putArray("items");
    for (String name : Presets.names()) {
      ObjectNode item = items.addObject().put("name", name)
          .put("description", Presets.description(name))
          .put("href", ApiRoutes.BASE + "/presets/" + name);
      // a calibrated preset: the calibration that gives it, and with it what it assumed
      Presets.calibratedFrom(name).ifPresent(from -> item.putObject("calibratedFrom")
          .put("la", from.la()).put("year", from.year()).put("months", from.months()));
    }
    Json.send(rc, 200, body);
  }

  void preset(RoutingContext rc) {
    String name = rc.pathParam("name");
    String plain = Text.problem(name); // %7F (DEL) reads as a string the contract takes
    if (plain != null) {
      throw ApiProblem.badField("name", plain);
    }
    String json = Presets.json(name).orElseThrow(() -> noPreset(name));
    Json.send(rc, 200, json);
  }

  /** The longest preset name the contract reads. */
  static final int MAX_NAME = 100;

  /** 404: there is no preset {@code name}. */
  static ApiProblem noPreset(String name) {
    return ApiProblem.notFound("name", "no preset \"" + Bodies.shown(name) + "\""
        + RunRequests.didYouMean(name));
  }

  void calibrate(RoutingContext rc) {
    vertx.executeBlocking(() -> calibration(rc), false)
        .onSuccess(calibration -> Json.send(rc, 200, resource(calibration)))
        .onFailure(rc::fail);
  }

  /** The calibration the body asks for; on a worker thread. */
  private Calibration calibration(RoutingContext rc) {
    ObjectNode body = Bodies.object(rc);
    String la = Bodies.text(body, "la", "la");
    if (la == null || la.isBlank()) {
      throw ApiProblem.badField("la", "is required: a council's name or code");
    }
    int year = (int) Bodies.integer(body, "year", "year", -1, ScenarioValidator.MIN_YEAR,
        ScenarioValidator.MAX_YEAR);
    if (year < 0) {
      throw ApiProblem.badField("year", "is required: the base year (30 September)");
    }
    int months = (int) Bodies.integer(body, "months", "months",
        Calibrator.DEFAULT_HORIZON_MONTHS, 1,
        Math.min(maxMonths, Scenario.MAX_HORIZON_MONTHS));
    if (data == null) {
      throw ApiProblem.unavailable("la", "cannot be calibrated: this server has no DfE data;"
          + " start it with --data", 60);
    }
    Area area;
    try {
      area = data.area(la, year);
    } catch (UnknownAreaException e) {
      throw ApiProblem.notFound("la", e.getMessage());
    }
    try {
      return Calibrator.calibrate(data, area, year, months);
    } catch (UncalibratableException e) {
      String field = switch (e.reason()) {
        case NOT_PUBLISHED -> "year";
        case PUBLISHED_JOINTLY, UNUSABLE_FIGURES -> "la";
      };
      throw ApiProblem.badField(field, e.getMessage());
    }
  }

  void actuals(RoutingContext rc) {
    String la = rc.queryParams().get("la");
    vertx.executeBlocking(() -> actuals(la), false)
        .onSuccess(body -> Json.send(rc, 200, body))
        .onFailure(rc::fail);
  }

  /** The published figures: the workforce census at 30 September of each year. */
  private ObjectNode actuals(String la) {
    if (la == null || la.isBlank()) {
      throw ApiProblem.badField("la", "is required: a council's name or code");
    }
    String plain = Text.problem(la); // as every other name: bidi overrides, C1 controls
    if (plain != null) {
      throw ApiProblem.badField("la", plain);
    }
    if (data == null) {
      throw ApiProblem.unavailable("la", "has no figures: this server has no DfE data;"
          + " start it with --data", 60);
    }
    Area area;
    try {
      area = data.area(la);
    } catch (UnknownAreaException e) {
      throw ApiProblem.notFound("la", e.getMessage());
    }
    ObjectNode node = Json.object();
    node.put("area", area.name());
    node.put("code", area.code());
    node.put("source", "DfE, Children's social work workforce (csww_indicators): staff at"
        + " 30 September; rates as fractions");
    // a council whose return is published jointly with others: where its figures are (the
    // area's own were an empty list, said nowhere; an outside audit)
    ArrayNode joint = node.putArray("publishedJointlyAs");
    for (Area with : data.jointAreasOf(DfeTable.WORKFORCE, area)) {
      joint.addObject().put("area", with.name()).put("code", with.code());
    }
    ArrayNode years = node.putArray("years");
    for (int year : data.years(DfeTable.WORKFORCE, area)) {
      ObjectNode row = years.addObject();
      row.put("year", year);
      row.put("date", year + "-09-30");
      ACTUALS.forEach((name, column) -> {
        double value = data.value(DfeTable.WORKFORCE, area, year, column);
        if (Double.isNaN(value)) { // withheld or not published: Math.round would make it 0
          row.putNull(name);
        } else {
          // Rates are published in percent with one decimal: a fraction with three.
          row.put(name, column.endsWith("_rate_fte") ? Math.round(value * 10) / 1000.0 : value);
        }
      });
    }
    return node;
  }

  /** The run's metric names, and the workforce columns they are published as. */
  private static final Map<String, String> ACTUALS = actualColumns();

  private static Map<String, String> actualColumns() {
    Map<String, String> columns = new LinkedHashMap<>();
    columns.put("inPostFte", "inpost_fte");
    columns.put("agencyFte", "agency_fte");
    columns.put("vacancyFte", "vacancy_fte");
    columns.put("vacancyRate", "vacancy_rate_fte");
    columns.put("agencyRate", "agency_rate_fte");
    columns.put("turnoverRate", "turnover_rate_fte");
    columns.put("caseHolderFte", "case_holders_fte");
    columns.put("cases", "cases");
    columns.put("caseload", "caseload_fte");
    return Collections.unmodifiableMap(columns);
  }

  private static ObjectNode resource(Calibration calibration) {
    ObjectNode node = Json.object();
    node.put("area", calibration.area().name());
    node.put("year", calibration.year());
    ArrayNode years = node.putArray("yearsRead");
    calibration.yearsRead().forEach(years::add);
    ArrayNode notes = node.putArray("notes");
    calibration.notes().forEach(notes::add);
    node.set("scenario", ScenarioJson.toTree(calibration.scenario()));
    return node;
  }
}
