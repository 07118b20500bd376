package org.caseload.api.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import org.caseload.core.calibration.Calibration;
import org.caseload.core.calibration.Calibrator;
import org.caseload.core.data.Area;
import org.caseload.core.data.DfeData;
import org.caseload.core.data.UnknownAreaException;
import org.caseload.core.scenario.ScenarioJson;
import org.caseload.sim.presets.Presets;

/**
 * {@code /presets} and {@code /calibrations}: the scenarios Caseload ships, and scenarios
 * calibrated from the DfE's published figures (as {@code caseload calibrate} makes them).
 *
 * @implNote Immutable and thread-safe; calibrations run on a worker thread.
 */
final class CatalogHandlers {

  private final Vertx vertx;
  private final DfeData data;

  /** @param data the DfE figures, or null when the server has none (calibrations are 503) */
  CatalogHandlers(Vertx vertx, DfeData data) {
    this.vertx = vertx;
    this.data = data;
  }

  void presets(RoutingContext rc) {
    ObjectNode body = Json.object();
    ArrayNode items = body.putArray("items");
    for (String name : Presets.names()) {
      items.addObject().put("name", name).put("description", Presets.description(name))
          .put("href", ApiRoutes.BASE + "/presets/" + name);
    }
    Json.send(rc, 200, body);
  }

  void preset(RoutingContext rc) {
    String name = rc.pathParam("name");
    String json = Presets.json(name).orElseThrow(() -> ApiProblem.notFound("name",
        "no preset \"" + Bodies.shown(name) + "\"" + RunRequests.didYouMean(name)));
    Json.send(rc, 200, json);
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
    int year = (int) Bodies.integer(body, "year", "year", -1, 2000, 2100);
    if (year < 0) {
      throw ApiProblem.badField("year", "is required: the base year (30 September)");
    }
    int months = (int) Bodies.integer(body, "months", "months", 36, 1, 120);
    if (data == null) {
      throw ApiProblem.unavailable("la", "cannot be calibrated: this server has no DfE data;"
          + " start it with --data", 60);
    }
    Area area;
    try {
      area = data.area(la);
    } catch (UnknownAreaException e) {
      throw ApiProblem.notFound("la", e.getMessage());
    }
    try {
      return Calibrator.calibrate(data, area, year, months);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badField("year", e.getMessage());
    }
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
