package org.caseload.core.metrics;

/**
 * The monthly metrics of each team (a locality, a front door, a long-term team), with the
 * names used in files and APIs. In a simulation's row they follow the {@link Metric}s, team by
 * team in scenario order: see {@link #column}.
 */
public enum TeamMetric {
  caseload("cases held by the team's case holders per case-holding FTE", Unit.CASELOAD,
      Metric.Better.LOWER),
  unallocatedCases("the team's cases waiting without an allocated worker", Unit.COUNT,
      Metric.Better.LOWER),
  meanWaitMonths("mean months the team's waiting cases have waited", Unit.MONTHS,
      Metric.Better.LOWER),
  vacancyRate("the team's vacancies / (vacancies + permanent FTE)", Unit.RATE,
      Metric.Better.LOWER),
  agencyFte("the team's agency workers in post", Unit.FTE, Metric.Better.LOWER),
  inPostFte("the team's permanent workers in post", Unit.FTE, Metric.Better.HIGHER);

  /** The number of team metrics. */
  public static final int COUNT = values().length;

  private final String description;
  private final Unit unit;
  private final Metric.Better better;

  TeamMetric(String description, Unit unit, Metric.Better better) {
    this.description = description;
    this.unit = unit;
    this.better = better;
  }

  public String description() {
    return description;
  }

  public Unit unit() {
    return unit;
  }

  public Metric.Better better() {
    return better;
  }

  /** Whether the simulation's values are whole numbers (counts, and workers' FTE). */
  public boolean wholeNumbers() {
    return this == unallocatedCases || this == agencyFte || this == inPostFte;
  }

  /**
   * Whether this metric of team {@code team} has a value in a month's {@code row}: a team's
   * caseload has none where nobody is in the team, permanent or agency (nobody holds its
   * cases: it had read 0 where nothing waited), or where it reads 0 while the team's cases
   * wait (nobody in the team was there to take them), as {@link Metric#definedIn} says of a
   * role's in the second case (a role's row has no count of its own workers, so a role's
   * caseload with nobody in its teams and nothing waiting still reads 0); its vacancy rate none
   * where it has no posts and nobody in post.
   */
  public boolean definedIn(double[] row, int team) {
    return switch (this) {
      case caseload -> row[column(team, inPostFte)] + row[column(team, agencyFte)] > 0
          && (row[column(team, caseload)] != 0 || row[column(team, unallocatedCases)] <= 0);
      // no posts and nobody in post: 0 / 0, read as 0
      case vacancyRate -> row[column(team, vacancyRate)] != 0 || row[column(team, inPostFte)] > 0;
      default -> true;
    };
  }

  /**
   * Whether a row's {@code column} (a {@link Metric}'s ordinal, or a team's: see
   * {@link #column}) has a value in {@code row}: {@link Metric#definedIn} or
   * {@link #definedIn}. A column without one is left out of the replications' summaries.
   */
  public static boolean columnDefinedIn(double[] row, int column) {
    if (column < Metric.COUNT) {
      return METRICS[column].definedIn(row);
    }
    int team = (column - Metric.COUNT) / COUNT;
    return VALUES[(column - Metric.COUNT) % COUNT].definedIn(row, team);
  }

  private static final Metric[] METRICS = Metric.values();
  private static final TeamMetric[] VALUES = values();

  /** The column of team {@code team}'s {@code metric} in a row of a simulation. */
  public static int column(int team, TeamMetric metric) {
    return Metric.COUNT + team * COUNT + metric.ordinal();
  }

  /** The width of a row with the team metrics of {@code teams} teams. */
  public static int rowWidth(int teams) {
    return Metric.COUNT + teams * COUNT;
  }

  /** The team metric with that name, or {@code null}. */
  public static TeamMetric byName(String name) {
    for (TeamMetric m : values()) {
      if (m.name().equals(name)) {
        return m;
      }
    }
    return null;
  }
}
