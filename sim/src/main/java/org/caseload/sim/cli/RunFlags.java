package org.caseload.sim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import org.caseload.core.data.DfeData;
import org.caseload.core.scenario.InvalidScenarioException;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.ScenarioValidator;
import org.caseload.sim.engine.MonteCarlo;
import org.caseload.sim.engine.Progress;
import org.caseload.sim.engine.RunOptions;
import org.caseload.sim.presets.Presets;
import picocli.CommandLine.Option;

/** The flags every simulating command shares (run, compare, sweep). */
public final class RunFlags {

  @Option(names = "--replications", paramLabel = "N",
      defaultValue = "" + RunOptions.DEFAULT_REPLICATIONS,
      description = "replications to run, 1 to 10,000,000 (default ${DEFAULT-VALUE})")
  long replications;

  @Option(names = "--months", paramLabel = "N",
      description = "months to run instead of the scenario's horizon, 1 to 120")
  Integer months;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "master seed; the same seed gives the same bytes (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--threads", paramLabel = "T",
      description = "worker threads (default: the number of cores); results do not depend on it")
  Integer threads;

  @Option(names = "--out", paramLabel = "FILE", description = "write the result here, not to stdout")
  Path out;

  @Option(names = "--quiet", description = "no progress bar")
  boolean quiet;

  @Option(names = "--yes", description = "run more than 1,000,000 replications in all (every"
      + " scenario counted) without asking; without it such a run stops at once with its"
      + " estimated time")
  boolean yes;

  /** Runs of more replications stop with an estimate of their time unless --yes is given. */
  static final long CONFIRM_ABOVE = 1_000_000;

  /**
   * A trial stops once, in each of the last {@link #SETTLED_ROUNDS} rounds, the JIT compiled
   * for less than {@link #SETTLED_COMPILING} of the round's time and the rounds' times a
   * replication are within this ratio of each other. On a cold JVM a replication of
   * medway-2019 takes 5 to 20 times as long as once compiled; the time settles on plateaus
   * while compiling goes on (about 1.2 ms at 3 to 5 s, 0.85 ms from 6 s, on 2 busy cores),
   * which the compiling time tells apart.
   */
  static final double SETTLED_RATIO = 1.25;

  /** The share of a settled round's time the JIT may spend compiling. */
  static final double SETTLED_COMPILING = 0.05;

  /** Rounds that must agree, their median the estimate's rate. */
  static final int SETTLED_ROUNDS = 3;

  /** A trial that has not settled stops after this long, with the median of its last rounds. */
  static final long MAX_TRIAL_NANOS = 20_000_000_000L;

  /** A trial batch shorter than this doubles its replications (thread starts amortised). */
  private static final long BATCH_NANOS = 250_000_000L;

  /** Replications of a trial's first batch of each scenario; it doubles. */
  private static final int FIRST_BATCH = 4;

  private static final long MAX_BATCH = 1 << 20;

  /** Scenarios timed at most; more are sampled evenly (a sweep's combinations). */
  static final int MAX_TIMED_SCENARIOS = 16;

  LongSupplier nanoClock = System::nanoTime;

  /** Milliseconds the JIT has spent compiling (0 where not measured); tests fake it. */
  LongSupplier compilingMillis = RunFlags::compilingMillis;

  /** Runs trial replications; tests replace it with a fake machine. */
  BiConsumer<Scenario, RunOptions> trial = (scenario, options) ->
      MonteCarlo.run(scenario, options, List.of());

  /** The scenario with the --months override applied, validated. */
  Scenario horizon(Scenario scenario) {
    if (months == null) {
      return scenario;
    }
    if (months < 1 || months > Scenario.MAX_HORIZON_MONTHS) {
      throw new UserError("--months: must be between 1 and " + Scenario.MAX_HORIZON_MONTHS
          + ", was " + months);
    }
    try {
      return ScenarioValidator.requireValid(scenario.withHorizon(months));
    } catch (InvalidScenarioException e) {
      throw new UserError(e.problems().stream().map(p -> "--months: " + p).toList());
    }
  }

  /**
   * Checks the flags; then, for more than {@link #CONFIRM_ABOVE} replications in all (of every
   * scenario: a comparison's baseline and variants, a sweep's combinations) without --yes,
   * times the run's scenarios and stops with the estimated time of the run.
   */
  void confirmLongRun(List<Scenario> scenarios) {
    options(Progress.NONE);
    long total = replications * (long) scenarios.size();
    if (total <= CONFIRM_ABOVE || yes) {
      return;
    }
    int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    List<Scenario> timed = sample(scenarios);
    double seconds = secondsPerReplicationOfEach(timed, workers) * replications
        * scenarios.size() / timed.size();
    throw new UserError(String.format(Locale.ROOT, "--replications: %,d replications%s would"
        + " take about %s on %d thread%s here (timed after a warm-up%s); add --yes to run them,"
        + " or ask for fewer", total, scenarios.size() == 1 ? ""
            : String.format(Locale.ROOT, " (%,d of each of %d scenarios)", replications,
                scenarios.size()),
        ProgressBar.duration(seconds), workers, workers == 1 ? "" : "s",
        timed.size() == scenarios.size() ? "" : String.format(Locale.ROOT, ", on %d of the %,d"
            + " scenarios", timed.size(), scenarios.size())));
  }

  /** At most {@link #MAX_TIMED_SCENARIOS} of {@code scenarios}, evenly spaced. */
  private static List<Scenario> sample(List<Scenario> scenarios) {
    int n = scenarios.size();
    if (n <= MAX_TIMED_SCENARIOS) {
      return scenarios;
    }
    List<Scenario> sample = new ArrayList<>();
    for (int i = 0; i < MAX_TIMED_SCENARIOS; i++) {
      sample.add(scenarios.get((int) ((long) i * n / MAX_TIMED_SCENARIOS)));
    }
    return sample;
  }

  /**
   * The wall time, in seconds on {@code workers} threads, of one replication of each of
   * {@code scenarios}: rounds of a batch of each are run, the batch doubling until it is a
   * chunk a thread (so every thread works, as in the run) and a round takes at least
   * {@link #BATCH_NANOS} a scenario, until the last {@link #SETTLED_ROUNDS} rounds of such
   * batches agree within {@link #SETTLED_RATIO} (or {@link #MAX_TRIAL_NANOS} have passed); the
   * median of their rates. Timing 32 replications on a cold JVM had overestimated medway-2019
   * eightfold.
   */
  private double secondsPerReplicationOfEach(List<Scenario> scenarios, int workers) {
    long start = nanoClock.getAsLong();
    long batch = FIRST_BATCH;
    List<Round> rounds = new ArrayList<>();
    while (true) {
      RunOptions options = RunOptions.builder().replications(batch).seed(seed).threads(workers)
          .build();
      long compiled = compilingMillis.getAsLong();
      long roundStart = nanoClock.getAsLong();
      scenarios.forEach(scenario -> trial.accept(scenario, options));
      long end = nanoClock.getAsLong();
      long nanos = end - roundStart;
      boolean fullBatch = batch >= (long) RunOptions.CHUNK * workers;
      if (!fullBatch || nanos < BATCH_NANOS * scenarios.size() && batch < MAX_BATCH) {
        batch = Math.min(batch * 2, MAX_BATCH);
        continue;
      }
      rounds.add(new Round(nanos / 1e9 / batch,
          (compilingMillis.getAsLong() - compiled) * 1e6 > SETTLED_COMPILING * nanos));
      List<Round> last = rounds.subList(Math.max(0, rounds.size() - SETTLED_ROUNDS),
          rounds.size());
      double[] rates = last.stream().mapToDouble(Round::secondsPerReplication).sorted()
          .toArray();
      boolean settled = last.size() == SETTLED_ROUNDS
          && last.stream().noneMatch(Round::compiling)
          && rates[rates.length - 1] <= SETTLED_RATIO * rates[0];
      if (settled || end - start >= MAX_TRIAL_NANOS) {
        return rates[(rates.length - 1) / 2];
      }
    }
  }

  /**
   * A timed round of a trial: its time a replication of each scenario, and whether the JIT
   * compiled for much of it.
   */
  private record Round(double secondsPerReplication, boolean compiling) {}

  private static long compilingMillis() {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported()
        ? jit.getTotalCompilationTime() : 0;
  }

  RunOptions options(Progress progress) {
    if (out != null) {
      checkOut(out);
    }
    if (replications < 1 || replications > RunOptions.MAX_REPLICATIONS) {
      throw new UserError("--replications: must be between 1 and "
          + RunOptions.MAX_REPLICATIONS + ", was " + replications);
    }
    if (threads != null && (threads < 1 || threads > RunOptions.MAX_THREADS)) {
      throw new UserError("--threads: must be between 1 and " + RunOptions.MAX_THREADS
          + ", was " + threads);
    }
    RunOptions.Builder builder = RunOptions.builder().replications(replications).seed(seed)
        .progress(progress);
    if (threads != null) {
      builder.threads(threads);
    }
    return builder.build();
  }

  ProgressBar progressBar(PrintWriter err) {
    return ProgressBar.forStderr(err, quiet);
  }

  /** Writes the result to --out (atomically: a complete file or none) or to stdout. */
  void emit(PrintWriter stdout, String text) {
    emit(stdout, out, text);
  }

  /**
   * Writes {@code text} to {@code out} (atomically: a complete file or none) or, when it is
   * null, to stdout. Shared with the cluster sweep.
   */
  public static void emit(PrintWriter stdout, Path out, String text) {
    if (out == null) {
      stdout.print(text); // a failure is the exit code's: Stdout.exitCode
      stdout.flush();
      return;
    }
    write("--out", out, text);
  }

  /**
   * Writes {@code text} to the file {@code file} that {@code flag} names, atomically: a
   * complete file or none, through a symbolic link, keeping a replaced file's permissions.
   */
  public static void write(String flag, Path file, String text) {
    Path target = checkFile(flag, file);
    try {
      Path temp = Files.createTempFile(target.getParent(), ".caseload-", ".tmp");
      try {
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        try {
          // a file replaced keeps its permissions (a private 0600 file stays private); a new
          // one is readable as files written by other programs are
          Files.setPosixFilePermissions(temp, Files.exists(target)
              ? Files.getPosixFilePermissions(target)
              : PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
          // not a POSIX file system: keep its default permissions
        }
        try {
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING,
              StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UserError(flag + ": cannot write " + file + ": " + FileReasons.of(e));
    }
  }

  /**
   * Refuses an {@code --out} naming the file an input was read from ({@code flag}'s
   * {@code input}; either may be null): the result would replace the scenario it came from
   * ({@code run --scenario s.json --out s.json}).
   */
  static void checkNotInput(Path out, String flag, Path input) {
    if (out != null && input != null && sameFile(out, input)) {
      throw new UserError("--out: " + out + " is the " + flag + " file: the result would"
          + " replace it; give another file");
    }
  }

  /**
   * Refuses an {@code --out} (null: none) that is the repository's file of any preset, below
   * the working folder or the tool's repository ({@link Presets#sourceFiles}): the command
   * reads presets from the tool, but the file (from which the tool is built, and which the
   * tests compare with) would be replaced. Any preset's, not only the one run: another's file
   * replaced breaks the tool as surely (a review).
   */
  static void checkNotPreset(Path out) {
    if (out == null) {
      return;
    }
    for (String preset : Presets.names()) {
      for (Path source : Presets.sourceFiles(preset)) {
        if (sameFile(out, source)) {
          throw new UserError("--out: " + out + " is the file of the preset " + preset
              + ": the result would replace it; give another file");
        }
      }
    }
  }

  /**
   * Refuses a file the command writes ({@code flag}: {@code --out}, {@code --skipped}; null:
   * none) that is one of the DfE files {@code data} was read from: the result would replace
   * the published figures ({@code calibrate --out data/dfe/csww_indicators_2017_to_2022.csv}).
   */
  public static void checkNotData(Path file, String flag, DfeData data) {
    if (file == null) {
      return;
    }
    for (Path csv : data.files()) {
      if (sameFile(file, csv)) {
        throw new UserError(flag + ": " + file + " is a DfE file of --data (" + csv
            + "): the result would replace it; give another file");
      }
    }
  }

  /** Whether {@code a} and {@code b} are one file, through links, or one path if either is new. */
  static boolean sameFile(Path a, Path b) {
    try {
      if (Files.exists(a) && Files.exists(b)) {
        return Files.isSameFile(a, b);
      }
    } catch (IOException e) {
      // unreadable: compare the paths as written
    }
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }

  /** {@link #checkFile} for {@code --out}, never a preset's file ({@link #checkNotPreset}). */
  public static Path checkOut(Path out) {
    Path file = checkFile("--out", out);
    checkNotPreset(out);
    return file;
  }

  /**
   * The file {@code out} (given as {@code flag}) names, as an absolute path with symbolic links resolved, if a file can
   * be written there: a regular file or a new path in an existing folder (never a device, FIFO
   * or folder, which an atomic rename would replace). Checked before a command runs, so a
   * mistake costs no run.
   */
  public static Path checkFile(String flag, Path out) {
    if (out.toString().isEmpty()) { // read as the working folder ("it is a folder") before
      throw new UserError(flag + ": the file name is empty");
    }
    Path target = out.toAbsolutePath();
    if (Files.isSymbolicLink(target)) {
      try {
        target = target.toRealPath();
      } catch (NoSuchFileException e) {
        throw new UserError(flag + ": cannot write " + out + ": it is a symbolic link to a file"
            + " that does not exist");
      } catch (IOException e) {
        throw new UserError(flag + ": cannot write " + out + ": " + FileReasons.of(e));
      }
    }
    if (Files.isDirectory(target)) {
      throw new UserError(flag + ": cannot write " + out + ": " + FileReasons.FOLDER);
    }
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
        && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new UserError(flag + ": " + out + " is not a regular file");
    }
    if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
      throw new UserError(flag + ": cannot write " + out + ": the folder " + target.getParent()
          + " does not exist");
    }
    return target;
  }
}
