package org.caseload.api.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.caseload.api.Limits;
import org.caseload.api.domain.RunKind;
import org.caseload.api.runs.RunService;
import org.caseload.api.store.Database;
import org.caseload.api.store.RunStore;
import org.caseload.api.store.ScenarioStore;
import org.caseload.core.data.DfeData;

/**
 * The HTTP surface: {@code /api/v1} routed and validated by the OpenAPI contract
 * ({@code openapi.yaml}, also served at {@code /api/v1/openapi.yaml}), {@code /health} and
 * {@code /metrics} beside it, the planners' page at {@code /} ({@link WebPage}), problems for
 * every failure. Every request passes, in order:
 * {@link RequestGuard} (Host, path; in front of the router), {@link HeadAsGet} (HEAD is
 * routed as GET), {@link BearerAuth} (when the
 * server has a token), {@link JsonOnly} (415 before any body is read), the body
 * handler (413), {@link Utf8Body} (strict UTF-8), then {@link BodyShape} (depth and size of
 * objects, before the validator).
 *
 * @implNote Stateless; the router it builds is used on the server's event loop.
 */
public final class ApiRoutes {

  /** Where the API lives. */
  public static final String BASE = "/api/v1";
  static final String CONTRACT = "openapi.yaml";

  /** The statuses the router, the codec or a handler may end a request with. */
  private static final int[] ERROR_STATUSES =
      {400, 401, 403, 404, 405, 406, 408, 409, 413, 414, 415, 429, 431, 500, 501, 503};

  private ApiRoutes() {}

  /** Everything the routes need. */
  public record Services(Database database, ScenarioStore scenarios, RunStore runs,
      RunService service, DfeData data, Limits limits, long summaryBytesPerRun, String token,
      boolean accessLog) {}

  /**
   * Builds the root router: load the contract, bind each operation to its handler.
   *
   * @param registryName the Micrometer registry that {@code /metrics} scrapes
   */
  public static Future<Router> create(Vertx vertx, Services services, String registryName) {
    return OpenAPIContract.from(vertx, CONTRACT).map(contract -> {
      RouteTable table = RouteTable.of(contract, List.of("/health", "/health/live", "/metrics",
          BASE + "/openapi.yaml", "/", WebPage.DOCS, WebPage.ASSETS + "*"));
      Problems problems = new Problems(services.limits().maxBodyBytes(), table);
      RouterBuilder builder = RouterBuilder.create(vertx, contract,
          RequestExtractor.withBodyHandler());
      if (services.accessLog()) {
        // first: a line for each request routed, refused on the way (401, 404, 413) too; those
        // refused before routing are RequestGuard's and InvalidRequests'
        builder.rootHandler(AccessLogLine.routed(services.token()));
      }
      builder.rootHandler(new HeadAsGet());
      if (services.token() != null && !services.token().isEmpty()) {
        builder.rootHandler(new BearerAuth(services.token()));
      }
      builder.rootHandler(new JsonOnly());
      builder.rootHandler(BodyHandler.create().setBodyLimit(services.limits().maxBodyBytes())
          .setHandleFileUploads(false).setMergeFormAttributes(false));
      builder.rootHandler(new Utf8Body());
      builder.rootHandler(new BodyShape());
      bind(builder, handlers(vertx, services));
      for (OpenAPIRoute route : builder.getRoutes()) {
        route.setDoSecurity(false);
        route.addFailureHandler(problems::handle);
      }
      // The contract's paths are absolute (/api/v1/...): the validator reads path
      // parameters from the whole path, so the router is not mounted under a prefix.
      Router root = builder.createRouter();
      HealthHandler health = new HealthHandler(vertx, services.database());
      root.get("/health").handler(health::ready);
      root.get("/health/live").handler(health::live);
      root.get("/metrics").handler(new MetricsHandler(registryName, new OffLoop(vertx))::scrape);
      String yaml = contractText();
      root.get(BASE + "/openapi.yaml").handler(rc -> rc.response()
          .putHeader("Content-Type", "application/yaml").end(yaml));
      WebPage.route(vertx, root);
      root.route().failureHandler(problems::handle);
      for (int status : ERROR_STATUSES) {
        root.errorHandler(status, problems::handle);
      }
      return root;
    });
  }

  private static Map<String, Consumer<RoutingContext>> handlers(Vertx vertx, Services s) {
    OffLoop offLoop = new OffLoop(vertx);
    RunRequests requests = new RunRequests(s.scenarios(), s.limits(), s.summaryBytesPerRun(),
        offLoop);
    ScenarioHandlers scenarios = new ScenarioHandlers(s.scenarios(), s.runs(), offLoop,
        s.limits().maxReplications());
    CatalogHandlers catalog = new CatalogHandlers(vertx, s.data(), s.limits().maxMonths());
    DecisionRequests decisions = new DecisionRequests(requests, s.limits(), offLoop);
    SweepRequests sweepRequests = new SweepRequests(s.data(), s.limits(),
        s.summaryBytesPerRun(), offLoop);
    ResultMemory results = new ResultMemory(s.limits().resultBytes());
    RunHandlers runs = new RunHandlers(vertx, RunKind.RUN, s.service(), s.runs(), requests,
        decisions, sweepRequests, offLoop, results);
    RunHandlers comparisons = new RunHandlers(vertx, RunKind.COMPARISON, s.service(), s.runs(),
        requests, decisions, sweepRequests, offLoop, results);
    RunHandlers goalSeeks = new RunHandlers(vertx, RunKind.GOAL_SEEK, s.service(), s.runs(),
        requests, decisions, sweepRequests, offLoop, results);
    RunHandlers sensitivities = new RunHandlers(vertx, RunKind.SENSITIVITY, s.service(),
        s.runs(), requests, decisions, sweepRequests, offLoop, results);
    RunHandlers sweeps = new RunHandlers(vertx, RunKind.SWEEP, s.service(), s.runs(), requests,
        decisions, sweepRequests, offLoop, results);
    return Map.ofEntries(
        Map.entry("listPresets", catalog::presets),
        Map.entry("getPreset", catalog::preset),
        Map.entry("calibrate", catalog::calibrate),
        Map.entry("getActuals", catalog::actuals),
        Map.entry("listScenarios", scenarios::list),
        Map.entry("createScenario", scenarios::create),
        Map.entry("getScenario", scenarios::get),
        Map.entry("updateScenario", scenarios::update),
        Map.entry("deleteScenario", scenarios::delete),
        Map.entry("listScenarioRuns", rc -> scenarios.runs(rc, runs)),
        Map.entry("createRun", runs::create),
        Map.entry("getRun", runs::get),
        Map.entry("cancelRun", runs::cancel),
        Map.entry("getRunResults", runs::results),
        Map.entry("getRunScenario", runs::scenario),
        Map.entry("getRunEvents", runs::events),
        Map.entry("createComparison", comparisons::create),
        Map.entry("getComparison", comparisons::get),
        Map.entry("cancelComparison", comparisons::cancel),
        Map.entry("getComparisonResults", comparisons::results),
        Map.entry("getComparisonEvents", comparisons::events),
        Map.entry("createGoalSeek", goalSeeks::create),
        Map.entry("getGoalSeek", goalSeeks::get),
        Map.entry("cancelGoalSeek", goalSeeks::cancel),
        Map.entry("getGoalSeekResults", goalSeeks::results),
        Map.entry("getGoalSeekEvents", goalSeeks::events),
        Map.entry("createSensitivity", sensitivities::create),
        Map.entry("getSensitivity", sensitivities::get),
        Map.entry("cancelSensitivity", sensitivities::cancel),
        Map.entry("getSensitivityResults", sensitivities::results),
        Map.entry("getSensitivityEvents", sensitivities::events),
        Map.entry("createSweep", sweeps::create),
        Map.entry("getSweep", sweeps::get),
        Map.entry("cancelSweep", sweeps::cancel),
        Map.entry("getSweepResults", sweeps::results),
        Map.entry("getSweepEvents", sweeps::events));
  }

  private static void bind(RouterBuilder builder, Map<String, Consumer<RoutingContext>> handlers) {
    for (OpenAPIRoute route : builder.getRoutes()) {
      String operation = route.getOperation().getOperationId();
      Consumer<RoutingContext> handler = handlers.get(operation);
      if (handler == null) {
        throw new IllegalStateException("no handler for operation " + operation);
      }
      route.addHandler(handler::accept);
    }
  }

  private static String contractText() {
    try (InputStream in = ApiRoutes.class.getClassLoader().getResourceAsStream(CONTRACT)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
