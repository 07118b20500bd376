package org.caseload.sim.decide;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.ScenarioValidator;
import org.caseload.core.scenario.SetParameters;
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
 * parameters given the seed, whose variance the Sobol indices apportion. Each mean carries
 * the Monte Carlo error of its k replications against the mean of infinitely many: its
 * standard error sd / sqrt(k) is reported with every bar ({@link Estimate}), and its size
 * beside the output's variance with the Sobol indices ({@link SobolIndices.Result#noise}).
 *
 * @implNote Stateless and thread-safe.
 */
public final class Sensitivity {

  /** The standard normal 95th percentile. */
  static final double Z95 = 1.6448536269514722;

  private Sensitivity() {}

  /**
   * What is wrong with the inputs a study is asked to swing: {@code index} is the position of
   * the parameter name at fault, or -1 when the list as a whole is.
   */
  public static final class InputProblem extends IllegalArgumentException {
    private final int index;

    InputProblem(int index, String reason) {
      super(reason);
      this.index = index;
    }

    public int index() {
      return index;
    }
  }

  /** What sets a parameter in every month, in words ({@link SetParameters}). */
  public static final String SET_BY = "a referral growth assumption or an agency cover share"
      + " for every team, from month 1 with no end";

  /**
   * The scenario's uncertain parameters its levers set in every month ({@link SetParameters}),
   * which a study leaves out: a bar of "no effect" over a range the scenario never uses had
   * been drawn for referral growth beside an 8% assumption (a planner's trial).
   */
  public static java.util.Set<Uncertainty.Parameter> setByLevers(Scenario scenario) {
    java.util.Set<Uncertainty.Parameter> set = SetParameters.of(scenario);
    set.retainAll(scenario.uncertainty().stream().map(Uncertainty::parameter).toList());
    return set;
  }

  /**
   * The uncertain parameters a study swings: those named (each an uncertain parameter of the
   * scenario, once, and not one its levers set in every month, {@link #setByLevers}), or
   * every one of the scenario's but those when none is named; and something to swing: a
   * parameter, or for the tornado a lever.
   *
   * @throws InputProblem naming the name at fault, or the list
   */
  public static List<Uncertainty.Parameter> studied(List<String> names, Scenario scenario,
      boolean sobol, int levers) {
    List<Uncertainty.Parameter> uncertain = scenario.uncertainty().stream()
        .map(Uncertainty::parameter).toList();
    java.util.Set<Uncertainty.Parameter> set = setByLevers(scenario);
    List<Uncertainty.Parameter> chosen = new java.util.ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      Uncertainty.Parameter p = Uncertainty.Parameter.byName(names.get(i).trim());
      if (p == null || !uncertain.contains(p)) {
        throw new InputProblem(i, "'" + names.get(i).trim() + "' is not an uncertain parameter"
            + " of this scenario; it has " + uncertain);
      }
      if (chosen.contains(p)) {
        throw new InputProblem(i, "'" + names.get(i).trim() + "' is given twice");
      }
      if (set.contains(p)) {
        throw new InputProblem(i, "'" + p + "' is set in every month by the scenario's levers"
            + " (" + SET_BY + "), so no draw of it is used and swinging it changes nothing:"
            + " leave it out");
      }
      chosen.add(p);
    }
    List<Uncertainty.Parameter> studied = names.isEmpty()
        ? uncertain.stream().filter(p -> !set.contains(p)).toList() : chosen;
    if (studied.isEmpty() && (sobol || levers == 0)) {
      throw new InputProblem(-1, "nothing to swing: the scenario has no uncertain parameters"
          + " ('uncertainty' in docs/scenario-format.md)" + (sobol
              ? "; Sobol indices need them (the tornado takes levers)" : " and no lever is given"));
    }
    return studied;
  }

  /**
   * The replications a study simulates: Sobol runs {@code points (d + 2)} scenarios of the d
   * parameters, the tornado {@code 1 + 2 (d + levers)}, each {@code replications} times.
   *
   * @param sobol the Sobol method's (0 when not run)
   * @param tornado the tornado's (0 when not run)
   */
  public record Work(long sobol, long tornado) {

    /** The work of the methods asked for. */
    public static Work of(boolean tornado, boolean sobol, int points, long replications,
        int parameters, int levers) {
      return new Work(sobol ? points * (parameters + 2L) * replications : 0,
          tornado ? (1 + 2L * (parameters + levers)) * replications : 0);
    }

    public long total() {
      return sobol + tornado;
    }

    /** How the total comes about, e.g. {@code Sobol 128 points x (3 parameters + 2) x 32}. */
    public String explained(int points, long replications, int parameters, int levers) {
      List<String> parts = new java.util.ArrayList<>();
      if (sobol > 0) {
        parts.add("Sobol " + points + " points x (" + parameters + " parameters + 2) x "
            + replications + " = " + sobol);
      }
      if (tornado > 0) {
        parts.add("tornado (1 + 2 x (" + parameters + " parameters + " + levers + " levers)) x "
            + replications + " = " + tornado);
      }
      return total() + " (" + String.join(", ", parts) + ")";
    }
  }

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
   * One scenario's output over the k of its replications in which it has a value (a
   * caseload needs someone holding cases: {@link MetricAt#value} is NaN where nobody does).
   *
   * @param mean the mean, summed in replication order; NaN when k = 0
   * @param se its Monte Carlo standard error, sd / sqrt(k) with the sample standard deviation
   *     (divisor k - 1); NaN when k < 2
   */
  public record Estimate(double mean, double se) {

    /** The mean and standard error of {@code values} but NaN ones, summed in their order. */
    static Estimate of(double[] values) {
      int k = 0;
      double sum = 0;
      for (double v : values) {
        if (!Double.isNaN(v)) {
          sum += v;
          k++;
        }
      }
      double mean = k == 0 ? Double.NaN : sum / k;
      if (k < 2) {
        return new Estimate(mean, Double.NaN);
      }
      double squares = 0;
      for (double v : values) {
        if (!Double.isNaN(v)) {
          squares += (v - mean) * (v - mean);
        }
      }
      return new Estimate(mean, Math.sqrt(squares / (k - 1) / k));
    }
  }

  /**
   * One bar of the tornado: the output's mean at the low and high end of one input, with
   * their Monte Carlo standard errors.
   *
   * @param input the parameter or lever
   * @param lowSetting the low end, e.g. {@code annualTurnover 0.139}
   * @param low the output there
   * @param lowSe its standard error (k replications)
   * @param highSetting the high end
   * @param high the output there
   * @param highSe its standard error
   * @param difference the mean of the paired differences high - low over the k replications
   *     in which both ends have a value: high - low where every replication has both (to
   *     rounding), and of the same replications as its standard error where some have not
   *     (the difference of the two ends' means would be of different sets); NaN when k = 0
   * @param swingSe the standard error of the swing: sd / sqrt(k) of the k paired differences
   *     high - low (the two ends share their random numbers, so it is usually far below
   *     either end's)
   */
  public record Bar(String input, String lowSetting, double low, double lowSe,
      String highSetting, double high, double highSe, double difference, double swingSe) {
    /** The size of the swing. */
    public double swing() {
      return Math.abs(difference);
    }
  }

  /**
   * A tornado: the output at the central values and one bar per input, widest first.
   *
   * @param central the output with every parameter at its central value and no lever
   * @param centralSe its standard error (k replications)
   * @param bars widest swing first
   */
  public record Tornado(double central, double centralSe, List<Bar> bars) {
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
    List<double[]> values = run(request, scenarios, chunks, progress, Sensitivity::values);
    List<String> inputs = new ArrayList<>();
    request.parameters().forEach(p -> inputs.add(p.name()));
    request.levers().forEach(l -> inputs.add(l.name()));
    List<Bar> bars = new ArrayList<>();
    for (int b = 0; b < inputs.size(); b++) {
      double[] low = values.get(1 + 2 * b);
      double[] high = values.get(2 + 2 * b);
      double[] differences = new double[low.length];
      Arrays.setAll(differences, i -> high[i] - low[i]);
      Estimate lowEstimate = Estimate.of(low);
      Estimate highEstimate = Estimate.of(high);
      Estimate paired = Estimate.of(differences); // NaN where either end has no value
      bars.add(new Bar(inputs.get(b), settings.get(2 * b), lowEstimate.mean(),
          lowEstimate.se(), settings.get(2 * b + 1), highEstimate.mean(), highEstimate.se(),
          paired.mean(), paired.se()));
    }
    // widest first, a bar without a swing (no replication with a value at an end) last: NaN
    // had sorted first
    bars.sort(Comparator.comparing((Bar b) -> Double.isNaN(b.swing()))
        .thenComparing(Comparator.comparingDouble(Bar::swing).reversed())
        .thenComparing(Bar::input));
    Estimate central = Estimate.of(values.get(0));
    return new Tornado(central.mean(), central.se(), bars);
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
    double[] squaredErrors = {0};
    int[] evaluated = {0};
    SobolIndices.Result result = SobolIndices.estimate(columns.length, n, points -> {
      List<Scenario> scenarios = new ArrayList<>();
      for (double[] u : points) {
        double[] z = new double[all.size()];
        for (int c = 0; c < columns.length; c++) {
          z[columns[c]] = normal.inverseCumulativeProbability(u[c]);
        }
        scenarios.add(fixed(request.base(), z));
      }
      List<Estimate> estimates = run(request, scenarios, chunks, progress,
          v -> Estimate.of(values(v)));
      double[] means = new double[estimates.size()];
      for (int s = 0; s < means.length; s++) {
        means[s] = estimates.get(s).mean();
        double se = estimates.get(s).se();
        if (!Double.isNaN(se)) { // fewer than two replications with a value say nothing of it
          squaredErrors[0] += se * se;
          evaluated[0]++;
        }
      }
      return means;
    }, bootstrap, request.seed());
    return result.withNoise(Math.sqrt(squaredErrors[0] / evaluated[0]));
  }

  /**
   * Why the tornado cannot run {@code lever}: the first problem of the central scenario with
   * the lever at an end of its range, as the tornado runs it ({@code "at VALUE: path: reason"}),
   * or null when both ends are valid scenarios. Checked before a study runs anything.
   */
  public static String leverProblem(Scenario base, Lever lever) {
    Scenario central = fixed(base, new double[base.uncertainty().size()]);
    for (double value : new double[] {lever.grid().value(0),
        lever.grid().value(lever.grid().size() - 1)}) {
      List<org.caseload.core.scenario.Problem> problems =
          ScenarioValidator.problems(withLever(central, lever, value));
      if (!problems.isEmpty()) {
        return "at " + Grid.Cells.number(value) + ": " + problems.get(0);
      }
    }
    return null;
  }

  /**
   * Why the study cannot run a scenario it would draw: each studied parameter alone at the
   * farthest z the study draws (the tornado's p5 and p95; Sobol's, from points 1 to n of
   * the sequence, whose coordinates are multiples of 2^-m with 2^m >= n + 1, so z within
   * +-Phi^-1(1 - 2^-m)) must leave a valid scenario. Drawn values are clamped to their
   * ranges, so only a drawn growth of funded posts can take a valid scenario past the
   * validator's limit of funded posts. Returns {@code "NAME at z Z: path: reason"}, or null.
   *
   * @param sobolPoints n, or 0 for a tornado alone
   */
  public static String drawProblem(Scenario base, List<Uncertainty.Parameter> parameters,
      boolean tornado, int sobolPoints) {
    List<Uncertainty> all = base.uncertainty();
    double farthest = tornado ? Z95 : 0;
    if (sobolPoints > 0) {
      int m = 64 - Long.numberOfLeadingZeros(sobolPoints); // 2^m >= n + 1
      farthest = Math.max(farthest, new NormalDistribution(null, 0, 1)
          .inverseCumulativeProbability(1 - Math.scalb(1.0, -m)));
    }
    for (Uncertainty.Parameter p : parameters) {
      for (double sign : new double[] {1, -1}) {
        double[] z = new double[all.size()];
        z[indexOf(all, p)] = sign * farthest;
        List<org.caseload.core.scenario.Problem> problems =
            ScenarioValidator.problems(fixed(base, z));
        if (!problems.isEmpty()) {
          return String.format(java.util.Locale.ROOT, "%s at z %.2f: %s", p.name(),
              sign * farthest, problems.get(0));
        }
      }
    }
    return null;
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

  /** A scenario's output in each of its replications, in replication order. */
  private static double[] values(ReplicationValues v) {
    double[] out = new double[v.count()];
    for (int i = 0; i < out.length; i++) {
      out[i] = v.value(0, i);
    }
    return out;
  }

  /**
   * Each scenario's output over replications 0..k-1, reduced by {@code reduce}; the
   * scenarios run in batches, each reduced as it ends.
   */
  private static <T> List<T> run(Request request, List<Scenario> scenarios,
      ChunkExecutor chunks, Progress progress, Function<ReplicationValues, T> reduce) {
    List<ReplicationBatch.Span> spans = new ArrayList<>();
    for (Scenario scenario : scenarios) {
      spans.add(new ReplicationBatch.Span(scenario, 0, request.replications()));
    }
    return new ReplicationRunner(request.seed(), request.threads(), request.cancelled(), chunks,
        progress).run(spans, Readings.output(request.output()), reduce);
  }
}
