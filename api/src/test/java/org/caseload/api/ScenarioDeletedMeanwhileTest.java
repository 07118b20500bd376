package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseload.api.ProblemAssertions.assertProblem;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.caseload.api.store.DatabaseAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A stored scenario deleted between a submission's checks and the insert of its run (a
 * DELETE racing the POST): the answer is the 404 of a scenario that does not exist, naming
 * the field, not a 500 from the foreign key, and nothing is stored. Made deterministic by a
 * trigger that deletes the scenario as the run's row is inserted (the failed statement undoes
 * the delete too).
 */
class ScenarioDeletedMeanwhileTest extends ServerPerClass {

  private ListAppender<ILoggingEvent> errors;

  @BeforeEach
  void deleteTheScenarioAsTheRunIsInserted() throws SQLException {
    sql("CREATE OR REPLACE FUNCTION delete_scenario_first() RETURNS trigger AS $$ BEGIN"
        + " DELETE FROM scenarios WHERE id = NEW.scenario_id; RETURN NEW; END $$"
        + " LANGUAGE plpgsql");
    sql("CREATE OR REPLACE TRIGGER scenario_deleted_meanwhile BEFORE INSERT ON runs"
        + " FOR EACH ROW EXECUTE FUNCTION delete_scenario_first()");
    errors = new ListAppender<>();
    errors.start();
    ((Logger) LoggerFactory.getLogger(org.caseload.api.http.Problems.class))
        .addAppender(errors);
  }

  @AfterEach
  void dropTheTrigger() throws SQLException {
    sql("DROP TRIGGER IF EXISTS scenario_deleted_meanwhile ON runs");
    ((Logger) LoggerFactory.getLogger(org.caseload.api.http.Problems.class))
        .detachAppender(errors);
  }

  @Test
  void aRunsScenarioDeletedBeforeItsInsert_is404NamingScenarioId() throws SQLException {
    String id = stored("run");
    assertNotFound(api.post("/api/v1/runs", new JsonObject().put("scenarioId", id)
        .put("replications", 1).put("months", 1)), "scenarioId", id);
  }

  @Test
  void aComparisonsBaselineDeletedBeforeItsInsert_is404NamingIt() throws SQLException {
    String id = stored("comparison");
    assertNotFound(api.post("/api/v1/comparisons", new JsonObject()
        .put("baseline", new JsonObject().put("scenarioId", id))
        .put("variants", new JsonArray().add(new JsonObject().put("set",
            new JsonObject().put("parameters.demand.annualGrowth", 0.05))))
        .put("replications", 1).put("months", 1)), "baseline.scenarioId", id);
  }

  @Test
  void aDecisionsScenarioDeletedBeforeItsInsert_is404NamingScenarioId() throws SQLException {
    String seek = stored("goal-seek");
    assertNotFound(api.post("/api/v1/goal-seeks", new JsonObject().put("scenarioId", seek)
        .put("months", 2).put("targets", new JsonArray().add("caseload <= 20 at month 2"))
        .put("probability", 0.8).put("levers", new JsonArray().add("posts:children=0..4/2"))
        .put("screenReplications", 64).put("maxReplications", 128)), "scenarioId", seek);
    String study = stored("sensitivity");
    assertNotFound(api.post("/api/v1/sensitivities", new JsonObject().put("scenarioId", study)
        .put("months", 2).put("metric", "caseload").put("month", 2)
        .put("levers", new JsonArray().add("posts:children=0..4/2")).put("method", "tornado")
        .put("replications", 4)), "scenarioId", study);
  }

  /**
   * A variant's scenario deleted as the comparison's links are inserted: the comparison is
   * stored (a scenario deleted before is not linked). The trigger deletes once (a sequence is
   * not rolled back), as a DELETE racing the POST does.
   */
  @Test
  void aVariantsScenarioDeletedBeforeItsLink_isNotA500() throws SQLException {
    sql("CREATE SEQUENCE IF NOT EXISTS variant_deletes");
    sql("CREATE OR REPLACE FUNCTION delete_variant_once() RETURNS trigger AS $$ BEGIN"
        + " IF nextval('variant_deletes') = 1 THEN"
        + " DELETE FROM scenarios WHERE id = NEW.scenario_id; END IF; RETURN NEW; END $$"
        + " LANGUAGE plpgsql");
    sql("CREATE OR REPLACE TRIGGER variant_deleted_meanwhile BEFORE INSERT ON run_scenarios"
        + " FOR EACH ROW EXECUTE FUNCTION delete_variant_once()");
    try {
      String variant = stored("variant");
      HttpResponse<Buffer> response = api.post("/api/v1/comparisons", new JsonObject()
          .put("baseline", new JsonObject().put("preset", "synthetic-small"))
          .put("variants", new JsonArray().add(new JsonObject().put("scenarioId", variant)))
          .put("replications", 1).put("months", 1));
      assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(202);
      assertThat(count("SELECT nextval('variant_deletes')")).as("the trigger fired twice")
          .isGreaterThan(2);
      assertThat(errors.list).extracting(e -> e.getLevel().toString()).doesNotContain("ERROR");
      api.awaitEnd(response.getHeader("Location"), java.time.Duration.ofSeconds(30));
    } finally {
      sql("DROP TRIGGER variant_deleted_meanwhile ON run_scenarios");
      sql("DELETE FROM runs");
    }
  }

  private void assertNotFound(HttpResponse<Buffer> response, String field, String id)
      throws SQLException {
    assertThat(assertProblem(response, 404)).containsExactly(field);
    assertThat(response.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0)
        .getString("reason")).isEqualTo("no stored scenario " + id);
    assertThat(count("SELECT count(*) FROM runs")).as("nothing stored").isZero();
    assertThat(errors.list).extracting(e -> e.getLevel().toString()).doesNotContain("ERROR");
  }

  private String stored(String name) {
    return api.post("/api/v1/scenarios", new JsonObject().put("scenario",
        ScenarioApiTest.scenario(name))).bodyAsJsonObject().getString("id");
  }

  private Connection connect() throws SQLException {
    DatabaseAddress address = DatabaseAddress.parse(api.databaseUrl);
    return DriverManager.getConnection(address.jdbcUrl(), address.user(), address.password());
  }

  private void sql(String statement) throws SQLException {
    try (Connection connection = connect(); Statement s = connection.createStatement()) {
      s.execute(statement);
    }
  }

  private long count(String query) throws SQLException {
    try (Connection connection = connect(); Statement s = connection.createStatement();
        ResultSet rows = s.executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
