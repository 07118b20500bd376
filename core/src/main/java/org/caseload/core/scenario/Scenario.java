package org.caseload.core.scenario;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A what-if question: base state, parameters, interventions and horizon. Immutable; check it
 * with {@link ScenarioValidator} before running it.
 *
 * @param name short name shown in outputs
 * @param baseDate the last day of the month before month 1 (e.g. 2019-09-30)
 * @param horizonMonths months to project, 1 to 120
 * @param teams the teams, at least one of each {@link TeamRole}
 * @param queues cases waiting unallocated at the base date (assessment queue and long-term
 *     queue by kind)
 * @param parameters demand, workforce and funding parameters
 * @param interventions the levers, in order
 * @param uncertainty parameters each replication draws afresh (empty: all known)
 * @param area the council whose published figures the scenario was calibrated from, by its
 *     name as the DfE's files write it, or {@code null}: kept with the scenario whatever its
 *     name becomes, so that its published figures can be drawn beside its results
 */
public record Scenario(
    String name,
    LocalDate baseDate,
    int horizonMonths,
    List<Team> teams,
    CaseCounts queues,
    Parameters parameters,
    List<Intervention> interventions,
    List<Uncertainty> uncertainty,
    String area) {

  /** A scenario of no council ({@code area} null). */
  public Scenario(String name, LocalDate baseDate, int horizonMonths, List<Team> teams,
      CaseCounts queues, Parameters parameters, List<Intervention> interventions,
      List<Uncertainty> uncertainty) {
    this(name, baseDate, horizonMonths, teams, queues, parameters, interventions, uncertainty,
        null);
  }

  /** The longest council name a scenario may give as its {@code area}. */
  public static final int MAX_AREA_LENGTH = 100;

  /** The most months a scenario may project. */
  public static final int MAX_HORIZON_MONTHS = 120;

  /** The longest name a scenario may have, in characters (code points: an emoji is one). */
  public static final int MAX_NAME_LENGTH = 200;

  /**
   * A name made from others (an edited or extended scenario's) cut to
   * {@link #MAX_NAME_LENGTH}, ending in "..." when cut and never between the halves of a
   * character outside the Basic Multilingual Plane.
   */
  public static String fittedName(String name) {
    if (name.length() <= MAX_NAME_LENGTH) {
      return name;
    }
    int end = MAX_NAME_LENGTH - 3;
    if (Character.isLowSurrogate(name.charAt(end)) && Character.isHighSurrogate(
        name.charAt(end - 1))) {
      end--;
    }
    return name.substring(0, end) + "...";
  }

  public Scenario {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(baseDate, "baseDate");
    teams = List.copyOf(teams);
    Objects.requireNonNull(queues, "queues");
    Objects.requireNonNull(parameters, "parameters");
    interventions = List.copyOf(interventions);
    uncertainty = List.copyOf(uncertainty);
  }

  /** The end of month {@code month} (month 0 is the base date). */
  public LocalDate dateOf(int month) {
    return baseDate.plusMonths(month).withDayOfMonth(baseDate.plusMonths(month).lengthOfMonth());
  }

  /** The index of the team with that name, or -1. */
  public int teamIndex(String teamName) {
    for (int i = 0; i < teams.size(); i++) {
      if (teams.get(i).name().equals(teamName)) {
        return i;
      }
    }
    return -1;
  }

  /** Whether a role has several teams (localities), so that teams have outputs of their own. */
  public boolean hasLocalTeams() {
    return teams.stream().map(Team::role).distinct().count() < teams.size();
  }

  /** A copy with another horizon. */
  public Scenario withHorizon(int months) {
    return new Scenario(name, baseDate, months, teams, queues, parameters, interventions,
        uncertainty, area);
  }

  /** A copy with other parameters. */
  public Scenario withParameters(Parameters newParameters) {
    return new Scenario(name, baseDate, horizonMonths, teams, queues, newParameters,
        interventions, uncertainty, area);
  }

  /** A copy with other interventions. */
  public Scenario withInterventions(List<Intervention> newInterventions) {
    return new Scenario(name, baseDate, horizonMonths, teams, queues, parameters,
        newInterventions, uncertainty, area);
  }

  /** A copy with another uncertainty. */
  public Scenario withUncertainty(List<Uncertainty> newUncertainty) {
    return new Scenario(name, baseDate, horizonMonths, teams, queues, parameters, interventions,
        newUncertainty, area);
  }

  /** A copy with another name. */
  public Scenario withName(String newName) {
    return new Scenario(newName, baseDate, horizonMonths, teams, queues, parameters,
        interventions, uncertainty, area);
  }
}
