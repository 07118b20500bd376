package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseload.api.ProblemAssertions.assertProblem;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A reason repeats at most 60 characters of what was sent (docs/api.md, Errors), wherever the
 * reason was written: a lever's unknown team, a target, a council, an intervention's team had
 * repeated 100 to 499 characters (an outside trial), where a parameter or a preset was cut.
 */
class EchoLimitApiTest extends ServerPerClass {

  /** Within every field's own limit (a council's name: 100 characters), over 60. */
  private static final String LONG = "Q".repeat(90);

  static Stream<Arguments> longValues() {
    JsonObject goalSeek = new JsonObject().put("preset", "synthetic-small").put("months", 12)
        .put("targets", new JsonArray().add("caseload <= 18 at month 12"))
        .put("probability", 0.8).put("screenReplications", 64).put("maxReplications", 128);
    return Stream.of(
        Arguments.of("a lever's team", "/api/v1/goal-seeks", goalSeek.copy()
            .put("levers", new JsonArray().add("posts:" + LONG + "=0..6/2"))),
        Arguments.of("a target", "/api/v1/runs", new JsonObject().put("preset",
            "synthetic-small").put("targets", new JsonArray().add("caseload <= " + LONG))),
        Arguments.of("a council to calibrate", "/api/v1/calibrations",
            new JsonObject().put("la", LONG).put("year", 2019)),
        Arguments.of("a council to sweep", "/api/v1/sweeps", new JsonObject().put("year", 2019)
            .put("councils", new JsonArray().add(LONG))),
        Arguments.of("an intervention's team", "/api/v1/runs", new JsonObject()
            .put("preset", "synthetic-small").put("interventions", new JsonArray()
                .add(new JsonObject().put("type", "posts").put("startMonth", 1)
                    .put("team", LONG).put("fte", 2)))),
        Arguments.of("a council's actuals", "/api/v1/actuals?la=" + LONG, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("longValues")
  void aLongValueIsRepeatedCutToItsFirst60Characters(String what, String path, JsonObject body) {
    HttpResponse<Buffer> response = body == null ? api.get(path) : api.post(path, body);
    assertProblem(response, response.statusCode() == 404 ? 404 : 400);
    String text = response.bodyAsString();
    assertThat(text).as(what).doesNotContain("Q".repeat(61)).containsPattern("Q{10,60}\\.\\.\\.");
  }
}
