package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Assertions on problem+json responses. */
final class ProblemAssertions {

  private ProblemAssertions() {}

  /**
   * The response is a problem with this status naming at least one field, each with a
   * reason; returns the fields it names.
   */
  static List<String> assertProblem(HttpResponse<Buffer> response, int status) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
    JsonObject body = response.bodyAsJsonObject();
    assertThat(body.getInteger("status")).isEqualTo(status);
    assertThat(body.getString("title")).isNotBlank();
    assertThat(body.getString("detail")).isNotBlank();
    List<String> fields = new ArrayList<>();
    JsonArray errors = body.getJsonArray("errors");
    assertThat(errors).as("errors of %s", response.bodyAsString()).isNotEmpty();
    for (int i = 0; i < errors.size(); i++) {
      assertThat(errors.getJsonObject(i).getString("field")).isNotBlank();
      fields.add(errors.getJsonObject(i).getString("field"));
      assertThat(errors.getJsonObject(i).getString("reason")).isNotBlank();
    }
    return fields;
  }

  /** A 400 naming {@code field}, with {@code reason} in its reason. */
  static void assertBadField(HttpResponse<Buffer> response, String field, String reason) {
    assertProblem(response, 400);
    JsonArray errors = response.bodyAsJsonObject().getJsonArray("errors");
    boolean found = false;
    for (int i = 0; i < errors.size(); i++) {
      JsonObject error = errors.getJsonObject(i);
      if (error.getString("field").equals(field) && error.getString("reason").contains(reason)) {
        found = true;
      }
    }
    assertThat(found).as("a 400 naming %s (%s): %s", field, reason, response.bodyAsString())
        .isTrue();
  }
}
