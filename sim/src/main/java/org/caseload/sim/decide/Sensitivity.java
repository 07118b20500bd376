package org.caseload.sim.decide;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.Uncertainty;
import org.caseload.sim.engine.ChunkExecutor;
import org.caseload.sim.engine.MetricAt;
import org.caseload.sim.engine.Progress;
import org.caseload.sim.engine.Readings;
import org.caseload.sim.engine.ReplicationBatch;
import org.caseload.sim.engine.ReplicationValues;

/**
 * What drives the spread of one output (docs/decide.md): one-way swings of each uncertain
 * parameter between its 5th and 95th percentiles and of each lever between the ends of its
 * range (a tornado), and Sobol indices with respect to the uncertain parameters. Every
 * scenario is run with the uncertain parameters fixed (the studied ones at the values asked,
 * the others at their central values) on replications 0..k-1 of one seed, common random
 * numbers, and the output is the mean over them: a deterministic function of the
 * parameters, whose variance the Sobol indices apportion.
 *
 * @implNote Stateless and thread-safe.
 */
public final class Sensitivity {

  /** The standard normal 95th percentile. */
  static final double Z95 = 1.6448536269514722;

  private Sensitivity() {}

  /**
   * What to study.
   *
   * @param base the scenario, with its uncertain parameters
   * @param output the metric studied
   * @param parameters the uncertain parameters studied (a subset of the base's)
   * @param levers levers swung between the ends of their ranges (tornado only)
   * @param replications k: replications behind each scenario's mean
   * @param seed master seed
   * @param threads worker threads; results do not depend on them
   * @param cancelled polled between replications
   */
  public record Request(Scenario base, MetricAt output, List<Uncertainty.Parameter> parameters,
      List<Lever> levers, int replications, long seed, int threads, BooleanSupplier cancelled) {
    public Request {
      Objects.requireNonNull(base, "base");
      Objects.requireNonNull(output, "output");
      parameters = List.copyOf(parameters);
      levers = List.copyOf(levers);
      output.within(base);
      for (Uncertainty.Parameter p : parameters) {
        if (base.uncertainty().stream().noneMatch(u -> u.parameter() == p)) {
          throw new IllegalArgumentException("parameter " + p + " is not uncertain in this"
              + " scenario; its uncertain parameters: " + base.uncertainty().stream()
              .map(u -> u.parameter().name()).toList());
        }
      }
      if (replications < 1 || threads < 1) {
        throw new IllegalArgumentException("replications and threads must be at least 1");
      }
    }
  }

  /**
   * One bar of the tornado: the output's mean at the low and high end of one input.
   *
   * @param input the parameter or lever
   * @param lowSetting the low end, e.g. {@code annualTurnover 0.139}
   * @param low the output there
   * @param highSetting the high end
   * @param high the output there
   */
  public record Bar(String input, String lowSetting, double low, String highSetting,
      double high) {
    /** The size of the swing. */
    public double swing() {
      return Math.abs(high - low);
    }
  }

  /**
   * A tornado: the output at the central values and one bar per input, widest first.
   *
   * @param central the output with every parameter at its central value and no lever
   * @param bars widest swing first
   */
  public record Tornado(double central, List<Bar> bars) {
    public Tornado {
      bars = List.copyOf(bars);
    }
  }

  /** One-way swings of every parameter (5th to 95th percentile) and lever (range ends). */
  public static Tornado tornado(Request request) {
    return tornado(request, null, Progress.NONE);
  }

  /**
   * The tornado, its replications' chunks computed by {@code chunks} (the cluster; null: the
   * request's threads), with the same result to the bit; {@code progress} is told the
   * replications run so far.
   */
  public static Tornado tornado(Request request, ChunkExecutor chunks, Progress progress) {
    List<Uncertainty> all = request.base().uncertainty();
    Scenario centralScenario = fixed(request.base(), new double[all.size()]);
    List<Scenario> scenarios = new ArrayList<>();
    List<String> settings = new ArrayList<>();
    scenarios.add(centralScenario);
    for (Uncertainty.Parameter p : request.parameters()) {
      int i = indexOf(all, p);
      double[] z = new double[all.size()];
      z[i] = -Z95;
      Scenario low = fixed(request.base(), z);
      z[i] = Z95;
      Scenario high = fixed(request.base(), z);
      scenarios.add(low);
      scenarios.add(high);
      settings.add(p.name() + " p5 " + value(low, p));
      settings.add(p.name() + " p95 " + value(high, p));
    }
    for (Lever lever : request.levers()) {
      double from = lever.grid().value(0);
      double to = lever.grid().value(lever.grid().size() - 1);
      scenarios.add(withLever(centralScenario, lever, from));
      scenarios.add(withLever(centralScenario, lever, to));
      settings.add(lever.describe(from));
      settings.add(lever.describe(to));
    }
    double[] means = means(request, scenarios, chunks, progress);
    List<String> inputs = new ArrayList<>();
    request.parameters().forEach(p -> inputs.add(p.name()));
    request.levers().forEach(l -> inputs.add(l.name()));
    List<Bar> bars = new ArrayList<>();
    for (int b = 0; b < inputs.size(); b++) {
      bars.add(new Bar(inputs.get(b), settings.get(2 * b), means[1 + 2 * b],
          settings.get(2 * b + 1), means[2 + 2 * b]));
    }
    bars.sort(Comparator.comparingDouble(Bar::swing).reversed().thenComparing(Bar::input));
    return new Tornado(means[0], bars);
  }

  /**
   * Sobol indices of the output with respect to the studied parameters, each drawn as in a
   * run (normal in z, so {@code value + sd * z}), from {@code n} base points.
   */
  public static SobolIndices.Result sobol(Request request, int n, int bootstrap) {
    return sobol(request, n, bootstrap, null, Progress.NONE);
  }

  /**
   * The Sobol indices, their replications' chunks computed by {@code chunks} (the cluster;
   * null: the request's threads), with the same result to the bit; {@code progress} is told
   * the replications run so far.
   */
  public static SobolIndices.Result sobol(Request request, int n, int bootstrap,
      ChunkExecutor chunks, Progress progress) {
    List<Uncertainty> all = request.base().uncertainty();
    int[] columns = request.parameters().stream().mapToInt(p -> indexOf(all, p)).toArray();
    NormalDistribution normal = new NormalDistribution(null, 0, 1);
    return SobolIndices.estimate(columns.length, n, points -> {
      List<Scenario> scenarios = new ArrayList<>();
      for (double[] u : points) {
        double[] z = new double[all.size()];
        for (int c = 0; c < columns.length; c++) {
          z[columns[c]] = normal.inverseCumulativeProbability(u[c]);
        }
        scenarios.add(fixed(request.base(), z));
      }
      return means(request, scenarios, chunks, progress);
    }, bootstrap, request.seed());
  }

  /** The base with its uncertain parameters fixed at {@code z} and no longer uncertain. */
  static Scenario fixed(Scenario base, double[] z) {
    return Uncertainty.draw(base, z).withUncertainty(List.of());
  }

  private static Scenario withLever(Scenario scenario, Lever lever, double value) {
    List<org.caseload.core.scenario.Intervention> list =
        new ArrayList<>(scenario.interventions());
    list.addAll(lever.at(value));
    return scenario.withInterventions(list);
  }

  private static int indexOf(List<Uncertainty> all, Uncertainty.Parameter p) {
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).parameter() == p) {
        return i;
      }
    }
    throw new IllegalArgumentException("parameter " + p + " is not uncertain");
  }

  private static String value(Scenario scenario, Uncertainty.Parameter p) {
    var params = scenario.parameters();
    double v = switch (p) {
      case referralLevel -> params.demand().baseMonthly();
      case referralGrowth -> params.demand().annualGrowth();
      case nfaShare -> params.demand().nfaShare();
      case notInNeedShare -> params.demand().notInNeedShare();
      case annualTurnover -> params.workforce().annualTurnover();
      case fillProbability -> params.workforce().fillProbability();
      case agencyCoverShare -> params.workforce().agencyCoverShare();
      case establishmentGrowth -> params.funding().establishmentGrowth();
    };
    return String.format(java.util.Locale.ROOT, "%.3g", v);
  }

  /** A scenario's output averaged over its replications, summed in replication order. */
  private static double mean(ReplicationValues v) {
    double sum = 0;
    for (int i = 0; i < v.count(); i++) {
      sum += v.value(0, i);
    }
    return sum / v.count();
  }

  /**
   * Each scenario's output averaged over replications 0..k-1 (summed in replication order),
   * the scenarios run in batches, each reduced to its means as it ends.
   */
  private static double[] means(Request request, List<Scenario> scenarios,
      ChunkExecutor chunks, Progress progress) {
    List<ReplicationBatch.Span> spans = new ArrayList<>();
    for (Scenario scenario : scenarios) {
      spans.add(new ReplicationBatch.Span(scenario, 0, request.replications()));
    }
    List<Double> means = new ReplicationRunner(request.seed(), request.threads(),
        request.cancelled(), chunks, progress).run(spans, Readings.output(request.output()),
            Sensitivity::mean);
    double[] out = new double[scenarios.size()];
    for (int s = 0; s < out.length; s++) {
      out[s] = means.get(s);
    }
    return out;
  }
}
