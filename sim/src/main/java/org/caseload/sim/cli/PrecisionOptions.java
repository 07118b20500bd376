package org.caseload.sim.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.caseload.core.metrics.Metric;
import org.caseload.sim.engine.Precision;
import org.caseload.sim.input.Numbers;
import picocli.CommandLine.Option;

/**
 * {@code --precision METRIC=HALFWIDTH}, repeatable: stop once every such metric's mean is
 * known to within its half-width (95%) in every month; {@code --replications} is then the
 * most to run.
 */
final class PrecisionOptions {

  @Option(names = "--precision", paramLabel = "METRIC=HALFWIDTH",
      description = "stop early, at a multiple of 64 replications (at least 128), once the 95%%"
          + " interval of METRIC's mean is at most +-HALFWIDTH in every month, e.g."
          + " 'caseload=0.1'; --replications is then the most run; repeatable (every one must"
          + " hold); docs/monte-carlo.md")
  List<String> texts = new ArrayList<>();

  /** The parsed requests, or a user error naming the one that does not parse. */
  List<Precision> parse() {
    List<Precision> precisions = new ArrayList<>();
    Set<Metric> seen = new HashSet<>();
    for (String text : texts) {
      Precision precision = parse(text);
      if (!seen.add(precision.metric())) {
        throw new UserError("--precision: " + precision.metric() + " is given twice");
      }
      precisions.add(precision);
    }
    return precisions;
  }

  private static Precision parse(String text) {
    int eq = text.indexOf('=');
    if (eq < 0) {
      throw new UserError("--precision: '" + Numbers.shown(text)
          + "' must be METRIC=HALFWIDTH, e.g. caseload=0.1");
    }
    String name = text.substring(0, eq).strip();
    Metric metric = Metric.byName(name);
    if (metric == null) {
      throw new UserError("--precision: " + Metric.notAMetric(name));
    }
    String number = text.substring(eq + 1);
    double halfWidth;
    try {
      halfWidth = Numbers.decimal(number);
    } catch (Numbers.NotANumberException e) {
      throw new UserError("--precision: the half-width of " + metric + ": " + e.getMessage());
    }
    if (!(halfWidth > 0)) {
      throw new UserError("--precision: the half-width of " + metric + " must be above 0,"
          + " was " + Numbers.shown(number.strip()));
    }
    String share = Precision.shareProblem(metric, halfWidth);
    if (share != null) {
      throw new UserError("--precision: " + share);
    }
    return new Precision(metric, halfWidth);
  }
}
