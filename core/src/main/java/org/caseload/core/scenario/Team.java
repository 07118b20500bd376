package org.caseload.core.scenario;

import java.util.List;
import java.util.Objects;

/**
 * A team in the base state.
 *
 * @param name unique name, used by interventions to address the team
 * @param role assessment or long-term
 * @param establishment funded FTE posts
 * @param caseHolderShare share of the team's FTE (permanent and agency) who hold cases; the
 *     rest are managers, practice leads and other roles (England about 0.53)
 * @param caseloadCap policy cap on cases per case-holding worker
 * @param hardLimit the most cases a manager may allocate to one worker when over-cap
 *     allocation is allowed ({@code >= caseloadCap})
 * @param permanent the permanent workers, in cohorts
 * @param agencyWorkers agency workers in post (each one FTE)
 * @param pipeline recruits who have accepted a post and not yet started
 * @param cases cases allocated to the team's case holders at the base date, spread evenly
 *     over them; an assessment team holds only assessments, a long-term team none
 * @param demandShare the team's share of its role's demand (a locality's referrals, or its
 *     new long-term cases), or NaN for an equal share of the role's teams; the shares of a
 *     role's teams are all given, adding up to 1, or none is
 */
public record Team(
    String name,
    TeamRole role,
    double establishment,
    double caseHolderShare,
    int caseloadCap,
    int hardLimit,
    List<WorkerCohort> permanent,
    int agencyWorkers,
    int pipeline,
    CaseCounts cases,
    double demandShare) {

  /**
   * The longest name a team may have: every row of a run's by-team output carries it, so an
   * unbounded one would make a small request's results hundreds of times its size.
   */
  public static final int MAX_NAME_LENGTH = 100;
  /** The highest caseload cap a team, or a caseloadCap intervention, may set. */
  public static final int MAX_CASELOAD_CAP = 500;
  /** The highest hard limit a team, or a caseloadCap intervention, may set. */
  public static final int MAX_HARD_LIMIT = 1000;

  /** A team with an equal share of its role's demand. */
  public Team(String name, TeamRole role, double establishment, double caseHolderShare,
      int caseloadCap, int hardLimit, List<WorkerCohort> permanent, int agencyWorkers,
      int pipeline, CaseCounts cases) {
    this(name, role, establishment, caseHolderShare, caseloadCap, hardLimit, permanent,
        agencyWorkers, pipeline, cases, Double.NaN);
  }

  public Team {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    permanent = List.copyOf(permanent);
    Objects.requireNonNull(cases, "cases");
  }

  /** Whether the team's share of its role's demand is given (else it is an equal share). */
  public boolean hasDemandShare() {
    return !Double.isNaN(demandShare);
  }

  /** Permanent workers in post, summed over cohorts. */
  public int permanentCount() {
    return permanent.stream().mapToInt(WorkerCohort::count).sum();
  }
}
