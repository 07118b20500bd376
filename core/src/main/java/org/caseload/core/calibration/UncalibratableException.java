package org.caseload.core.calibration;

import java.util.List;
import org.caseload.core.data.Area;
import org.caseload.core.scenario.Problem;

/**
 * The figures of an area and year do not give a scenario, and why ({@link Reason}): the one
 * failure {@link Calibrator#calibrate} reports, so the command line, the API, sweeps and the
 * backtest treat it alike.
 */
public final class UncalibratableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why the figures do not give a scenario. */
  public enum Reason {
    /** The base year's workforce return, or a figure it cannot do without, is not published. */
    NOT_PUBLISHED,
    /** The base year's workforce return is published only jointly with other councils. */
    PUBLISHED_JOINTLY,
    /**
     * A figure is impossible (negative staff), or the figures give a scenario the validator
     * refuses: hand-edited or unusual data.
     */
    UNUSABLE_FIGURES
  }

  private final Reason reason;
  private final String why;
  private final transient List<Problem> problems;

  /** {@code area} at {@code year} gives no scenario, for {@code reason}: {@code why}. */
  UncalibratableException(Reason reason, Area area, int year, String why) {
    this(reason, area, year, why, List.of());
  }

  private UncalibratableException(Reason reason, Area area, int year, String why,
      List<Problem> problems) {
    super(area.name() + " " + year + ": " + why);
    this.reason = reason;
    this.why = why;
    this.problems = List.copyOf(problems);
  }

  /** The scenario {@code area} at {@code year} calibrated to, refused with {@code problems}. */
  static UncalibratableException invalid(Area area, int year, List<Problem> problems) {
    return new UncalibratableException(Reason.UNUSABLE_FIGURES, area, year, "the published"
        + " figures give an invalid scenario: " + String.join("; ",
            problems.stream().map(Problem::toString).toList()), problems);
  }

  public Reason reason() {
    return reason;
  }

  /**
   * Why, without the area and year the message starts with ("the workforce return is not
   * published for that year"), for a caller that names the area its own way.
   */
  public String why() {
    return why;
  }

  /** The validator's problems when {@link Reason#UNUSABLE_FIGURES}, else empty. */
  public List<Problem> problems() {
    return problems;
  }
}
