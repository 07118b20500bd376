package org.caseload.sim.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.caseload.core.metrics.Metric;
import org.caseload.sim.engine.ComparisonResult;
import org.caseload.sim.engine.CostTotals;
import org.caseload.sim.engine.RunResult;
import org.caseload.sim.summary.BandError;
import org.caseload.sim.summary.ClopperPearson;
import org.caseload.sim.summary.HalfWidths95;
import org.caseload.sim.summary.Summary;
import org.caseload.sim.target.TargetResult;

/**
 * A comparison as JSON, tidy CSV (one row per variant x metric x month), wide CSV or a table.
 * Variants are named by their scenarios (made unique with {@code (variant N)} when two share a
 * name).
 *
 * @implNote Stateless and thread-safe.
 */
public final class ComparisonOutput {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT).build();

  /** The CSV header. */
  public static final String CSV_HEADER = "variant,month,date,metric,baselineMean,variantMean,"
      + "difference,ci95Low,ci95High,differenceSd,differenceP5,differenceP50,differenceP95,"
      + "probabilityBetter,probabilitySame,probabilityWorse,baselineMeanHalfWidth95,"
      + "variantMeanHalfWidth95,differenceP5HalfWidth95,differenceP50HalfWidth95,"
      + "differenceP95HalfWidth95,probabilityHalfWidth95,baselineN,variantN,differenceN";

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
    List<String> names = names(result);
    for (int n = 0; n < result.variants().size(); n++) {
      ComparisonResult.Variant variant = result.variants().get(n);
      ObjectNode v = variants.addObject();
      v.put("scenario", variant.result().scenario().name());
      v.put("name", names.get(n));
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
          RunJson.statistics(node, d.summary());
          RunJson.halfWidths(node, HalfWidths95.of(d.summary()), false);
          RunJson.interval(node.putArray("ci95"), d.lower95(), d.upper95());
          RunJson.number(node, "probabilityBetter", d.probabilityBetter());
          RunJson.number(node, "probabilitySame", d.probabilitySame());
          RunJson.number(node, "probabilityWorse", d.probabilityWorse());
          RunJson.number(node, "probabilityHalfWidth95", probabilityHalfWidth(d));
        }
      }
      v.set("extraCost", RunJson.costs(base, variant.extraCost()));
      ArrayNode targets = v.putArray("targetDifferences");
      for (ComparisonResult.TargetDifference d : variant.targets()) {
        ObjectNode node = targets.addObject();
        node.put("target", d.target().text());
        RunJson.number(node, "difference", d.difference());
        RunJson.interval(node.putArray("ci95"), d.lower95(), d.upper95());
      }
    }
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write comparison JSON", e);
    }
  }

  /** The variants' names in order, unique: a repeated name gains {@code (variant N)}. */
  static List<String> names(ComparisonResult result) {
    Map<String, Integer> counts = new HashMap<>();
    result.variants().forEach(v -> counts.merge(v.name(), 1, Integer::sum));
    List<String> names = new ArrayList<>();
    for (int v = 0; v < result.variants().size(); v++) {
      String name = result.variants().get(v).name();
      names.add(counts.get(name) > 1 ? name + " (variant " + (v + 1) + ")" : name);
    }
    return names;
  }

  /** Tidy CSV of every metric. */
  public static String csv(ComparisonResult result) {
    return csv(result, List.of(Metric.values()));
  }

  /**
   * Tidy CSV: one row per variant x metric of {@code metrics} x month, then per variant x
   * target (metric the target as written, at the month it is checked), then its extra cost
   * per plan year and over the horizon.
   */
  public static String csv(ComparisonResult result, List<Metric> metrics) {
    StringBuilder out = new StringBuilder(CSV_HEADER).append('\n');
    RunResult base = result.baseline();
    List<String> names = names(result);
    for (int v = 0; v < result.variants().size(); v++) {
      ComparisonResult.Variant variant = result.variants().get(v);
      for (int t = 1; t <= base.months(); t++) {
        for (Metric m : metrics) {
          out.append(CsvNumbers.text(names.get(v))).append(',').append(t).append(',')
              .append(base.monthly().get(t - 1).date()).append(',').append(m.name());
          for (double x : values(base, variant, t, m)) {
            out.append(',').append(CsvNumbers.format(x));
          }
          out.append('\n');
        }
      }
      for (int i = 0; i < variant.targets().size(); i++) {
        ComparisonResult.TargetDifference d = variant.targets().get(i);
        int month = RunCsv.monthOf(d.target(), base);
        out.append(CsvNumbers.text(names.get(v))).append(',').append(month).append(',')
            .append(base.monthly().get(month - 1).date()).append(',')
            .append(CsvNumbers.text(d.target().text()));
        for (double x : targetValues(base, variant, i)) {
          out.append(',').append(CsvNumbers.format(x));
        }
        out.append('\n');
      }
      extraCostRows(out, names.get(v), base, variant);
    }
    return out.toString();
  }

  /**
   * The extra cost's rows, a comparison's headline (an analyst found it only in the table and
   * the JSON): per plan year (metric {@code cost year Y}) and over the horizon ({@code cost N
   * months}), at the span's last month: both scenarios' mean totals, the paired difference
   * with its interval, spread and percentiles, and their accuracy; no P(better, same, worse).
   */
  private static void extraCostRows(StringBuilder out, String name, RunResult base,
      ComparisonResult.Variant variant) {
    CostTotals baseline = base.costs();
    CostTotals plan = variant.result().costs();
    CostTotals extra = variant.extraCost();
    for (int y = 1; y <= extra.byYear().size(); y++) {
      costRow(out, name, base, 12 * (y - 1) + extra.monthsIn(y), "cost year " + y,
          baseline.byYear().get(y - 1), plan.byYear().get(y - 1), extra.byYear().get(y - 1));
    }
    costRow(out, name, base, extra.months(), "cost " + extra.months() + " months",
        baseline.horizon(), plan.horizon(), extra.horizon());
  }

  private static void costRow(StringBuilder out, String name, RunResult base, int month,
      String metric, Summary baseline, Summary plan, Summary extra) {
    out.append(CsvNumbers.text(name)).append(',').append(month).append(',')
        .append(base.monthly().get(month - 1).date()).append(',').append(metric);
    double[] ci = extra.ci95();
    BandError bands = HalfWidths95.of(extra).bands();
    for (double x : new double[] {baseline.mean(), plan.mean(), extra.mean(), ci[0], ci[1],
        extra.sd(), extra.p5(), extra.p50(), extra.p95(), Double.NaN, Double.NaN, Double.NaN,
        HalfWidths95.ofValues(baseline).mean(), HalfWidths95.ofValues(plan).mean(), bands.p5(),
        bands.p50(), bands.p95(),
        Double.NaN, baseline.n(), plan.n(), extra.n()}) {
      out.append(',').append(CsvNumbers.format(x));
    }
    out.append('\n');
  }

  /**
   * A target's row after its metric, in the order of {@link #CSV_HEADER}: the baseline's and
   * the variant's probability, the paired difference with its interval, no spread of the
   * difference, and P(better), P(same), P(worse): the shares of replications in which only
   * the variant, both or neither, or only the baseline met it; then the reach of the 95%
   * Clopper-Pearson intervals of the two probabilities and (the largest) of the three shares.
   */
  private static double[] targetValues(RunResult base, ComparisonResult.Variant variant,
      int i) {
    ComparisonResult.TargetDifference d = variant.targets().get(i);
    long n = d.replications();
    double[] shares = {(double) d.onlyVariant() / n,
        (double) (n - d.onlyVariant() - d.onlyBaseline()) / n, (double) d.onlyBaseline() / n};
    double baseline = base.targets().get(i).probability();
    double other = variant.result().targets().get(i).probability();
    return new double[] {baseline, other, d.difference(), d.lower95(), d.upper95(), Double.NaN,
        Double.NaN, Double.NaN, Double.NaN, shares[0], shares[1], shares[2],
        HalfWidths95.shareReach(baseline, n), HalfWidths95.shareReach(other, n), Double.NaN,
        Double.NaN, Double.NaN, largestReach(n, shares), base.replications(),
        variant.result().replications(), n};
  }

  /**
   * Wide CSV: one row per variant x month, a column per metric of {@code metrics} and
   * statistic ({@code caseload_baselineMean, caseload_variantMean, caseload_difference...}).
   */
  public static String wideCsv(ComparisonResult result, List<Metric> metrics) {
    String[] fields = CSV_HEADER.split(",");
    StringBuilder out = new StringBuilder("variant,month,date");
    for (Metric m : metrics) {
      for (int f = 4; f < fields.length; f++) {
        out.append(',').append(m.name()).append('_').append(fields[f]);
      }
    }
    out.append('\n');
    RunResult base = result.baseline();
    List<String> names = names(result);
    for (int v = 0; v < result.variants().size(); v++) {
      ComparisonResult.Variant variant = result.variants().get(v);
      for (int t = 1; t <= base.months(); t++) {
        out.append(CsvNumbers.text(names.get(v))).append(',').append(t).append(',')
            .append(base.monthly().get(t - 1).date());
        for (Metric m : metrics) {
          for (double x : values(base, variant, t, m)) {
            out.append(',').append(CsvNumbers.format(x));
          }
        }
        out.append('\n');
      }
    }
    return out.toString();
  }

  /** The values of a CSV row after its metric, in the order of {@link #CSV_HEADER}. */
  private static double[] values(RunResult base, ComparisonResult.Variant variant, int t,
      Metric m) {
    ComparisonResult.Difference d = variant.difference(t, m);
    Summary s = d.summary();
    BandError bands = HalfWidths95.of(s).bands();
    return new double[] {base.summary(t, m).mean(), variant.result().summary(t, m).mean(),
        s.mean(), d.lower95(), d.upper95(), s.sd(), s.p5(), s.p50(), s.p95(),
        d.probabilityBetter(), d.probabilitySame(), d.probabilityWorse(),
        HalfWidths95.ofValues(base.summary(t, m)).mean(),
        HalfWidths95.ofValues(variant.result().summary(t, m)).mean(),
        bands.p5(), bands.p50(), bands.p95(), probabilityHalfWidth(d),
        base.summary(t, m).n(), variant.result().summary(t, m).n(), s.n()};
  }

  /**
   * How far the 95% Clopper-Pearson interval of P(better), P(same) or P(worse) reaches from
   * it, the largest of those defined (a neutral metric has no better or worse); NaN if none.
   */
  private static double probabilityHalfWidth(ComparisonResult.Difference d) {
    return largestReach(d.summary().n(), d.probabilityBetter(), d.probabilitySame(),
        d.probabilityWorse());
  }

  /** The largest {@link HalfWidths95#shareReach} of the defined {@code shares} of n. */
  private static double largestReach(long n, double... shares) {
    return Arrays.stream(shares).filter(x -> !Double.isNaN(x))
        .map(x -> HalfWidths95.shareReach(x, n)).max().orElse(Double.NaN);
  }

  /** The table with the default metrics. */
  public static String table(ComparisonResult result) {
    return table(result, RunTable.COLUMNS);
  }

  /** Each variant against the baseline: {@code metrics} by month, extra cost, targets. */
  public static String table(ComparisonResult result, List<Metric> metrics) {
    RunResult base = result.baseline();
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT,
        "Baseline: %s%n%s, seed %d, common random numbers.%n", base.scenario()
            .name(), Cells.replications(base.replications()), base.seed()));
    out.append(RunTable.nobodyHoldingCases(base, "the baseline's replications", true));
    List<String> names = names(result);
    for (int v = 0; v < result.variants().size(); v++) {
      ComparisonResult.Variant variant = result.variants().get(v);
      out.append(String.format(Locale.ROOT, "%nVariant %d: %s%n", v + 1, names.get(v)));
      out.append(differences(base, variant, metrics));
      out.append(RunTable.nobodyHoldingCases(variant.result(), "the variant's replications",
          true));
      out.append('\n').append(CostTable.extra(base, variant.extraCost()));
      if (!variant.targets().isEmpty()) {
        out.append('\n').append(targets(base, variant));
      }
    }
    out.append("\nDifference = variant - baseline, paired by replication; rates in percentage"
        + " points (pt). P(better), P(same),\nP(worse): shares of replications where the"
        + " variant is strictly better (lower, or higher for staff in\npost and starters), equal"
        + " (such as no unallocated cases in either) or worse; each within ±"
        + String.format(Locale.ROOT, "%.1f", ClopperPearson.reachBound95Points(
            fewestPairs(result, metrics)))
        + " pt\nof what endless replications would give, 19 times in 20 (its 95% Clopper-Pearson"
        + " interval reaches no further;\nof the pairs where both have a value: a caseload"
        + " with nobody holding cases is left out).\nBaseline and variant: means (a run's ± row gives a"
        + " mean's error; pairing usually makes the\ndifference's the smaller, but not where"
        + " one side hardly varies: children waiting where a plan leaves none).\n"
        + Cells.ACCURACY);
    return out.toString();
  }

  /**
   * The fewest pairs any difference of {@code metrics} shown is of (the replications where
   * both scenarios have a value; a difference of none left aside): the footer's bound on
   * P(better, same, worse) is theirs, not the run's (4 pairs of 200 had been said to be within
   * ±7.2 points; a review).
   */
  static long fewestPairs(ComparisonResult result, List<Metric> metrics) {
    long fewest = result.baseline().replications();
    for (ComparisonResult.Variant variant : result.variants()) {
      for (int t = 1; t <= result.baseline().months(); t++) {
        for (Metric m : metrics) {
          long n = variant.difference(t, m).summary().n();
          if (n > 0) {
            fewest = Math.min(fewest, n);
          }
        }
      }
    }
    return fewest;
  }

  private static String differences(RunResult base, ComparisonResult.Variant variant,
      List<Metric> metrics) {
    TextGrid grid = new TextGrid("rl");
    grid.add(List.of("month", "metric", "baseline", "variant", "difference", "95% CI",
        "P(better)", "P(same)", "P(worse)"));
    int step = base.months() > 24 ? 6 : 3;
    for (int t = 1; t <= base.months(); t++) {
      if (t % step != 0 && t != 1 && t != base.months()) {
        continue;
      }
      for (Metric m : metrics) {
        ComparisonResult.Difference d = variant.difference(t, m);
        String[] chances = Cells.shares(d.probabilityBetter(), d.probabilitySame(),
            d.probabilityWorse());
        grid.add(List.of(Integer.toString(t), m.name(),
            Cells.value(m.unit(), base.summary(t, m).mean()),
            Cells.value(m.unit(), variant.result().summary(t, m).mean()),
            Cells.difference(m.unit(), d.summary().mean()),
            Cells.interval(m.unit(), d.lower95(), d.upper95()),
            chances[0], chances[1], chances[2]));
      }
    }
    return grid.render();
  }

  private static String targets(RunResult base, ComparisonResult.Variant variant) {
    TextGrid grid = new TextGrid("l");
    grid.add(List.of("Targets (probability met)", "baseline", "95% CI", "variant", "95% CI",
        "difference", "95% CI"));
    for (int i = 0; i < variant.targets().size(); i++) {
      ComparisonResult.TargetDifference d = variant.targets().get(i);
      TargetResult b = base.targets().get(i);
      TargetResult v = variant.result().targets().get(i);
      // each scenario's probability with its own interval (Clopper-Pearson, as run prints
      // it), the difference with the paired one
      grid.add(List.of("  " + d.target().text(), Cells.tenth(b.probability()), interval(b),
          Cells.tenth(v.probability()), interval(v), points(d.difference()),
          "[" + points(d.lower95()) + ", " + points(d.upper95()) + "]"));
    }
    return grid.render();
  }

  private static String interval(TargetResult t) {
    return "[" + Cells.tenth(t.lower95()) + ", " + Cells.tenth(t.upper95()) + "]";
  }

  private static String points(double difference) {
    return Cells.difference(org.caseload.core.metrics.Unit.RATE, difference);
  }
}
