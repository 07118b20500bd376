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

  /**
   * The teams of {@code figures}' council. Where its share of the posts would give the
   * assessment team less than one funded post (the smallest councils: City of London 0.51,
   * the Isles of Scilly 0.06 in 2019), that team is given one, from the long-term team's; and
   * where the council's case-holder share would round to no holder in a small team (under a
   * half in a team of one: Rutland's assessment team of 2022), the team's share is raised so
   * that one of its workers holds cases. The notes say so: a team of no worker, no holder or
   * a fraction of a post (never filled) never completes an assessment, so children waited
   * without end while caseloads fell.
   */
  static List<Team> split(Figures figures, WorkforceReturn now, CaseMix mix, double pipeline) {
    double inPost = now.inPost();
    double agency = now.agency();
    double cases = now.cases();
    double share = CASE_HOLDER_SHARE.clamp(now.holders() / Math.max(inPost + agency, 1));
    double casesShare = ASSESSMENT_SHARE.clamp(mix.assessments() / Math.max(cases, 1));
    double posts = inPost + now.vacancies();
    double assessmentShare = casesShare;
    boolean onePost = posts >= 2 && casesShare * posts < 1;
    if (onePost) {
      assessmentShare = 1 / posts;
      figures.note(String.format(java.util.Locale.ROOT, "assessment team: given 1 funded post"
          + " of the %.1f (its %.1f%% of the cases would give it %.2f, a post never filled:"
          + " assessments were never completed)", posts, 100 * casesShare, casesShare * posts));
    }
    int cap = (int) Math.max(MIN_CAP, Math.ceil(now.caseload() * CAP_OVER_CASELOAD));
    List<Team> teams = new ArrayList<>();
    // the assessment team's workers, agency workers and recruits: given one post, the
    // long-term team has the rest of the council's, so the council keeps its staff
    int[] assessmentCounts = new int[3];
    long holders = 0;
    for (TeamRole role : TeamRole.values()) {
      boolean assessing = role == TeamRole.ASSESSMENT;
      double part = assessing ? assessmentShare : 1 - assessmentShare;
      int permanent = count(inPost, part, onePost, assessing, assessmentCounts, 0);
      int agencyWorkers = count(agency, part, onePost, assessing, assessmentCounts, 1);
      int recruits = count(pipeline, part, onePost, assessing, assessmentCounts, 2);
      int recent = (int) Math.min(permanent, Math.round(now.starters() * part));
      List<WorkerCohort> cohorts = List.of(
          WorkerCohort.of(recent, STARTER_TENURE_MONTHS, false),
          WorkerCohort.of(permanent - recent, SETTLED_TENURE_MONTHS, false));
      CaseCounts held = assessing ? CaseCounts.of((int) Math.round(mix.assessments()), 0, 0, 0)
          : CaseCounts.of(0, mix.cp(), mix.lac(), mix.cin());
      int teamCap = assessing ? cap + ASSESSMENT_EXTRA_CAP : cap;
      String name = assessing ? "assessment" : "longTerm";
      double teamShare = holderShare(figures, name, share, permanent + agencyWorkers);
      holders += Math.round(teamShare * (permanent + agencyWorkers));
      teams.add(new Team(name, role, (inPost + now.vacancies()) * part, teamShare, teamCap,
          teamCap + HARD_LIMIT_OVER_CAP, cohorts, agencyWorkers, recruits, held));
    }
    noteStartingCaseload(figures, now, holders);
    return teams;
  }

  /** The starting caseload is noted where it is this far from the published one, or more. */
  static final double CASELOAD_NOTED_OFF_BY = 0.1;

  /**
   * Notes where the teams' case holders, each team's a whole number of its workers (and one
   * at least where its cases need one), start the caseload far from the published one: the
   * Isles of Scilly 2022's one published case holder is two, one a team, and its caseload of
   * 9.0 starts at 4.5 (an outside audit: docs/calibration.md had said both teams start at the
   * published caseload, and nothing said otherwise).
   */
  private static void noteStartingCaseload(Figures figures, WorkforceReturn now, long holders) {
    double published = now.caseload();
    if (holders <= 0 || published <= 0) {
      return;
    }
    double start = now.cases() / holders;
    if (Math.abs(start - published) >= CASELOAD_NOTED_OFF_BY * published) {
      figures.note(String.format(java.util.Locale.ROOT, "case holders: %d at the start where"
          + " %.1f FTE were published (each team's are whole workers, one at least where its"
          + " cases need one), so the caseload starts at %.1f, not the published %.1f", holders,
          now.holders(), start, published));
    }
  }

  /**
   * The case-holder share of a team of {@code staff} workers: the council's, or enough that
   * one of them holds cases where the council's would round to none (the model keeps
   * {@code round(share x staff)} holders; a team with no worker yet counts as one, its first
   * recruit holding cases).
   */
  private static double holderShare(Figures figures, String team, double share, int staff) {
    int workers = Math.max(staff, 1);
    if (Math.round(share * workers) >= 1) {
      return share;
    }
    double raised = 0.5 / workers;
    String who = staff == 0 ? "its first recruit holds" : staff == 1 ? "its one worker holds"
        : "one of its " + staff + " workers holds";
    figures.note(String.format(java.util.Locale.ROOT, "%s team: case-holder share %.0f%%, so"
        + " that %s cases (the council's %.0f%% would give none)", team, 100 * raised, who,
        100 * share));
    return raised;
  }

  /**
   * A team's whole part of {@code total}, rounded. Where the assessment team was given
   * {@code onePost}, its part leaves at least one to the long-term team (the Isles of Scilly's
   * one permanent worker stays with its long-term cases; the assessment post starts vacant),
   * and the long-term team has what the assessment team's part ({@code assessmentCounts[i]},
   * kept here) leaves.
   */
  private static int count(double total, double part, boolean onePost, boolean assessing,
      int[] assessmentCounts, int i) {
    int whole = (int) Math.round(total);
    int n = !onePost ? (int) Math.round(total * part)
        : assessing ? (int) Math.min(Math.round(total * part), Math.max(0, whole - 1))
        : Math.max(0, whole - assessmentCounts[i]);
    assessmentCounts[i] = n;
    return n;
  }
}
