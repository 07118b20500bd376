package org.caseload.sim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.caseload.sim.engine.Progress;

/**
 * A progress bar on stderr with the time taken and the time left (from the pace so far),
 * shown once a run has taken about a second; never shown when stderr is not a terminal or
 * with --quiet.
 */
final class ProgressBar implements Progress {

  private static final long DELAY_NANOS = 1_000_000_000L;

  private final PrintWriter err;
  private final boolean enabled;
  private final LongSupplier nanoClock;
  private final long start;
  private boolean shown;

  ProgressBar(PrintWriter err, boolean enabled, LongSupplier nanoClock) {
    this.err = err;
    this.enabled = enabled;
    this.nanoClock = nanoClock;
    this.start = nanoClock.getAsLong();
  }

  /** A bar for a real run: enabled unless quiet, and only when stderr is a terminal. */
  static ProgressBar forStderr(PrintWriter err, boolean quiet) {
    return new ProgressBar(err, !quiet && stderrIsTerminal(), System::nanoTime);
  }

  /** Whether standard error is a terminal (Linux: /proc; elsewhere: a console is attached). */
  static boolean stderrIsTerminal() {
    try {
      Path target = Files.readSymbolicLink(Path.of("/proc/self/fd/2"));
      String name = target.toString();
      return name.startsWith("/dev/pts/") || name.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }

  @Override
  public void update(long done, long total) {
    long elapsed = nanoClock.getAsLong() - start;
    if (!enabled || elapsed < DELAY_NANOS) {
      return;
    }
    shown = true;
    int width = 30;
    int filled = (int) (width * done / Math.max(1, total));
    String left = done <= 0 || done >= total ? ""
        : ", about " + duration(elapsed / 1e9 * (total - done) / done) + " left";
    err.printf(Locale.ROOT, "\r[%s%s] %3d%%  %,d/%,d replications  %s%s   ", "#".repeat(filled),
        " ".repeat(width - filled), 100 * done / Math.max(1, total), done, total,
        duration(elapsed / 1e9), left);
    err.flush();
  }

  /** A duration for people: {@code 1.5s}, {@code 2 min 05s}, {@code 3 h 20 min}. */
  static String duration(double seconds) {
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.1fs", seconds);
    }
    long whole = Math.round(seconds);
    if (whole < 3600) {
      return String.format(Locale.ROOT, "%d min %02ds", whole / 60, whole % 60);
    }
    long minutes = Math.round(seconds / 60);
    return String.format(Locale.ROOT, "%d h %02d min", minutes / 60, minutes % 60);
  }

  /** Ends the bar's line, if it was shown. */
  void finish() {
    if (shown) {
      err.println();
      err.flush();
    }
  }
}
