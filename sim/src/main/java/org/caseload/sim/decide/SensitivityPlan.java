package org.caseload.sim.decide;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.SnapshotMetric;
import org.caseload.core.scenario.PlainText;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.Uncertainty;
import org.caseload.sim.engine.ChunkExecutor;
import org.caseload.sim.engine.MetricAt;
import org.caseload.sim.engine.Progress;

/**
 * A sensitivity study as asked for, checked and run by one rule for {@code caseload
 * sensitivity} and the API's {@code /sensitivity}: what it computes, its sizes, the metric
 * studied, the parameters and levers swung. A problem is an {@link InputException} naming the
 * {@link Input} at fault (and for a list the item), which each front end words as its flag
 * or field.
 *
 * @param request what the study runs (its threads and cancellation are set by {@link #run})
 * @param method what it computes
 * @param points Sobol base points
 * @param bootstrap bootstrap resamples of the Sobol indices' intervals (0: none)
 */
public record SensitivityPlan(Sensitivity.Request request, Method method, int points,
    int bootstrap) {

  public static final int DEFAULT_REPLICATIONS = 32;
  public static final int MAX_REPLICATIONS = 100_000;
  public static final int DEFAULT_POINTS = 128;
  public static final int DEFAULT_BOOTSTRAP = 200;
  /** Echoed input longer than this is cut in reasons. */
  private static final int SHOWN = 100;

  /** What a study computes: the tornado, the Sobol indices, or both. */
  public enum Method {
    TORNADO, SOBOL, BOTH;

    /** The method written {@code text} ({@code tornado}, {@code sobol}, {@code both}). */
    public static Method of(String text) {
      for (Method m : values()) {
        if (m.text().equals(text)) {
          return m;
        }
      }
      throw new InputException(Input.METHOD, -1, "must be tornado, sobol or both, was '"
          + shown(text) + "'");
    }

    public String text() {
      return name().toLowerCase(Locale.ROOT);
    }

    public boolean tornado() {
      return this != SOBOL;
    }

    public boolean sobol() {
      return this != TORNADO;
    }
  }

  /** The inputs of a study: each a flag of the command line and a field of the API. */
  public enum Input {
    METHOD, REPLICATIONS, SOBOL_POINTS, BOOTSTRAP, METRIC, MONTH, SNAPSHOT, PARAMETERS, LEVERS
  }

  /** What is wrong with one input; {@code index} is the list item at fault, or -1. */
  public static final class InputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final Input input;
    private final int index;

    InputException(Input input, int index, String reason) {
      super(reason);
      this.input = input;
      this.index = index;
    }

    public Input input() {
      return input;
    }

    public int index() {
      return index;
    }
  }

  /** The sizes alone, checked before anything else is read. */
  public static void checkSizes(long replications, long points, long bootstrap) {
    if (replications < 1 || replications > MAX_REPLICATIONS) {
      throw new InputException(Input.REPLICATIONS, -1, "must be from 1 to 100,000, was "
          + replications);
    }
    String pointsProblem = SobolIndices.pointsProblem(points);
    if (pointsProblem != null) {
      throw new InputException(Input.SOBOL_POINTS, -1, pointsProblem);
    }
    String bootstrapProblem = SobolIndices.bootstrapProblem(bootstrap);
    if (bootstrapProblem != null) {
      throw new InputException(Input.BOOTSTRAP, -1, bootstrapProblem);
    }
  }

  /**
   * The study of {@code metric} at {@code month} or at the 30 September {@code snapshot} (one
   * of them) in {@code scenario}: the parameters named (none: every uncertain parameter the
   * scenario has) and the levers written as goal-seek's, each checked to give valid scenarios
   * at the ends it swings to, before anything is simulated.
   *
   * @throws InputException naming the input at fault
   */
  public static SensitivityPlan of(Scenario scenario, Method method, String metric,
      Integer month, String snapshot, List<String> parameterNames, List<String> leverTexts,
      int replications, int points, int bootstrap, long seed) {
    checkSizes(replications, points, bootstrap);
    MetricAt output = output(scenario, metric, month, snapshot);
    List<Lever> levers = levers(scenario, leverTexts);
    List<Uncertainty.Parameter> studied;
    try {
      studied = Sensitivity.studied(parameterNames, scenario, method.sobol(), levers.size());
    } catch (Sensitivity.InputProblem e) {
      throw new InputException(Input.PARAMETERS, e.index(), e.getMessage());
    }
    String drawn = Sensitivity.drawProblem(scenario, studied, method.tornado(),
        method.sobol() ? points : 0);
    if (drawn != null) {
      throw new InputException(Input.PARAMETERS, -1, "the study would draw an invalid"
          + " scenario, " + drawn);
    }
    return new SensitivityPlan(new Sensitivity.Request(scenario, output, studied, levers,
        replications, seed, 1, () -> false), method, points, bootstrap);
  }

  /** The replications the study simulates. */
  public Sensitivity.Work work() {
    return Sensitivity.Work.of(method.tornado(), method.sobol(), points,
        request.replications(), request.parameters().size(), request.levers().size());
  }

  /** How {@link #work} comes about, e.g. {@code 16384 (Sobol 128 points x ...)}. */
  public String workExplained() {
    return work().explained(points, request.replications(), request.parameters().size(),
        request.levers().size());
  }

  /** What a study found: the tornado and the Sobol indices, each null when not asked for. */
  public record Result(Sensitivity.Tornado tornado, SobolIndices.Result sobol) {}

  /**
   * Runs the study on {@code threads} (chunks computed by {@code chunks}, the cluster; null:
   * the threads), polling {@code cancelled}; {@code progress} is told the replications run so
   * far, the tornado's then Sobol's. The result does not depend on the threads or machines.
   */
  public Result run(int threads, BooleanSupplier cancelled, ChunkExecutor chunks,
      Progress progress) {
    Sensitivity.Request r = new Sensitivity.Request(request.base(), request.output(),
        request.parameters(), request.levers(), request.replications(), request.seed(),
        threads, cancelled);
    long[] tornadoRun = {0};
    Sensitivity.Tornado tornado = !method.tornado() ? null
        : Sensitivity.tornado(r, chunks, (done, total) -> {
          tornadoRun[0] = done;
          progress.update(done, 0);
        });
    SobolIndices.Result sobol = !method.sobol() ? null
        : Sensitivity.sobol(r, points, bootstrap, chunks,
            (done, total) -> progress.update(tornadoRun[0] + done, 0));
    return new Result(tornado, sobol);
  }

  private static MetricAt output(Scenario scenario, String metric, Integer month,
      String snapshot) {
    if ((month == null) == (snapshot == null)) {
      throw new InputException(Input.MONTH, -1, "give exactly one of a month or a snapshot"
          + " date");
    }
    if (month != null) {
      Metric m = Metric.byName(metric);
      if (m == null) {
        throw new InputException(Input.METRIC, -1, Metric.notAMetric(metric));
      }
      try {
        return MetricAt.month(m, month).within(scenario);
      } catch (IllegalArgumentException e) {
        throw new InputException(Input.MONTH, -1, e.getMessage());
      }
    }
    SnapshotMetric m = SnapshotMetric.byName(metric);
    if (m == null) {
      throw new InputException(Input.METRIC, -1, SnapshotMetric.notAnIndicator(metric));
    }
    LocalDate date;
    try {
      date = LocalDate.parse(snapshot);
    } catch (DateTimeParseException e) {
      throw new InputException(Input.SNAPSHOT, -1, "'" + shown(snapshot)
          + "' is not a date YYYY-09-30");
    }
    try {
      return MetricAt.snapshot(m, date, scenario);
    } catch (IllegalArgumentException e) {
      throw new InputException(Input.SNAPSHOT, -1, e.getMessage());
    }
  }

  /** The levers written as goal-seek's {@code --lever}, distinct, valid at both range ends. */
  private static List<Lever> levers(Scenario scenario, List<String> texts) {
    List<Lever> levers;
    try {
      levers = LeverParser.parseAll(texts, scenario);
    } catch (LeverParser.BadLeverException e) {
      throw new InputException(Input.LEVERS, e.index(), e.getMessage());
    }
    for (int i = 0; i < levers.size(); i++) {
      String problem = Sensitivity.leverProblem(scenario, levers.get(i));
      if (problem != null) {
        throw new InputException(Input.LEVERS, i, problem);
      }
    }
    return levers;
  }

  private static String shown(String text) {
    String plain = PlainText.shown(String.valueOf(text));
    return plain.length() > SHOWN ? plain.substring(0, SHOWN) + "..." : plain;
  }
}
