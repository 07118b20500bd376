package org.caseload.core.model;

import org.caseload.core.scenario.Workforce;

/**
 * The workforce steps of a month (docs/specification.md section 4): leavers (their cases
 * return to the queues), recruits starting and posts filled, the newly qualified intake,
 * agency cover, case holding kept at each team's share, and absence.
 *
 * @implNote Mutable through its state; not thread-safe.
 */
final class Staffing {

  /**
   * Less than this of a worker or a post is nothing: whole counts never fall below it, and
   * cohorts' rounding residues stop splitting into ever smaller cohorts.
   */
  private static final double NEGLIGIBLE = 1e-9;

  private final State s;
  private final Workers w;
  private final Allocation allocation;
  private LeavingHazards hazards;

  Staffing(State state, Allocation allocation) {
    this.s = state;
    this.w = state.workers;
    this.allocation = allocation;
    this.hazards = new LeavingHazards(state.plan);
  }

  /** Follows a change of plan. */
  void replan() {
    hazards = new LeavingHazards(s.plan);
  }

  /** Tenure grows and newly qualified protection runs down. */
  void age() {
    for (int i = 0; i < w.size; i++) {
      w.tenure[i]++;
      if (w.nqLeft[i] > 0) {
        w.nqLeft[i]--;
      }
    }
  }

  /** Permanent and agency workers leave, highest index first. */
  void leave(Draws d) {
    double agencyHazard = s.plan.agencyLeavingHazard();
    double earlyMonths = workforce().earlyTenureMonths();
    hazards.startMonth(s.month);
    for (int i = w.size - 1; i >= 0; i--) {
      long key = s.key(Purpose.LEAVE, w.id[i]);
      double gone;
      if (w.agency[i]) {
        gone = d.at(RandomProcess.AGENCY, key).occurs(w.weight[i], agencyHazard);
      } else {
        gone = d.at(RandomProcess.LEAVERS, key)
            .occurs(w.weight[i], hazards.of(w.team[i], w.tenure[i] < earlyMonths, w.load(i)));
        s.permanentLeavers += gone;
      }
      if (gone > 0) {
        release(i, gone);
      }
    }
  }

  /** Recruits in the pipeline start, open posts are filled, the newly qualified arrive. */
  void hire(Draws d) {
    double startProbability = 1 / workforce().hireDelayMonths();
    for (int t = 0; t < s.teams.length; t++) {
      double starting = d.at(RandomProcess.HIRES, s.key(Purpose.STARTS, t))
          .binomial(s.pipeline[t], startProbability);
      s.pipeline[t] -= starting;
      join(d, t, false, starting, 0, 0);
      s.starters += starting;
    }
    for (int t = 0; t < s.teams.length; t++) {
      s.pipeline[t] += d.at(RandomProcess.HIRES, s.key(Purpose.FILLS, t))
          .binomial(openPosts(d, t), s.plan.fillProbability(s.month, t));
    }
    double intake = s.plan.nqIntakeShare(s.month) * s.plan.nqCohortPerYear(s.month);
    if (intake > 0) {
      double left = d.at(RandomProcess.HIRES, s.key(Purpose.NEWLY_QUALIFIED, 0))
          .poisson(intake);
      while (left > 0) {
        int best = -1;
        double bestOpen = 0;
        for (int t = 0; t < s.teams.length; t++) {
          double open = openPosts(d, t);
          if (open > bestOpen) {
            best = t;
            bestOpen = open;
          }
        }
        if (best < 0 || bestOpen < NEGLIGIBLE) {
          break;
        }
        double placed = Math.min(d.unit(left), bestOpen);
        join(d, best, false, placed, 0, 12);
        s.starters += placed;
        left -= placed;
      }
    }
  }

  private double openPosts(Draws d, int team) {
    double open = s.plan.establishment(s.month, team) - s.teamPermanent[team] - s.pipeline[team];
    return Math.max(0, d.roundDown(open));
  }

  /** Agency workers start or are released toward each team's share of the cover wanted. */
  void coverWithAgency(Draws d) {
    Workforce wf = workforce();
    double wanted = 0;
    for (int t = 0; t < s.teams.length; t++) {
      wanted += agencyWanted(t, wf);
    }
    double cap = s.plan.agencyCapFte(s.month);
    double scale = wanted > cap ? cap / wanted : 1;
    for (int t = 0; t < s.teams.length; t++) {
      double target = d.round(agencyWanted(t, wf) * scale);
      double have = s.teamAgency[t];
      if (have < target) {
        double starting = d.at(RandomProcess.AGENCY, s.key(Purpose.AGENCY_STARTS, t))
            .binomial(target - have, wf.agencyStartProbability());
        join(d, t, true, starting, 0, 0);
      } else if (have > target) {
        double excess = have - target;
        for (int i = w.size - 1; i >= 0 && excess > 0; i--) {
          if (w.team[i] == t && w.agency[i]) {
            double released = Math.min(w.weight[i], excess);
            release(i, released);
            excess -= released;
          }
        }
      }
    }
  }

  private double agencyWanted(int team, Workforce wf) {
    double vacancies = Math.max(0, s.plan.establishment(s.month, team) - s.teamPermanent[team]);
    return s.plan.agencyCoverShare(s.month, team) * vacancies
        + wf.agencyExtraFte() * s.plan.establishmentShare(s.month, team);
  }

  /**
   * After leavers and releases, a team may have fewer case holders than its share of staff:
   * workers who held no cases take up case holding (lowest index first) until it has them.
   * Surplus case holders are never demoted; attrition evens them out.
   */
  void keepCaseHolderShare(Draws d) {
    for (int t = 0; t < s.teams.length; t++) {
      double wanted = d.round(s.teams[t].caseHolderShare() * s.teamStaff[t]);
      for (int i = 0; i < w.size && s.teamHolders[t] < wanted - NEGLIGIBLE; i++) {
        if (w.team[i] == t && !w.holder[i]) {
          promote(i, Math.min(w.weight[i], wanted - s.teamHolders[t]));
        }
      }
    }
  }

  private void promote(int i, double promoted) {
    int holder = i;
    if (promoted < w.weight[i]) {
      holder = w.add(w.team[i], w.agency[i], false, promoted, w.tenure[i], w.nqLeft[i]);
      w.weight[i] -= promoted;
      allocation.ensureCapacity(w.capacity());
    }
    w.holder[holder] = true;
    s.teamHolders[w.team[holder]] += promoted;
  }

  /** Case holders are absent this month with the absence share's chance. */
  void drawAbsence(Draws d) {
    double share = workforce().absenceShare();
    // Case holders listed first without a branch per worker (holders and others are
    // interleaved, so a branch is mispredicted often); the same draws in the same order.
    int[] holders = w.scratch();
    int m = 0;
    for (int i = 0; i < w.size; i++) {
      w.absent[i] = 0;
      holders[m] = i;
      m += w.holder[i] ? 1 : 0;
    }
    for (int j = 0; j < m; j++) {
      int i = holders[j];
      w.absent[i] = d.at(RandomProcess.ABSENCE, s.key(Purpose.ABSENT, w.id[i]))
          .occurs(w.weight[i], share);
    }
  }

  /**
   * {@code count} workers join {@code team}, one at a time when sampled; each holds cases if
   * the team has fewer case holders than its share.
   */
  void join(Draws d, int team, boolean agency, double count, int tenure, int nqMonths) {
    for (double left = count; left > 0; ) {
      double unit = d.unit(left);
      double holders = Math.max(0, Math.min(unit,
          d.round(s.teams[team].caseHolderShare() * (s.teamStaff[team] + unit))
              - s.teamHolders[team]));
      if (holders > 0) {
        w.add(team, agency, true, holders, tenure, nqMonths);
      }
      if (unit - holders > 0) {
        w.add(team, agency, false, unit - holders, tenure, nqMonths);
      }
      s.teamStaff[team] += unit;
      if (agency) {
        s.teamAgency[team] += unit;
      } else {
        s.teamPermanent[team] += unit;
      }
      s.teamHolders[team] += holders;
      left -= unit;
    }
    allocation.ensureCapacity(w.capacity());
  }

  /** Takes {@code gone} workers out of entity {@code i}; their cases return to the queues. */
  void release(int i, double gone) {
    double fraction = gone >= w.weight[i] ? 1 : gone / w.weight[i];
    for (CaseKind kind : CaseKind.ALL) {
      double[] held = w.of(kind);
      double returned = fraction == 1 ? held[i] : held[i] * fraction;
      s.queue(w.team[i], kind).add(returned);
      held[i] -= returned;
    }
    int team = w.team[i];
    s.teamStaff[team] -= gone;
    if (w.agency[i]) {
      s.teamAgency[team] -= gone;
    } else {
      s.teamPermanent[team] -= gone;
    }
    if (w.holder[i]) {
      s.teamHolders[team] -= gone;
    }
    if (fraction == 1) {
      w.remove(i);
    } else {
      w.weight[i] -= gone;
    }
  }

  private Workforce workforce() {
    return s.plan.scenario().parameters().workforce();
  }
}
