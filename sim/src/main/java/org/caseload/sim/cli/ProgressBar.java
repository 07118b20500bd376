package org.caseload.sim.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.caseload.sim.engine.Progress;

/**
 * A progress bar on stderr for runs longer than about a second; silent when stderr is not
 * a terminal or with --quiet.
 */
final class ProgressBar implements Progress {

  private static final long DELAY_NANOS = 1_000_000_000L;

  private final PrintWriter err;
  private final boolean enabled;
  private final long start = System.nanoTime();
  private boolean shown;

  ProgressBar(PrintWriter err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  @Override
  public void update(long done, long total) {
    long elapsed = System.nanoTime() - start;
    if (!enabled || elapsed < DELAY_NANOS) {
      return;
    }
    shown = true;
    int width = 30;
    int filled = (int) (width * done / Math.max(1, total));
    err.printf(Locale.ROOT, "\r[%s%s] %3d%%  %,d/%,d replications  %.1fs", "#".repeat(filled),
        " ".repeat(width - filled), 100 * done / Math.max(1, total), done, total,
        elapsed / 1e9);
    err.flush();
  }

  /** Ends the bar's line, if it was shown. */
  void finish() {
    if (shown) {
      err.println();
      err.flush();
    }
  }
}
