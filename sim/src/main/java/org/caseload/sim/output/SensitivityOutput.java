package org.caseload.sim.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.caseload.core.scenario.Uncertainty;
import org.caseload.sim.decide.Sensitivity;
import org.caseload.sim.decide.SobolIndices;

/**
 * A sensitivity analysis as a table, JSON ({@code {"scenario", "output", "replications",
 * "seed", "tornado": {"central", "bars": [{"input", "lowSetting", "low", "highSetting",
 * "high", "swing"}]}, "sobol": {"n", "evaluations", "mean", "variance", "indices":
 * [{"parameter", "first", "firstCi95", "total", "totalCi95"}]}}}) or CSV (one row per bar or
 * index).
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
    out.append(String.format(Locale.ROOT, "Output: mean of %s over %,d replications (seed %d,"
        + " common random numbers).%n", request.output(), request.replications(),
        request.seed()));
    if (tornado != null) {
      out.append(String.format(Locale.ROOT, "%nTornado: central value %s; each input at"
          + " its low and high end, the others central; widest first.%n",
          number(tornado.central())));
      TextGrid grid = new TextGrid("lrrrll");
      grid.add(List.of("input", "low", "high", "swing", "low end", "high end"));
      for (Sensitivity.Bar bar : tornado.bars()) {
        grid.add(List.of(bar.input(), number(bar.low()), number(bar.high()),
            number(bar.swing()), bar.lowSetting(), bar.highSetting()));
      }
      out.append(grid.render());
    }
    if (sobol != null) {
      out.append(String.format(Locale.ROOT, "%nSobol indices from %,d base points (%,d"
          + " scenarios); 95%% bootstrap intervals. Output mean %s, variance %s.%n", n,
          sobol.evaluations(), number(sobol.mean()), number(sobol.variance())));
      TextGrid grid = new TextGrid("lrlrl");
      grid.add(List.of("parameter", "first", "95%", "total", "95%"));
      for (int i = 0; i < sobol.indices().size(); i++) {
        SobolIndices.Index index = sobol.indices().get(i);
        grid.add(List.of(request.parameters().get(i).name(), fixed(index.first()),
            interval(index.firstCi95()), fixed(index.total()), interval(index.totalCi95())));
      }
      out.append(grid.render());
    }
    return out.toString();
  }

  public static String json(Sensitivity.Request request, Sensitivity.Tornado tornado,
      SobolIndices.Result sobol, int n) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("scenario", request.base().name());
    root.put("output", request.output().toString());
    root.put("replications", request.replications());
    root.put("seed", request.seed());
    if (tornado != null) {
      ObjectNode t = root.putObject("tornado");
      t.put("central", tornado.central());
      ArrayNode bars = t.putArray("bars");
      for (Sensitivity.Bar bar : tornado.bars()) {
        bars.addObject().put("input", bar.input()).put("lowSetting", bar.lowSetting())
            .put("low", bar.low()).put("highSetting", bar.highSetting())
            .put("high", bar.high()).put("swing", bar.swing());
      }
    }
    if (sobol != null) {
      ObjectNode s = root.putObject("sobol");
      s.put("n", n);
      s.put("evaluations", sobol.evaluations());
      s.put("mean", sobol.mean());
      s.put("variance", sobol.variance());
      ArrayNode indices = s.putArray("indices");
      for (int i = 0; i < sobol.indices().size(); i++) {
        SobolIndices.Index index = sobol.indices().get(i);
        ObjectNode node = indices.addObject();
        node.put("parameter", request.parameters().get(i).name());
        node.put("first", index.first());
        node.putArray("firstCi95").add(index.firstCi95()[0]).add(index.firstCi95()[1]);
        node.put("total", index.total());
        node.putArray("totalCi95").add(index.totalCi95()[0]).add(index.totalCi95()[1]);
      }
    }
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write sensitivity JSON", e);
    }
  }

  /** {@code kind,input,low,high,swing,first,firstLow,firstHigh,total,totalLow,totalHigh}. */
  public static String csv(Sensitivity.Request request, Sensitivity.Tornado tornado,
      SobolIndices.Result sobol) {
    StringBuilder out = new StringBuilder(
        "kind,input,low,high,swing,first,firstLow,firstHigh,total,totalLow,totalHigh\n");
    if (tornado != null) {
      for (Sensitivity.Bar bar : tornado.bars()) {
        out.append("tornado,").append(CsvNumbers.text(bar.input())).append(',')
            .append(CsvNumbers.format(bar.low())).append(',')
            .append(CsvNumbers.format(bar.high())).append(',')
            .append(CsvNumbers.format(bar.swing())).append(",,,,,,\n");
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
            .append(CsvNumbers.format(x.totalCi95()[1])).append('\n');
      }
    }
    return out.toString();
  }

  private static String number(double v) {
    return String.format(Locale.ROOT, Math.abs(v) >= 1000 ? "%,.0f" : "%.3g", v);
  }

  private static String fixed(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }

  private static String interval(double[] ci) {
    return "[" + fixed(ci[0]) + ", " + fixed(ci[1]) + "]";
  }
}
