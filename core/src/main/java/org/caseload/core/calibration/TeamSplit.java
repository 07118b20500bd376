package org.caseload.core.calibration;

import java.util.ArrayList;
import java.util.List;
import org.caseload.core.scenario.CaseCounts;
import org.caseload.core.scenario.Team;
import org.caseload.core.scenario.TeamRole;
import org.caseload.core.scenario.WorkerCohort;

/**
 * Two teams, assessment and long-term, with posts, staff and case holders in proportion to
 * the cases they hold, so both start at the published caseload (docs/calibration.md, "The
 * starting state"). The caps and tenure are assumptions: the data do not give them.
 */
final class TeamSplit {

  /** Least long-term caseload cap: an assumption. */
  static final int MIN_CAP = 20;
  /** The long-term cap is at least this multiple of the published caseload: assumption. */
  static final double CAP_OVER_CASELOAD = 1.1;
  /** The assessment team's cap is this much above the long-term one: an assumption. */
  static final int ASSESSMENT_EXTRA_CAP = 3;
  /** Hard limits are this much above the caps: an assumption. */
  static final int HARD_LIMIT_OVER_CAP = 15;
  /** Tenure given to the year's starters, months: an assumption (half a year on average). */
  static final int STARTER_TENURE_MONTHS = 6;
  /** Tenure given to everyone else, months: an assumption. */
  static final int SETTLED_TENURE_MONTHS = 48;
  /** Plausible case-holder share of the staff. */
  static final Bounds CASE_HOLDER_SHARE = new Bounds(0.05, 1);
  /** Plausible assessment share of the cases. */
  static final Bounds ASSESSMENT_SHARE = new Bounds(0.02, CaseMix.MAX_ASSESSMENT_SHARE);

  private TeamSplit() {}

  static List<Team> split(WorkforceReturn now, CaseMix mix, double pipeline) {
    double inPost = now.inPost();
    double agency = now.agency();
    double cases = now.cases();
    double share = CASE_HOLDER_SHARE.clamp(now.holders() / Math.max(inPost + agency, 1));
    double assessmentShare = ASSESSMENT_SHARE.clamp(mix.assessments() / Math.max(cases, 1));
    int cap = (int) Math.max(MIN_CAP, Math.ceil(now.caseload() * CAP_OVER_CASELOAD));
    List<Team> teams = new ArrayList<>();
    for (TeamRole role : TeamRole.values()) {
      boolean assessing = role == TeamRole.ASSESSMENT;
      double part = assessing ? assessmentShare : 1 - assessmentShare;
      int permanent = (int) Math.round(inPost * part);
      int recent = (int) Math.min(permanent, Math.round(now.starters() * part));
      List<WorkerCohort> cohorts = List.of(
          WorkerCohort.of(recent, STARTER_TENURE_MONTHS, false),
          WorkerCohort.of(permanent - recent, SETTLED_TENURE_MONTHS, false));
      CaseCounts held = assessing ? CaseCounts.of((int) Math.round(mix.assessments()), 0, 0, 0)
          : CaseCounts.of(0, mix.cp(), mix.lac(), mix.cin());
      int teamCap = assessing ? cap + ASSESSMENT_EXTRA_CAP : cap;
      teams.add(new Team(assessing ? "assessment" : "longTerm", role,
          (inPost + now.vacancies()) * part, share, teamCap, teamCap + HARD_LIMIT_OVER_CAP,
          cohorts, (int) Math.round(agency * part), (int) Math.round(pipeline * part), held));
    }
    return teams;
  }
}
