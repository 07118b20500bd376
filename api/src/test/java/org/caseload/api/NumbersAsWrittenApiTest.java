package org.caseload.api;

import static org.caseload.api.ProblemAssertions.assertBadField;

import org.junit.jupiter.api.Test;

/** Numbers at the edges are 400s naming the field, the allowed range and the number. */
class NumbersAsWrittenApiTest extends ServerPerClass {

  private static final String RUN = "{\"preset\":\"synthetic-small\",\"replications\":2,"
      + "\"months\":2,";

  @Test
  void anExclusiveBoundIsSaidAsAbove() {
    assertBadField(api.post("/api/v1/runs", RUN + "\"precision\":[{\"metric\":\"caseload\","
        + "\"halfWidth\":0}]}"), "precision[0].halfWidth", "must be above 0, was 0");
    assertBadField(api.post("/api/v1/runs", RUN + "\"precision\":[{\"metric\":\"caseload\","
        + "\"halfWidth\":-2.5}]}"), "precision[0].halfWidth", "must be above 0, was -2.5");
  }
}
