package org.caseload.sim.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.caseload.core.metrics.Metric;
import org.caseload.sim.engine.ComparisonResult;
import org.caseload.sim.engine.RunResult;
import org.caseload.sim.summary.Summary;

/**
 * A comparison as JSON, tidy CSV (one row per variant x metric x month) or a table.
 *
 * @implNote Stateless and thread-safe.
 */
public final class ComparisonOutput {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT).build();

  /** The CSV header. */
  public static final String CSV_HEADER = "variant,month,date,metric,baselineMean,variantMean,"
      + "difference,ci95Low,ci95High,differenceSd,differenceP5,differenceP50,differenceP95,"
      + "probabilityBetter";

  private ComparisonOutput() {}

  public static String json(ComparisonResult result) {
    RunResult base = result.baseline();
    ObjectNode root = MAPPER.createObjectNode();
    root.put("seed", base.seed());
    root.put("rng", base.rng());
    root.put("replications", base.replications());
    root.put("months", base.months());
    root.put("baseDate", base.baseDate().toString());
    root.put("commonRandomNumbers", result.commonRandomNumbers());
    root.set("baseline", RunJson.tree(base));
    ArrayNode variants = root.putArray("variants");
    for (ComparisonResult.Variant variant : result.variants()) {
      ObjectNode v = variants.addObject();
      v.put("scenario", variant.result().scenario().name());
      v.set("result", RunJson.tree(variant.result()));
      ArrayNode months = v.putArray("differences");
      for (int t = 1; t <= base.months(); t++) {
        ObjectNode month = months.addObject();
        month.put("month", t);
        month.put("date", base.monthly().get(t - 1).date().toString());
        ObjectNode metrics = month.putObject("metrics");
        for (Metric m : Metric.values()) {
          ComparisonResult.Difference d = variant.difference(t, m);
          ObjectNode node = metrics.putObject(m.name());
          RunJson.summary(node, d.summary());
          ArrayNode ci = node.putArray("ci95");
          ci.add(d.lower95());
          ci.add(d.upper95());
          RunJson.number(node, "probabilityBetter", d.probabilityBetter());
        }
      }
    }
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write comparison JSON", e);
    }
  }

  public static String csv(ComparisonResult result) {
    StringBuilder out = new StringBuilder(CSV_HEADER).append('\n');
    RunResult base = result.baseline();
    for (int v = 0; v < result.variants().size(); v++) {
      ComparisonResult.Variant variant = result.variants().get(v);
      for (int t = 1; t <= base.months(); t++) {
        for (Metric m : Metric.values()) {
          ComparisonResult.Difference d = variant.difference(t, m);
          Summary s = d.summary();
          out.append(v + 1).append(',').append(t).append(',')
              .append(base.monthly().get(t - 1).date()).append(',').append(m.name());
          for (double x : new double[] {base.summary(t, m).mean(),
              variant.result().summary(t, m).mean(), s.mean(), d.lower95(), d.upper95(), s.sd(),
              s.p5(), s.p50(), s.p95(), d.probabilityBetter()}) {
            out.append(',').append(Double.isFinite(x) ? Double.toString(x) : "");
          }
          out.append('\n');
        }
      }
    }
    return out.toString();
  }

  public static String table(ComparisonResult result) {
    RunResult base = result.baseline();
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT,
        "Baseline: %s; %,d replications, seed %d, common random numbers%n", base.scenario()
            .name(), base.replications(), base.seed()));
    for (int v = 0; v < result.variants().size(); v++) {
      ComparisonResult.Variant variant = result.variants().get(v);
      out.append(String.format(Locale.ROOT, "%nVariant %d: %s%n", v + 1,
          variant.result().scenario().name()));
      out.append(String.format(Locale.ROOT, "%5s  %-18s %14s %14s %30s %9s%n", "month",
          "metric", "baseline", "variant", "difference [95% CI]", "P(better)"));
      int step = base.months() > 24 ? 6 : 3;
      for (int t = 1; t <= base.months(); t++) {
        if (t % step != 0 && t != 1 && t != base.months()) {
          continue;
        }
        for (Metric m : RunTable.COLUMNS) {
          ComparisonResult.Difference d = variant.difference(t, m);
          String difference = RunTable.format(m.unit(), d.summary().mean()) + " ["
              + RunTable.format(m.unit(), d.lower95()) + ", "
              + RunTable.format(m.unit(), d.upper95()) + "]";
          out.append(String.format(Locale.ROOT, "%5d  %-18s %14s %14s %30s %9s%n", t, m.name(),
              RunTable.format(m.unit(), base.summary(t, m).mean()),
              RunTable.format(m.unit(), variant.result().summary(t, m).mean()), difference,
              Double.isNaN(d.probabilityBetter()) ? "-"
                  : String.format(Locale.ROOT, "%.1f%%", 100 * d.probabilityBetter())));
        }
      }
    }
    out.append("\nDifference = variant - baseline, paired by replication. P(better): share of"
        + " replications where the variant is strictly better (lower, or higher for staff in"
        + " post); ties, such as no unallocated cases in either, count as not better.\n");
    return out.toString();
  }
}
