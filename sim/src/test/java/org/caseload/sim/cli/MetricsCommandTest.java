package org.caseload.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseload.sim.cli.CliRunner.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.SnapshotMetric;
import org.junit.jupiter.api.Test;

/**
 * {@code caseload metrics} for scripts: every metric and snapshot indicator with its unit as a
 * code and in words and its meaning, as CSV or JSON (an analyst's trial could only parse the
 * table, whose unit column holds spaces).
 */
class MetricsCommandTest {

  @Test
  void csv_listsEveryMetricWithItsUnitCode() {
    CliRunner.Result r = run("metrics", "--format", "csv");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("kind,metric,unit,unitInWords,description");
    assertThat(lines).hasSize(1 + Metric.COUNT + SnapshotMetric.values().length);
    assertThat(lines.get(1)).isEqualTo("monthly,referrals,count,children or events,"
        + "\"referrals in the month, re-referrals included\"");
    assertThat(lines).contains("snapshot,vacancyRate,rate,fraction,\""
        + SnapshotMetric.vacancyRate.description() + "\"");
  }

  @Test
  void json_listsEveryMetricAsTheCsvDoes() throws Exception {
    CliRunner.Result r = run("metrics", "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("monthly")).hasSize(Metric.COUNT);
    assertThat(json.get("snapshot")).hasSize(SnapshotMetric.values().length);
    for (Metric m : Metric.values()) {
      JsonNode entry = json.get("monthly").get(m.ordinal());
      assertThat(entry.get("metric").asText()).isEqualTo(m.name());
      assertThat(entry.get("unit").asText()).isEqualTo(m.unit().name().toLowerCase(Locale.ROOT));
      assertThat(entry.get("description").asText()).isEqualTo(m.description());
    }
  }

  @Test
  void anUnknownFormat_exits2NamingTheFlag() {
    CliRunner.Result r = run("metrics", "--format", "xml");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("metrics: Invalid value for option '--format'");
    assertThat(r.out()).isEmpty();
  }
}
