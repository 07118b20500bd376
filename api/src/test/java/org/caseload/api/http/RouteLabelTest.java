package org.caseload.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The route label of a request target: the template of the router's route its normalised
 * path matches, as Vert.x matches it, else {@code unmatched}; never the path.
 */
class RouteLabelTest {

  private static Vertx vertx;
  private static final RouteLabel LABEL = new RouteLabel();

  @BeforeAll
  static void routes() {
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    router.route().handler(rc -> rc.next()); // a root handler: no template
    router.post("/api/v1/runs").handler(rc -> rc.end());
    router.get("/api/v1/runs/:runId").handler(rc -> rc.end());
    router.get("/api/v1/runs/:runId/results").handler(rc -> rc.end());
    router.get("/").handler(rc -> rc.end());
    router.get("/assets/*").handler(rc -> rc.end());
    LABEL.learn(router);
  }

  @AfterAll
  static void close() {
    vertx.close().await();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/api/v1/runs|/api/v1/runs",
      "/api/v1/runs/|/api/v1/runs",
      "/api/v1/runs?wait=5&x=/y|/api/v1/runs",
      "//api/v1/./runs|/api/v1/runs",
      "/%61pi/v1/runs|/api/v1/runs",
      "/api/v1/x/../runs|/api/v1/runs",
      "http://127.0.0.1:8080/api/v1/runs?x=1|/api/v1/runs",
      "/api/v1/runs/0f3c|/api/v1/runs/:runId",
      "/api/v1/runs/anything-at-all/|/api/v1/runs/:runId",
      "/api/v1/runs/abc/results|/api/v1/runs/:runId/results",
      "/|/",
      "/assets|/assets/",
      "/assets/index.js|/assets/",
      "/assets/a/b.css|/assets/",
      "/api/v1/runs/abc/results/more|unmatched",
      "/api/v1/nothing|unmatched",
      "/assetsx|unmatched",
      "/api/v1/runs/%zz|unmatched",
      "http://127.0.0.1:8080|/"})
  void aTargetIsLabelledWithItsRoutesTemplate(String target, String label) {
    assertThat(LABEL.of(target)).isEqualTo(label);
  }

  @Test
  void beforeTheRoutesAreKnownEveryRequestIsUnmatched() {
    assertThat(new RouteLabel().of("/api/v1/runs")).isEqualTo(RouteLabel.UNMATCHED);
  }
}
