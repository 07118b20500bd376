package org.caseload.sim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ObjIntConsumer;
import org.caseload.core.calibration.Calibrator;
import org.caseload.core.calibration.UncalibratableException;
import org.caseload.core.data.Area;
import org.caseload.core.data.DfeData;
import org.caseload.core.data.Names;
import org.caseload.core.data.DfeTable;
import org.caseload.core.metrics.Metric;
import org.caseload.core.scenario.FieldSetting;
import org.caseload.core.scenario.InvalidScenarioException;
import org.caseload.core.scenario.Problem;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.ScenarioEdits;
import org.caseload.sim.engine.ChunkExecutor;
import org.caseload.sim.engine.RunOptions;
import org.caseload.sim.engine.RunResult;
import org.caseload.sim.output.CsvNumbers;
import org.caseload.sim.output.RunCsv;

/**
 * An all-England sweep: every council with a workforce return for a year, calibrated from
 * the DfE figures as {@code caseload forecast --la NAME --year Y} calibrates it, then each
 * point of a grid of scenario values (none: the forecast itself) run and written as one tidy
 * CSV. Councils that cannot be calibrated, or whose scenario a grid point makes invalid, are
 * listed with the reason and left out. Paired ({@link Runner.AgainstCouncil}), each point is
 * run against its council's calibrated scenario on common random numbers, as {@code caseload
 * sweep --paired} runs a grid against its base ({@link PairedGrid}), and its rows end with the
 * paired difference and its 95% interval.
 *
 * @implNote Stateless and thread-safe.
 */
public final class AllCouncils {

  /** The columns before a run's tidy columns (then the axes' paths). */
  public static final String KEY_HEADER = "council_code,council,scenario";

  /**
   * The most CSV a sweep on the server may write, estimated, 64 MiB: the CSV is built in
   * memory and stored as one text column, so a 1 GiB server holds it, its copies and its
   * other runs with margin.
   */
  public static final long MAX_CSV_BYTES = 64L << 20;

  /**
   * The most CSV a sweep of the command line may write, estimated, 96 MiB: built in memory
   * (with its growth and one copy, about three times as much) within the launcher's 512 MiB
   * heap; every metric of every council over 72 months (about 87 MiB) fits, or over 120
   * months 28 metrics. (Before each row stated its figures' accuracy, rows were about 120
   * bytes and every metric over 120 months fitted.)
   */
  public static final long MAX_COMMAND_CSV_BYTES = 96L << 20;

  /**
   * Bytes of one CSV row before the axes' values, for the estimate: measured 179 on average
   * (Medway, Kent and Birmingham 2019, 12 months, every metric, 200 replications: from 100,
   * rows carry every percentile's half-width; 112 with 64), the longest 254, before the
   * replications' count {@code n} was added (4 bytes more at 200 replications, 7 at 100,000).
   */
  public static final int ROW_BYTES = 190;

  private AllCouncils() {}

  /** {@link #tooLarge(int, List, List, int, long)} on the server's bound. */
  public static String tooLarge(int councils, List<Axis> axes, List<Metric> metrics,
      int months) {
    return tooLarge(councils, axes, metrics, months, MAX_CSV_BYTES);
  }

  /**
   * Why a sweep of {@code councils} over {@code axes} writing {@code metrics} for
   * {@code months} months would write more than {@code limit} bytes, estimated as councils x
   * combinations x months x metrics rows of {@link #ROW_BYTES} plus the axes' values (the
   * rows measured average 103-114 bytes, the longest 157); null when it would not.
   */
  public static String tooLarge(int councils, List<Axis> axes, List<Metric> metrics,
      int months, long limit) {
    return tooLarge(councils, axes, metrics, months, limit, ROW_BYTES);
  }

  /**
   * As {@link #tooLarge(int, List, List, int, long)}, with rows of {@code rowBytes} before the
   * axes' values ({@code caseload sweep}'s add {@link PairedGrid#ROW_BYTES} for its paired
   * differences).
   */
  public static String tooLarge(int councils, List<Axis> axes, List<Metric> metrics,
      int months, long limit, int rowBytes) {
    long combinations = combinations(axes);
    long axisBytes = 0;
    for (Axis axis : axes) {
      axisBytes += 1 + axis.values().stream().mapToInt(v -> CsvNumbers.given(v).length()).max()
          .orElse(0);
    }
    long rows = (long) councils * combinations * months * metrics.size();
    long bytes = rows * (rowBytes + axisBytes);
    if (bytes <= limit) {
      return null;
    }
    return String.format(java.util.Locale.ROOT, "the sweep would write about %d MiB of CSV,"
        + " more than the %d MiB a sweep may write here: %s%d combinations x %d"
        + " months x %d metrics = %d rows of about %d bytes (with the axes' values); narrow it"
        + " (fewer months, axes values, metrics%s)", bytes >> 20, limit >> 20,
        councils > 1 ? councils + " councils x " : "", combinations, months, metrics.size(), rows,
        rowBytes + axisBytes, councils > 1 ? " or councils" : "");
  }

  /** A council calibrated: its area and the scenario to forecast. */
  public record Council(Area area, Scenario scenario) {}

  /** A council left out, and why. */
  public record Skipped(Area area, String reason) {}

  /** The councils of a year: those calibrated, and those left out. */
  public record Councils(int year, List<Council> calibrated, List<Skipped> skipped) {
    public Councils {
      calibrated = List.copyOf(calibrated);
      skipped = List.copyOf(skipped);
    }
  }

  /** An axis of the grid: a scenario field's path and its values. */
  public record Axis(String path, List<JsonNode> values) {

    /** The path of the axis that sets the horizon. */
    public static final String HORIZON = "horizonMonths";

    public Axis {
      values = List.copyOf(values);
    }

    /**
     * Why {@code path} cannot be an axis of an all-England sweep, or null: the horizon is the
     * sweep's months (every council is calibrated for them and the results record them), so
     * an axis on {@code horizonMonths} would run other months than those recorded.
     */
    public static String refused(String path) {
      return path.equals(HORIZON) ? "cannot be an axis of an all-England sweep: every"
          + " council runs over the sweep's months (--months, or months in the API); sweep"
          + " another horizon with another sweep" : null;
    }
  }

  /**
   * The councils (local authorities) with a workforce return for {@code year}, in the DfE
   * files' order, each calibrated for {@code months}.
   *
   * @throws IllegalArgumentException if no council has a workforce return for the year
   */
  public static Councils calibrate(DfeData data, int year, int months) {
    List<Area> councils = councilsOf(data, year);
    if (councils.isEmpty()) {
      throw new IllegalArgumentException("no council has a workforce return for " + year);
    }
    return calibrate(data, year, months, councils);
  }

  /** The councils (local authorities) with a workforce return for {@code year}, in file order. */
  public static List<Area> councilsOf(DfeData data, int year) {
    return data.areas().stream().filter(a -> a.level() == Area.Level.LOCAL_AUTHORITY
        && data.years(DfeTable.WORKFORCE, a).contains(year)).toList();
  }

  /**
   * {@code councils} calibrated for {@code year} and {@code months}, in that order: one whose
   * calibration fails, or makes an invalid scenario, is left out with the reason.
   */
  public static Councils calibrate(DfeData data, int year, int months, List<Area> councils) {
    List<Council> calibrated = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    for (Area area : councils) {
      try {
        calibrated.add(new Council(area, Calibrator.calibrate(data, area, year, months)
            .scenario()));
      } catch (UncalibratableException e) {
        skipped.add(new Skipped(area, e.getMessage()));
      }
    }
    return new Councils(year, calibrated, skipped);
  }

  /**
   * The councils of {@code year} that {@code names} asks for (null: every one), calibrated for
   * {@code months}. Names are matched first ({@link #named}), so a name that is no council of
   * the year costs no calibration, and only the councils named are calibrated.
   *
   * @throws UnknownCouncilException for the first name that is none of the year's councils
   * @throws IllegalArgumentException if no council has a workforce return for the year
   */
  public static Councils of(DfeData data, int year, int months, List<String> names) {
    List<Area> councils = councilsOf(data, year);
    if (councils.isEmpty()) {
      throw new IllegalArgumentException("no council has a workforce return for " + year);
    }
    return calibrate(data, year, months, names == null ? councils
        : named(councils, names, year));
  }

  /**
   * The councils {@code names} names among {@code councils} (by name or code, any case, as
   * {@code --la} takes them), each once, in the order named.
   *
   * @throws UnknownCouncilException for the first name that is none of them
   */
  public static List<Area> named(List<Area> councils, List<String> names, int year) {
    List<Area> named = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String wanted = names.get(i).strip();
      Area area = councils.stream().filter(a -> matches(a, wanted)).findFirst().orElse(null);
      if (area == null) {
        // the closest of the year's councils, as --la says them (a typo had had no hint)
        throw new UnknownCouncilException(i, "'" + names.get(i) + "' has no workforce return in "
            + year + " (or is not a council); closest: " + String.join(", ", Names.closest(
                wanted, councils.stream().map(Area::name).toList(), 3)));
      }
      if (!named.contains(area)) {
        named.add(area);
      }
    }
    return named;
  }

  /** A council name that is none of the year's councils, and where it is among the names. */
  public static final class UnknownCouncilException extends IllegalArgumentException {
    private final int index;

    UnknownCouncilException(int index, String message) {
      super(message);
      this.index = index;
    }

    /** Its place among the names, from 0. */
    public int index() {
      return index;
    }
  }

  private static boolean matches(Area area, String name) {
    return DfeData.names(area.name(), name) || area.code().equalsIgnoreCase(name);
  }

  /** How many combinations of the axes' values there are: the grid's points. */
  public static long combinations(List<Axis> axes) {
    long combinations = 1;
    for (Axis axis : axes) {
      combinations *= axis.values().size();
    }
    return combinations;
  }

  /**
   * A problem that grid point {@code point} makes, for a message under {@code axes}: with the
   * point named where the problem's field is not an axis's (nfaShare at 0.99 breaks its sum
   * with notInNeedShare, which the validator names), as itself where it is.
   */
  public static String pointProblem(List<Axis> axes, List<JsonNode> point, Problem problem) {
    if (axes.stream().anyMatch(a -> a.path().equals(problem.path()))) {
      return problem.toString();
    }
    List<String> at = new ArrayList<>();
    for (int i = 0; i < axes.size(); i++) {
      at.add(axes.get(i).path() + "=" + point.get(i));
    }
    return "at the grid point " + String.join(", ", at) + ": " + problem;
  }

  /** Every combination of the axes' values, the first axis slowest. */
  public static List<List<JsonNode>> points(List<Axis> axes) {
    List<List<JsonNode>> out = new ArrayList<>();
    combine(axes, 0, new ArrayList<>(), out);
    return out;
  }

  private static void combine(List<Axis> axes, int depth, List<JsonNode> point,
      List<List<JsonNode>> out) {
    if (depth == axes.size()) {
      out.add(List.copyOf(point));
      return;
    }
    for (JsonNode value : axes.get(depth).values()) {
      point.add(value);
      combine(axes, depth + 1, point, out);
      point.remove(point.size() - 1);
    }
  }

  /** What a sweep produced: the tidy CSV and the councils left out (calibration or grid). */
  public record Output(String csv, List<Skipped> skipped, int councilsRun, int scenariosRun) {}

  /** How a sweep runs a council's grid points: each alone, or against the council. */
  public sealed interface Runner {

    /**
     * Runs {@code points}, the grid's scenarios of one council whose calibrated scenario is
     * {@code council}, and gives each to {@code each} with its index, in order.
     */
    void run(Scenario council, List<Scenario> points, ObjIntConsumer<PairedGrid.Point> each);

    /** Whether rows end with the paired difference ({@link PairedGrid#HEADER}). */
    boolean paired();

    /** Each point run alone with {@code run} (locally, or on a cluster). */
    record OneByOne(Function<Scenario, RunResult> run) implements Runner {
      @Override
      public void run(Scenario council, List<Scenario> points,
          ObjIntConsumer<PairedGrid.Point> each) {
        for (int i = 0; i < points.size(); i++) {
          each.accept(new PairedGrid.Unpaired(run.apply(points.get(i))), i);
        }
      }

      @Override
      public boolean paired() {
        return false;
      }
    }

    /**
     * Each point against its council's calibrated scenario on common random numbers ({@link
     * PairedGrid#run}), with {@code options}; chunks go to {@code executor} (a cluster), or
     * are computed here when it is null.
     */
    record AgainstCouncil(RunOptions options, ChunkExecutor executor) implements Runner {
      @Override
      public void run(Scenario council, List<Scenario> points,
          ObjIntConsumer<PairedGrid.Point> each) {
        PairedGrid.run(council, points, options, executor, each);
      }

      @Override
      public boolean paired() {
        return true;
      }
    }
  }

  /** {@link #run(Councils, List, List, Runner)}, each point run alone with {@code run}. */
  public static Output run(Councils councils, List<Axis> axes, List<Metric> metrics,
      Function<Scenario, RunResult> run) {
    return run(councils, axes, metrics, new Runner.OneByOne(run));
  }

  /** {@link #run(Councils, List, List, Runner, Runnable)}, told of no point's end. */
  public static Output run(Councils councils, List<Axis> axes, List<Metric> metrics,
      Runner runner) {
    return run(councils, axes, metrics, runner, () -> { });
  }

  /**
   * Runs every calibrated council at every grid point with {@code runner} and writes the tidy
   * CSV: {@link #KEY_HEADER}, the axes' paths, then {@link RunCsv#HEADER} (and, paired, {@link
   * PairedGrid#HEADER}); a row per council x point x month x metric. Points are numbered from
   * 1 in each council. The councils' runs are in the DfE files' order, so the bytes depend on
   * the seed only. {@code pointDone} is called as each point's rows are written (a paired
   * sweep's progress: its points come in passes, and a pass's replications are not its
   * points').
   */
  public static Output run(Councils councils, List<Axis> axes, List<Metric> metrics,
      Runner runner, Runnable pointDone) {
    int months = councils.calibrated().isEmpty() ? 0
        : councils.calibrated().get(0).scenario().horizonMonths();
    // a backstop: the API and the commands check their own bounds before anything runs
    String tooLarge = tooLarge(councils.calibrated().size(), axes, metrics, months,
        MAX_COMMAND_CSV_BYTES, rowBytes(runner.paired()));
    if (tooLarge != null) {
      throw new IllegalArgumentException(tooLarge);
    }
    List<List<JsonNode>> points = points(axes);
    StringBuilder out = new StringBuilder(KEY_HEADER);
    axes.forEach(a -> out.append(',').append(CsvNumbers.text(a.path())));
    out.append(',').append(RunCsv.HEADER);
    if (runner.paired()) {
      out.append(',').append(PairedGrid.HEADER);
    }
    out.append('\n');
    List<Skipped> skipped = new ArrayList<>(councils.skipped());
    int councilsRun = 0;
    int[] scenariosRun = {0};
    for (Council council : councils.calibrated()) {
      List<Scenario> scenarios = new ArrayList<>();
      String invalid = null;
      for (List<JsonNode> point : points) {
        try {
          scenarios.add(scenario(council.scenario(), axes, point));
        } catch (InvalidScenarioException e) {
          invalid = "the grid point " + point + " makes the scenario invalid: "
              + e.problems().get(0);
          break;
        }
      }
      if (invalid != null) {
        skipped.add(new Skipped(council.area(), invalid));
        continue;
      }
      councilsRun++;
      runner.run(council.scenario(), scenarios, (point, i) -> {
        scenariosRun[0]++;
        StringBuilder prefix = new StringBuilder()
            .append(CsvNumbers.text(council.area().code())).append(',')
            .append(CsvNumbers.text(council.area().name())).append(',').append(i + 1);
        points.get(i).forEach(v -> prefix.append(',').append(CsvNumbers.given(v)));
        for (RunResult.MonthSummary month : point.result().monthly()) {
          for (Metric m : metrics) {
            out.append(prefix).append(',');
            RunCsv.cells(out, "month", month.month(), month.date().toString(), m.name(),
                month.get(m));
            if (runner.paired()) {
              PairedGrid.cells(out, point, month.month(), m);
            }
            out.append('\n');
          }
        }
        pointDone.run();
      });
    }
    return new Output(out.toString(), skipped, councilsRun, scenariosRun[0]);
  }

  /** Bytes of a row before the axes' values, for the estimate: paired or not. */
  public static int rowBytes(boolean paired) {
    return ROW_BYTES + (paired ? PairedGrid.ROW_BYTES : 0);
  }

  /** The councils left out as CSV: code, name, reason. */
  public static String skippedCsv(List<Skipped> skipped) {
    StringBuilder out = new StringBuilder("council_code,council,reason\n");
    for (Skipped s : skipped) {
      out.append(CsvNumbers.text(s.area().code())).append(',')
          .append(CsvNumbers.text(s.area().name())).append(',')
          .append(CsvNumbers.text(s.reason())).append('\n');
    }
    return out.toString();
  }

  private static Scenario scenario(Scenario base, List<Axis> axes, List<JsonNode> point) {
    if (axes.isEmpty()) {
      return base;
    }
    List<FieldSetting> settings = new ArrayList<>();
    for (int i = 0; i < axes.size(); i++) {
      settings.add(FieldSetting.of(axes.get(i).path(), point.get(i)));
    }
    return ScenarioEdits.apply(base, settings);
  }

}
