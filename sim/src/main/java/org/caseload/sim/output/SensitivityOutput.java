package org.caseload.sim.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import org.caseload.core.metrics.Unit;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.Uncertainty;
import org.caseload.core.metrics.SnapshotMetric;
import org.caseload.sim.decide.Sensitivity;
import org.caseload.sim.engine.MetricAt;
import org.caseload.sim.decide.SobolIndices;

/**
 * A sensitivity analysis as a table, JSON ({@code {"scenario", "output", "replications",
 * "seed", "setByLevers": [the uncertain parameters left out, set in every month by the
 * scenario's levers], "tornado": {"central", "centralSe", "bars": [{"input", "lowSetting", "low", "lowSe",
 * "highSetting", "high", "highSe", "difference", "swing", "swingSe"}]}, "sobol": {"n",
 * "evaluations",
 * "mean", "meanCi95", "variance", "varianceCi95", "noise", "noiseShare", "indices":
 * [{"parameter", "first", "firstCi95", "total", "totalCi95"}]}}}) or CSV (a row of the central
 * value, both ends at it, then one row per bar, with its settings, or index). The {@code Se}
 * figures are the Monte Carlo standard errors of the means over the replications (null in JSON, empty in CSV
 * and "-" in the table with one replication); JSON keeps every number's full precision, the
 * table rounds indices to 0.001 and shows one that is not zero but rounds to it as
 * {@code <0.001}.
 *
 * @implNote Stateless and thread-safe.
 */
public final class SensitivityOutput {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT).build();

  private SensitivityOutput() {}

  /** Either part may be null when not asked for. */
  public static String table(Sensitivity.Request request, Sensitivity.Tornado tornado,
      SobolIndices.Result sobol, int n) {
    StringBuilder out = new StringBuilder();
    out.append(request.base().name()).append('\n');
    out.append(String.format(Locale.ROOT, "Output: mean of %s over %s (seed %d,"
        + " common random numbers).%n", output(request.output(), request.base()),
        Cells.replications(request.replications()), request.seed()));
    java.util.Set<org.caseload.core.scenario.Uncertainty.Parameter> set =
        Sensitivity.setByLevers(request.base());
    if (!set.isEmpty()) {
      String names = String.join(", ", set.stream().map(Enum::name).toList());
      out.append(String.format(Locale.ROOT, "Left out: %s, set in every month by the"
          + " scenario's levers (%s), so no draw of %s is used.%n", names, Sensitivity.SET_BY,
          set.size() == 1 ? "it" : "them"));
    }
    MetricAt at = request.output();
    Figures f = Figures.of(at.metric() != null ? at.metric().unit()
        : at.snapshotMetric().unit());
    if (tornado != null) {
      out.append(String.format(Locale.ROOT, "%nTornado: central value %s (se %s); each input"
          + " at its low and high end, the others central; widest first.%n",
          f.value.apply(tornado.central()), f.error.apply(tornado.centralSe())));
      TextGrid grid = new TextGrid("lrrrrrrll");
      grid.add(List.of("input", "low", "se", "high", "se", "swing", "se", "low end",
          "high end"));
      for (Sensitivity.Bar bar : tornado.bars()) {
        grid.add(List.of(bar.input(), f.value.apply(bar.low()), f.error.apply(bar.lowSe()),
            f.value.apply(bar.high()), f.error.apply(bar.highSe()), f.spread.apply(bar.swing()),
            f.error.apply(bar.swingSe()), bar.lowSetting(), bar.highSetting()));
      }
      out.append(grid.render());
      out.append(String.format(Locale.ROOT, "se: Monte Carlo standard error of the mean over"
          + " the %,d replications (sd / sqrt(%d)); the swing is the mean of the paired"
          + " differences high - low and its se theirs.%n",
          request.replications(), request.replications()));
      // a caseload or rate: those with nothing to divide by are left out (MetricAt.value)
      boolean mayHaveNone = at.metric() != null ? at.metric().whyNoValue() != null
          : !at.snapshotMetric().definedIn(new double[SnapshotMetric.COUNT]);
      if (mayHaveNone) {
        out.append("A replication where the output has nothing to divide by (nobody holding"
            + " cases, nobody in post) is left out of\nits means: such a mean is of fewer, and"
            + " \"-\" where none had a value.\n");
      }
    }
    if (sobol != null) {
      boolean intervals = !Double.isNaN(sobol.meanCi95()[0]);
      // the standard deviation, in the output's unit, rather than the variance in its square
      // (pounds squared); its interval is the variance's, square-rooted
      double[] varianceCi = sobol.varianceCi95();
      out.append(String.format(Locale.ROOT, "%nSobol indices from %,d base points (%,d"
          + " scenarios); %s. Output mean %s, standard deviation %s (the indices share out its"
          + " square, the variance).%n", n, sobol.evaluations(),
          intervals ? "95% bootstrap intervals (nearest rank) over the base points"
              : "no intervals (no bootstrap resamples)",
          f.value.apply(sobol.mean())
              + (intervals ? " " + f.interval(f.value, sobol.meanCi95()) : ""),
          f.spread.apply(Math.sqrt(sobol.variance())) + (intervals ? " " + f.interval(f.spread,
              new double[] {Math.sqrt(varianceCi[0]), Math.sqrt(varianceCi[1])}) : "")));
      TextGrid grid = new TextGrid("lrlrl");
      grid.add(List.of("parameter", "first", "95%", "total", "95%"));
      for (int i = 0; i < sobol.indices().size(); i++) {
        SobolIndices.Index index = sobol.indices().get(i);
        grid.add(List.of(request.parameters().get(i).name(), fixed(index.first()),
            interval(index.firstCi95()), fixed(index.total()), interval(index.totalCi95())));
      }
      out.append(grid.render());
      boolean constant = !sobol.indices().isEmpty() && sobol.indices().stream()
          .allMatch(index -> Double.isNaN(index.first()) && Double.isNaN(index.total()));
      if (constant) {
        out.append("The output does not vary over the base points: it has no variance to share"
            + " out, so its indices are undefined (-).\n");
      }
      if (Double.isFinite(sobol.noise()) && !constant) {
        out.append(String.format(Locale.ROOT, "Replication noise: the scenarios' means have a"
            + " standard error of %s (root mean square over the %,d), its square %s of the"
            + " output's%nvariance: at most about how far the noise of %,d replications can move"
            + " an index (less, as every scenario shares its random numbers), which the"
            + " intervals leave out.%n", f.error.apply(sobol.noise()),
            sobol.evaluations(), fixed(sobol.noiseShare()), request.replications()));
      }
    }
    return out.toString();
  }

  /**
   * The output as the other tables name its month: {@code caseload at month 24 (2021-09)},
   * with the run table's date of the month, or {@code vacancyRate at snapshot 2020-09-30}, as
   * its snapshot table and a target name a 30 September.
   */
  static String output(MetricAt at, Scenario base) {
    return at.name(base, true);
  }

  /**
   * How the output's figures are printed, by its unit: a rate's values as the run table's
   * percentages ({@code 19.3%}), its swings and spreads in percentage points ({@code 17.2 pt})
   * and its standard errors as the run table's Monte Carlo errors ({@code 0.42 pt}); money in
   * whole pounds ({@code £1,256,911}, so that ends a few hundred pounds apart read apart);
   * anything else to three significant digits.
   *
   * @param value a mean
   * @param spread a difference of means (a swing) or a standard deviation
   * @param error a Monte Carlo standard error
   */
  private record Figures(DoubleFunction<String> value, DoubleFunction<String> spread,
      DoubleFunction<String> error) {

    static Figures of(Unit unit) {
      return switch (unit) {
        case RATE -> new Figures(v -> Cells.value(Unit.RATE, v), Cells::points,
            Cells::errorPoints);
        case MONEY -> new Figures(SensitivityOutput::pounds, SensitivityOutput::pounds,
            SensitivityOutput::pounds);
        default -> new Figures(SensitivityOutput::number, SensitivityOutput::number,
            SensitivityOutput::number);
      };
    }

    /** An interval of figures: {@code [£1,249,001; £1,262,530]}, {@code [18.2, 18.6]}. */
    String interval(DoubleFunction<String> figure, double[] ci) {
      return Cells.interval(figure.apply(ci[0]), figure.apply(ci[1]));
    }
  }

  public static String json(Sensitivity.Request request, Sensitivity.Tornado tornado,
      SobolIndices.Result sobol, int n) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("scenario", request.base().name());
    root.put("output", request.output().describe(request.base()));
    root.put("replications", request.replications());
    root.put("seed", request.seed());
    ArrayNode set = root.putArray("setByLevers");
    Sensitivity.setByLevers(request.base()).forEach(p -> set.add(p.name()));
    if (tornado != null) {
      ObjectNode t = root.putObject("tornado");
      // null where no replication had a value (a caseload with nobody holding cases): JSON
      // has no NaN, and Jackson had written the string "NaN"
      RunJson.number(t, "central", tornado.central());
      RunJson.number(t, "centralSe", tornado.centralSe());
      ArrayNode bars = t.putArray("bars");
      for (Sensitivity.Bar bar : tornado.bars()) {
        ObjectNode node = bars.addObject().put("input", bar.input())
            .put("lowSetting", bar.lowSetting());
        RunJson.number(node, "low", bar.low());
        RunJson.number(node, "lowSe", bar.lowSe());
        node.put("highSetting", bar.highSetting());
        RunJson.number(node, "high", bar.high());
        RunJson.number(node, "highSe", bar.highSe());
        RunJson.number(node, "difference", bar.difference());
        RunJson.number(node, "swing", bar.swing());
        RunJson.number(node, "swingSe", bar.swingSe());
      }
    }
    if (sobol != null) {
      ObjectNode s = root.putObject("sobol");
      s.put("n", n);
      s.put("evaluations", sobol.evaluations());
      RunJson.number(s, "mean", sobol.mean());
      RunJson.interval(s.putArray("meanCi95"), sobol.meanCi95()[0], sobol.meanCi95()[1]);
      RunJson.number(s, "variance", sobol.variance());
      RunJson.interval(s.putArray("varianceCi95"), sobol.varianceCi95()[0],
          sobol.varianceCi95()[1]);
      RunJson.number(s, "noise", sobol.noise());
      RunJson.number(s, "noiseShare", sobol.noiseShare());
      ArrayNode indices = s.putArray("indices");
      for (int i = 0; i < sobol.indices().size(); i++) {
        SobolIndices.Index index = sobol.indices().get(i);
        ObjectNode node = indices.addObject();
        node.put("parameter", request.parameters().get(i).name());
        RunJson.number(node, "first", index.first()); // null where the output is constant
        RunJson.interval(node.putArray("firstCi95"), index.firstCi95()[0],
            index.firstCi95()[1]);
        RunJson.number(node, "total", index.total());
        RunJson.interval(node.putArray("totalCi95"), index.totalCi95()[0],
            index.totalCi95()[1]);
      }
    }
    RunJson.provenance(root, "baseScenario", request.base());
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write sensitivity JSON", e);
    }
  }

  /**
   * {@code kind,input,low,high,swing,first,firstLow,firstHigh,total,totalLow,totalHigh,lowSe,
   * highSe,swingSe,lowSetting,highSetting,mean,meanLow,meanHigh,variance,varianceLow,
   * varianceHigh,noise,noiseShare,difference}: columns added after those of earlier versions;
   * {@code mean} to {@code noiseShare} are the Sobol output's (row {@code sobolOutput}: its mean
   * and variance over the base scenarios with their 95% intervals, and the replication noise),
   * which the indices are shares of; {@code difference}, a tornado bar's signed swing, the
   * mean of its paired differences high - low ({@link Sensitivity.Bar#difference}).
   */
  public static String csv(Sensitivity.Request request, Sensitivity.Tornado tornado,
      SobolIndices.Result sobol) {
    StringBuilder out = new StringBuilder("kind,input,low,high,swing,first,firstLow,firstHigh,"
        + "total,totalLow,totalHigh,lowSe,highSe,swingSe,lowSetting,highSetting,mean,meanLow,"
        + "meanHigh,variance,varianceLow,varianceHigh,noise,noiseShare,difference\n");
    String noSobolOutput = ",,,,,,,,";
    if (tornado != null) {
      // every input central: both ends the central value, no swing
      out.append("central,,").append(CsvNumbers.format(tornado.central())).append(',')
          .append(CsvNumbers.format(tornado.central())).append(",0,,,,,,,")
          .append(CsvNumbers.format(tornado.centralSe())).append(',')
          .append(CsvNumbers.format(tornado.centralSe())).append(",,,").append(noSobolOutput)
          .append(",0\n");
      for (Sensitivity.Bar bar : tornado.bars()) {
        out.append("tornado,").append(CsvNumbers.text(bar.input()));
        for (double v : new double[] {bar.low(), bar.high(), bar.swing()}) {
          out.append(',').append(CsvNumbers.format(v));
        }
        out.append(",,,,,,");
        for (double v : new double[] {bar.lowSe(), bar.highSe(), bar.swingSe()}) {
          out.append(',').append(CsvNumbers.format(v));
        }
        out.append(',').append(CsvNumbers.text(bar.lowSetting())).append(',')
            .append(CsvNumbers.text(bar.highSetting())).append(noSobolOutput).append(',')
            .append(CsvNumbers.format(bar.difference())).append('\n');
      }
    }
    if (sobol != null) {
      for (int i = 0; i < sobol.indices().size(); i++) {
        SobolIndices.Index x = sobol.indices().get(i);
        Uncertainty.Parameter p = request.parameters().get(i);
        out.append("sobol,").append(p.name()).append(",,,,")
            .append(CsvNumbers.format(x.first())).append(',')
            .append(CsvNumbers.format(x.firstCi95()[0])).append(',')
            .append(CsvNumbers.format(x.firstCi95()[1])).append(',')
            .append(CsvNumbers.format(x.total())).append(',')
            .append(CsvNumbers.format(x.totalCi95()[0])).append(',')
            .append(CsvNumbers.format(x.totalCi95()[1])).append(",,,,,").append(noSobolOutput)
            .append(",\n");
      }
      out.append("sobolOutput,").append(CsvNumbers.text(request.output().describe(request.base())))
          .append(",,,,,,,,,,,,,,");
      for (double v : new double[] {sobol.mean(), sobol.meanCi95()[0], sobol.meanCi95()[1],
          sobol.variance(), sobol.varianceCi95()[0], sobol.varianceCi95()[1], sobol.noise(),
          sobol.noiseShare()}) {
        out.append(',').append(CsvNumbers.format(v));
      }
      out.append(",\n");
    }
    return out.toString();
  }

  /** Pounds to the pound ({@code £1,256,911}, {@code -£24,312}): a cost's tornado ends. */
  static String pounds(double v) {
    return Double.isNaN(v) ? "-"
        : (v < 0 ? "-" : "") + String.format(Locale.ROOT, "£%,.0f", Math.abs(v));
  }

  private static String number(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    return String.format(Locale.ROOT, Math.abs(v) >= 1000 ? "%,.0f" : "%.3g", v);
  }

  /**
   * An index to 0.001; one that is not zero but rounds to zero as {@code <0.001} (or
   * {@code >-0.001}), so that it is not mistaken for an exact zero.
   */
  static String fixed(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    if (v == 0) {
      return "0.000";
    }
    String text = String.format(Locale.ROOT, "%.3f", v);
    if (text.matches("-?0\\.000")) {
      return v > 0 ? "<0.001" : ">-0.001";
    }
    return text;
  }

  private static String interval(double[] ci) {
    return "[" + fixed(ci[0]) + ", " + fixed(ci[1]) + "]";
  }
}
