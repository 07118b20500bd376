package org.caseload.sim.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.caseload.core.metrics.Metric;
import org.caseload.core.scenario.ScenarioJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one reader of a sweep grid's axes and metrics (command line, cluster command and API):
 * each rule's field and reason, and what a good grid reads as.
 */
class SweepGridTest {

  private static JsonNode json(String text) throws Exception {
    return ScenarioJson.readTree(text);
  }

  @Test
  void axes_inOrder_withTheirValues() throws Exception {
    List<AllCouncils.Axis> axes = SweepGrid.axes(json("{\"b\": [1, 2], \"a\": [\"x\"]}"),
        SweepGrid.COMMAND, false);
    assertThat(axes).extracting(AllCouncils.Axis::path).containsExactly("b", "a");
    assertThat(axes.get(0).values()).extracting(JsonNode::asInt).containsExactly(1, 2);
    assertThat(SweepGrid.axes(null, SweepGrid.API, true)).isEmpty();
    assertThat(SweepGrid.axes(json("null"), SweepGrid.API, true)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "[1]|false|axes|must be an object of scenario field path: [values]",
      "{\"a\": []}|false|axes.a|must be a non-empty array of values",
      "{\"a\": 3}|false|axes.a|must be a non-empty array of values",
      "{\"horizonMonths\": [6]}|true|axes.horizonMonths|cannot be an axis of an all-England sweep",
      "{\"parameters.demand.baseMonthly\": [5], \"parameters.demand\": [{\"baseMonthly\": 500}]}"
          + "|false|axes.parameters.demand|sets the same field as the axis"
          + " 'parameters.demand.baseMonthly'",
      "{\"teams[1]\": [{}], \"teams[1].establishment\": [5]}|false|axes.teams[1].establishment"
          + "|sets the same field as the axis 'teams[1]'",
      "{\"teams[1].establishment\": [5], \"teams[01].establishment\": [6]}|false"
          + "|axes.teams[01].establishment|sets the same field as the axis"
          + " 'teams[1].establishment'",
      "{\"a\": [1,2,3,4,5,6,7,8,9,10], \"b\": [1,2,3,4,5,6,7,8,9,10], \"c\": [1,2]}|true|axes|"
          + "more than 100 combinations"})
  void axes_brokenRule_namesTheField(String axes, boolean allCouncils, String field,
      String reason) throws Exception {
    SweepGrid.Bounds bounds = allCouncils ? SweepGrid.API : SweepGrid.COMMAND;
    assertThatThrownBy(() -> SweepGrid.axes(json(axes), bounds, allCouncils))
        .isInstanceOfSatisfying(SweepGrid.GridException.class, e -> {
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.reason()).startsWith(reason);
        });
  }

  @Test
  void axes_thatDoNotOverlap_areKept() throws Exception {
    // siblings, a prefix of a name that is not a field above it, other elements of a list
    assertThat(SweepGrid.axes(json("{\"parameters.demand.baseMonthly\": [5],"
        + " \"parameters.demand.annualGrowth\": [0], \"teams[1].establishment\": [5],"
        + " \"teams[10].establishment\": [5], \"teams[0].caseloadCap\": [20],"
        + " \"teams[0].caseloadCapX\": [1]}"), SweepGrid.COMMAND, false)).hasSize(6);
  }

  @Test
  void axes_boundsOfTheCommandLine_andTheApi() throws Exception {
    // horizonMonths is an axis of a plain sweep
    assertThat(SweepGrid.axes(json("{\"horizonMonths\": [6]}"), SweepGrid.COMMAND, false))
        .hasSize(1);
    String hundred = "[" + "1,".repeat(99) + "1]";
    assertThat(SweepGrid.axes(json("{\"a\": " + hundred + ", \"b\": " + hundred + "}"),
        SweepGrid.COMMAND, false)).hasSize(2);
    assertThatThrownBy(() -> SweepGrid.axes(json("{\"a\": " + hundred + ", \"b\": " + hundred
        + ", \"c\": [1, 2]}"), SweepGrid.COMMAND, false))
        .hasMessage("axes: more than 10,000 combinations");
    StringBuilder eleven = new StringBuilder("{");
    for (int i = 0; i < 11; i++) {
      eleven.append(i == 0 ? "" : ", ").append("\"a").append(i).append("\": [1]");
    }
    assertThatThrownBy(() -> SweepGrid.axes(json(eleven + "}"), SweepGrid.API, true))
        .hasMessage("axes: at most 10 axes, had 11");
    String longPath = "p".repeat(300);
    assertThatThrownBy(() -> SweepGrid.axes(json("{\"" + longPath + "\": []}"),
        SweepGrid.API, true)).isInstanceOfSatisfying(SweepGrid.GridException.class,
            e -> assertThat(e.field()).isEqualTo("axes." + "p".repeat(100) + "..."));
  }

  @Test
  void metrics_everyOneByDefault_elseAsNamed() throws Exception {
    assertThat(SweepGrid.metrics(null)).containsExactly(Metric.values());
    assertThat(SweepGrid.metrics(json("[\"cost\", \"caseload\"]")))
        .containsExactly(Metric.cost, Metric.caseload);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "\"cost\"|metrics|must be an array of metric names",
      "[]|metrics|must name at least one metric (leave it out for every metric)",
      "[\"cost\", 7]|metrics[1]|must be a metric's name, was 7",
      "[{}]|metrics[0]|must be a metric's name, was an object",
      "[\"caseloda\"]|metrics[0]|'caseloda' is not a metric; did you mean 'caseload'?"
          + " (every metric: docs/model.md, or caseload metrics)",
      "[\"cost\", \"caseload\", \"cost\"]|metrics[2]|'cost' is given twice"})
  void metrics_brokenRule_namesTheField(String metrics, String field, String reason) {
    assertThatThrownBy(() -> SweepGrid.metrics(json(metrics)))
        .isInstanceOfSatisfying(SweepGrid.GridException.class, e -> {
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.reason()).isEqualTo(reason);
        });
  }
}
