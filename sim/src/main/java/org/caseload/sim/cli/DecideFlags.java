package org.caseload.sim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.caseload.core.scenario.Scenario;
import org.caseload.sim.engine.RunOptions;
import picocli.CommandLine.Option;

/** The flags goal-seek and sensitivity share: horizon, seed, threads, format and output. */
final class DecideFlags {

  @Option(names = "--months", paramLabel = "N",
      description = "months to run instead of the scenario's horizon, 1 to 120")
  Integer months;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "master seed; the same seed gives the same bytes (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--threads", paramLabel = "T",
      description = "worker threads (default: the number of cores); results do not depend on it")
  Integer threads;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table, json or csv (default ${DEFAULT-VALUE})")
  OutputFormat.Format format;

  @Option(names = "--out", paramLabel = "FILE", description = "write the result here, not to stdout")
  Path out;

  @Option(names = "--quiet", description = "no progress messages")
  boolean quiet;

  /** The format; checked first so that a mistake stops the command before it runs. */
  OutputFormat.Format format() {
    threads();
    if (out != null) {
      RunFlags.checkOut(out);
    }
    return format;
  }

  int threads() {
    if (threads != null && (threads < 1 || threads > RunOptions.MAX_THREADS)) {
      throw new UserError("--threads: must be between 1 and " + RunOptions.MAX_THREADS
          + ", was " + threads);
    }
    return threads != null ? threads : Runtime.getRuntime().availableProcessors();
  }

  /** The scenario with --months applied, validated. */
  Scenario horizon(Scenario scenario) {
    return runFlags().horizon(scenario);
  }

  ProgressBar progressBar(PrintWriter err) {
    return ProgressBar.forStderr(err, true);
  }

  /** Writes to --out (atomically) or stdout. */
  void emit(PrintWriter stdout, String text) {
    runFlags().emit(stdout, text);
  }

  private RunFlags runFlags() {
    RunFlags flags = new RunFlags();
    flags.months = months;
    flags.out = out;
    return flags;
  }
}
