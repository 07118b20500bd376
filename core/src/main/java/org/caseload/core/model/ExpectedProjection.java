package org.caseload.core.model;

import java.util.Arrays;
import org.caseload.core.metrics.DfeIndicators;
import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.Trajectory;
import org.caseload.core.scenario.CaseCounts;
import org.caseload.core.scenario.Demand;
import org.caseload.core.scenario.Team;
import org.caseload.core.scenario.TeamRole;
import org.caseload.core.scenario.Workforce;
import org.caseload.core.scenario.WorkerCohort;

/**
 * The same monthly model as {@link Simulation} with every random draw replaced by its
 * expectation and workers described by team averages (a mean-field projection): for previews
 * and for tests. Where the model is linear (caps and limits not binding, no caseload pressure)
 * it equals the mean of the simulation; elsewhere it is an approximation, and Monte Carlo is
 * the answer. Per-worker distribution metrics report the team average.
 *
 * @implNote Each call builds its own state; the class is stateless and thread-safe.
 */
public final class ExpectedProjection {

  private final MonthPlan plan;
  private final Team[] teams;
  private final int tenureBuckets;
  private final double[][] permanent;
  private final double[][] newlyQualified;
  private final double[] agency;
  private final double[] pipeline;
  private final double[][] held;
  private final FluidQueue assessmentQueue = new FluidQueue();
  private final FluidQueue[] longTermQueues = {new FluidQueue(), new FluidQueue(),
      new FluidQueue()};
  private final double[] leaverRing = new double[12];
  private double reReferralPool;
  private int month;

  private double referrals;
  private double reReferrals;
  private double nfa;
  private double completed;
  private double notInNeed;
  private double newLongTerm;
  private double closures;
  private double leavers;
  private double starters;

  private ExpectedProjection(MonthPlan plan) {
    this.plan = plan;
    this.teams = plan.scenario().teams().toArray(new Team[0]);
    Workforce w = plan.scenario().parameters().workforce();
    this.tenureBuckets = (int) Math.max(13, Math.ceil(w.earlyTenureMonths()) + 1);
    this.permanent = new double[teams.length][tenureBuckets];
    this.newlyQualified = new double[teams.length][tenureBuckets];
    this.agency = new double[teams.length];
    this.pipeline = new double[teams.length];
    this.held = new double[teams.length][CaseKind.values().length];
    for (int t = 0; t < teams.length; t++) {
      for (WorkerCohort c : teams[t].permanent()) {
        int b = Math.min(c.tenureMonths(), tenureBuckets - 1);
        permanent[t][b] += c.count();
        if (c.newlyQualified()) {
          newlyQualified[t][b] += c.count();
        }
      }
      agency[t] = teams[t].agencyWorkers();
      pipeline[t] = teams[t].pipeline();
      CaseCounts cases = teams[t].cases();
      held[t][CaseKind.ASSESSMENT.ordinal()] = cases.assessment();
      held[t][CaseKind.CHILD_PROTECTION.ordinal()] = cases.childProtection();
      held[t][CaseKind.LOOKED_AFTER.ordinal()] = cases.lookedAfter();
      held[t][CaseKind.CHILD_IN_NEED.ordinal()] = cases.childInNeed();
    }
    CaseCounts queues = plan.scenario().queues();
    assessmentQueue.add(queues.assessment());
    longTermQueues[0].add(queues.childProtection());
    longTermQueues[1].add(queues.lookedAfter());
    longTermQueues[2].add(queues.childInNeed());
    reReferralPool = Simulation.steadyReReferralPool(plan.scenario().parameters().demand());
  }

  /** The expected-value projection of the plan's scenario over its whole horizon. */
  public static Trajectory of(MonthPlan plan) {
    ExpectedProjection projection = new ExpectedProjection(plan);
    double[][] rows = new double[plan.horizon()][Metric.COUNT];
    for (int t = 0; t < plan.horizon(); t++) {
      projection.step(rows[t]);
    }
    return Trajectory.of(plan.scenario().baseDate(), rows);
  }

  private void step(double[] out) {
    month++;
    referrals = reReferrals = nfa = completed = notInNeed = newLongTerm = closures = 0;
    leavers = starters = 0;
    assessmentQueue.age();
    for (FluidQueue queue : longTermQueues) {
      queue.age();
    }
    ageTenure();
    leave();
    hire();
    coverWithAgency();
    closeLongTermCases();
    receiveReferrals();
    assess();
    Demand demand = plan.scenario().parameters().demand();
    reReferralPool += (nfa + notInNeed + closures) * demand.reReferralShare();
    allocateLongTerm();
    leaverRing[month % 12] = leavers;
    record(out);
  }

  private void ageTenure() {
    for (int t = 0; t < teams.length; t++) {
      shift(permanent[t]);
      shift(newlyQualified[t]);
      newlyQualified[t][12] = 0;
      for (int b = 13; b < tenureBuckets; b++) {
        newlyQualified[t][b] = 0;
      }
    }
  }

  private static void shift(double[] byTenure) {
    int last = byTenure.length - 1;
    byTenure[last] += byTenure[last - 1];
    System.arraycopy(byTenure, 0, byTenure, 1, last - 1);
    byTenure[0] = 0;
  }

  private double permanentOf(int t) {
    return Arrays.stream(permanent[t]).sum();
  }

  private double heldOf(int t, boolean assessment) {
    return assessment ? held[t][0] : held[t][1] + held[t][2] + held[t][3];
  }

  private double holdersOf(int t) {
    return teams[t].caseHolderShare() * (permanentOf(t) + agency[t]);
  }

  private double averageLoad(int t) {
    double holders = holdersOf(t);
    return holders <= 0 ? 0 : (held[t][0] + held[t][1] + held[t][2] + held[t][3]) / holders;
  }

  private void leave() {
    Workforce w = plan.scenario().parameters().workforce();
    for (int t = 0; t < teams.length; t++) {
      double share = teams[t].caseHolderShare();
      double load = averageLoad(t);
      double holdersLeaving = 0;
      for (int b = 0; b < tenureBuckets; b++) {
        double factor = b < w.earlyTenureMonths() ? w.earlyTenureFactor() : w.laterTenureFactor();
        double hHolder = plan.leavingHazard(month, factor, load);
        double hOther = plan.leavingHazard(month, factor, 0.0);
        double gone = permanent[t][b] * (share * hHolder + (1 - share) * hOther);
        double nqGone = newlyQualified[t][b] * (share * hHolder + (1 - share) * hOther);
        holdersLeaving += permanent[t][b] * share * hHolder;
        permanent[t][b] -= gone;
        newlyQualified[t][b] -= nqGone;
        leavers += gone;
      }
      double agencyGone = agency[t] * plan.agencyLeavingHazard();
      agency[t] -= agencyGone;
      holdersLeaving += agencyGone * share;
      returnCases(t, holdersLeaving * load);
    }
  }

  /** Returns {@code cases} of team t's average mix to the queues. */
  private void returnCases(int t, double cases) {
    double total = held[t][0] + held[t][1] + held[t][2] + held[t][3];
    if (total <= 0 || cases <= 0) {
      return;
    }
    double fraction = Math.min(1, cases / total);
    assessmentQueue.add(held[t][0] * fraction);
    for (int k = 1; k < 4; k++) {
      longTermQueues[k - 1].add(held[t][k] * fraction);
    }
    for (int k = 0; k < 4; k++) {
      held[t][k] -= held[t][k] * fraction;
    }
  }

  private double openPosts(int t) {
    return Math.max(0, plan.establishment(month, t) - permanentOf(t) - pipeline[t]);
  }

  private void hire() {
    Workforce w = plan.scenario().parameters().workforce();
    for (int t = 0; t < teams.length; t++) {
      double starting = pipeline[t] / w.hireDelayMonths();
      pipeline[t] -= starting;
      permanent[t][0] += starting;
      starters += starting;
    }
    for (int t = 0; t < teams.length; t++) {
      pipeline[t] += openPosts(t) * plan.fillProbability(month);
    }
    double intake = plan.nqIntakeShare(month) * plan.nqCohortPerYear(month);
    double open = 0;
    for (int t = 0; t < teams.length; t++) {
      open += openPosts(t);
    }
    if (intake > 0 && open > 0) {
      double placed = Math.min(intake, open);
      double[] share = new double[teams.length];
      for (int t = 0; t < teams.length; t++) {
        share[t] = openPosts(t) / open;
      }
      for (int t = 0; t < teams.length; t++) {
        permanent[t][0] += placed * share[t];
        newlyQualified[t][0] += placed * share[t];
      }
      starters += placed;
    }
  }

  private void coverWithAgency() {
    Workforce w = plan.scenario().parameters().workforce();
    double[] wanted = new double[teams.length];
    double total = 0;
    for (int t = 0; t < teams.length; t++) {
      double vacancies = Math.max(0, plan.establishment(month, t) - permanentOf(t));
      wanted[t] = plan.agencyCoverShare(month) * vacancies
          + w.agencyExtraFte() * plan.establishmentShare(month, t);
      total += wanted[t];
    }
    double scale = total > plan.agencyCapFte(month) ? plan.agencyCapFte(month) / total : 1;
    for (int t = 0; t < teams.length; t++) {
      double target = wanted[t] * scale;
      if (agency[t] < target) {
        agency[t] += (target - agency[t]) * w.agencyStartProbability();
      } else if (agency[t] > target) {
        double load = averageLoad(t);
        double released = agency[t] - target;
        agency[t] = target;
        returnCases(t, released * teams[t].caseHolderShare() * load);
      }
    }
  }

  private void closeLongTermCases() {
    double[] hazard = {plan.closureHazard(CaseKind.CHILD_PROTECTION),
        plan.closureHazard(CaseKind.LOOKED_AFTER), plan.closureHazard(CaseKind.CHILD_IN_NEED)};
    for (int k = 0; k < 3; k++) {
      for (int t = 0; t < teams.length; t++) {
        double closed = held[t][k + 1] * hazard[k];
        held[t][k + 1] -= closed;
        closures += closed;
      }
      closures += longTermQueues[k].takeOldest(longTermQueues[k].total() * hazard[k]);
    }
  }

  private void receiveReferrals() {
    Demand demand = plan.scenario().parameters().demand();
    reReferrals = reReferralPool / demand.reReferralDelayMonths();
    reReferralPool -= reReferrals;
    referrals = plan.referralMean(month) + reReferrals;
    nfa = referrals * plan.nfaShare(month);
    assessmentQueue.add(referrals - nfa);
  }

  private void assess() {
    Demand demand = plan.scenario().parameters().demand();
    for (int t = 0; t < teams.length; t++) {
      double done = held[t][0] * demand.assessmentLaterHazard();
      held[t][0] -= done;
      completed += done;
    }
    double[] given = allocate(TeamRole.ASSESSMENT, assessmentQueue.total());
    double total = 0;
    for (int t = 0; t < teams.length; t++) {
      double done = given[t] * demand.assessmentSameMonthShare();
      held[t][0] += given[t] - done;
      completed += done;
      total += given[t];
    }
    assessmentQueue.takeOldest(total);
    notInNeed = completed * plan.notInNeedGivenAssessed(month);
    newLongTerm = completed - notInNeed;
    double cp = newLongTerm * demand.childProtectionShare();
    double lac = newLongTerm * demand.lookedAfterShare();
    longTermQueues[0].add(cp);
    longTermQueues[1].add(lac);
    longTermQueues[2].add(newLongTerm - cp - lac);
  }

  private void allocateLongTerm() {
    double waiting = 0;
    for (FluidQueue queue : longTermQueues) {
      waiting += queue.total();
    }
    double[] given = allocate(TeamRole.LONG_TERM, waiting);
    for (int t = 0; t < teams.length; t++) {
      double left = given[t];
      for (int k = 0; k < 3 && left > 0; k++) {
        double taken = longTermQueues[k].takeOldest(left);
        held[t][k + 1] += taken;
        left -= taken;
      }
    }
  }

  /**
   * Cases each team of {@code role} takes: its available case holders' room up to the cap
   * (newly qualified at their reduced cap), then, if cases still wait, up to the over-cap
   * limit; the room of absent workers is not used.
   */
  private double[] allocate(TeamRole role, double waiting) {
    Workforce w = plan.scenario().parameters().workforce();
    double available = 1 - w.absenceShare();
    double[] first = new double[teams.length];
    double[] second = new double[teams.length];
    double firstTotal = 0;
    double secondTotal = 0;
    for (int t = 0; t < teams.length; t++) {
      if (teams[t].role() != role) {
        continue;
      }
      double share = teams[t].caseHolderShare();
      double nq = Arrays.stream(newlyQualified[t]).sum() * share;
      double others = holdersOf(t) - nq;
      int cap = plan.cap(month, t);
      int pressured = w.allowOverCap() ? plan.hardLimit(month, t) : cap;
      double nqCap = Math.floor(w.nqCapShare() * cap);
      double load = heldOf(t, role == TeamRole.ASSESSMENT);
      double capacity = others * cap + nq * nqCap;
      double limit = others * pressured + nq * (w.nqProtectionLapses() ? pressured : nqCap);
      double turnover = role == TeamRole.ASSESSMENT ? assessmentTurnover() : 1;
      first[t] = available * Math.max(0, capacity - load) * turnover;
      second[t] = available * Math.max(0, limit - Math.max(load, capacity)) * turnover;
      firstTotal += first[t];
      secondTotal += second[t];
    }
    double[] given = new double[teams.length];
    double fromFirst = Math.min(waiting, firstTotal);
    double fromSecond = (w.allowOverCap() || w.nqProtectionLapses())
        ? Math.min(waiting - fromFirst, secondTotal) : 0;
    for (int t = 0; t < teams.length; t++) {
      given[t] = (firstTotal > 0 ? fromFirst * first[t] / firstTotal : 0)
          + (secondTotal > 0 ? fromSecond * second[t] / secondTotal : 0);
    }
    return given;
  }

  /** New assessments that one unit of room takes, as in {@link Simulation}. */
  private double assessmentTurnover() {
    double sameMonth = plan.scenario().parameters().demand().assessmentSameMonthShare();
    return sameMonth >= 0.999 ? 1000 : 1 / (1 - sameMonth);
  }

  private void record(double[] out) {
    Arrays.fill(out, 0);
    double[] permanentByTeam = new double[teams.length];
    double holders = 0;
    double heldTotal = 0;
    double heldAssessment = 0;
    double holdersAssessment = 0;
    double pipelineTotal = 0;
    double[] open = new double[4];
    for (int t = 0; t < teams.length; t++) {
      permanentByTeam[t] = permanentOf(t);
      double h = holdersOf(t);
      double load = heldOf(t, true) + heldOf(t, false);
      holders += h;
      heldTotal += load;
      if (teams[t].role() == TeamRole.ASSESSMENT) {
        holdersAssessment += h;
        heldAssessment += load;
      }
      pipelineTotal += pipeline[t];
      for (int k = 0; k < 4; k++) {
        open[k] += held[t][k];
      }
    }
    double leaversLastYear = Arrays.stream(leaverRing).sum() * 12.0 / Math.min(month, 12);
    Accounts.record(plan, month, permanentByTeam, agency.clone(), holders, starters, leavers,
        leaversLastYear, pipelineTotal, out);
    double waitingLongTerm = longTermQueues[0].total() + longTermQueues[1].total()
        + longTermQueues[2].total();
    double waiting = assessmentQueue.total() + waitingLongTerm;
    double waited = assessmentQueue.monthsWaited();
    for (FluidQueue queue : longTermQueues) {
      waited += queue.monthsWaited();
    }
    double caseload = DfeIndicators.caseload(heldTotal, holders);
    Accounts.put(out, Metric.referrals, referrals);
    Accounts.put(out, Metric.reReferrals, reReferrals);
    Accounts.put(out, Metric.nfa, nfa);
    Accounts.put(out, Metric.assessmentsCompleted, completed);
    Accounts.put(out, Metric.notInNeed, notInNeed);
    Accounts.put(out, Metric.newLongTermCases, newLongTerm);
    Accounts.put(out, Metric.longTermClosures, closures);
    Accounts.put(out, Metric.assessmentsOpen, open[0] + assessmentQueue.total());
    Accounts.put(out, Metric.childProtection, open[1] + longTermQueues[0].total());
    Accounts.put(out, Metric.lookedAfter, open[2] + longTermQueues[1].total());
    Accounts.put(out, Metric.childInNeed, open[3] + longTermQueues[2].total());
    Accounts.put(out, Metric.cases, heldTotal);
    Accounts.put(out, Metric.unallocatedAssessments, assessmentQueue.total());
    Accounts.put(out, Metric.unallocatedLongTerm, waitingLongTerm);
    Accounts.put(out, Metric.unallocatedCases, waiting);
    Accounts.put(out, Metric.meanWaitMonths, waiting <= 0 ? 0 : waited / waiting);
    Accounts.put(out, Metric.caseload, caseload);
    Accounts.put(out, Metric.caseloadAssessment,
        DfeIndicators.caseload(heldAssessment, holdersAssessment));
    Accounts.put(out, Metric.caseloadLongTerm,
        DfeIndicators.caseload(heldTotal - heldAssessment, holders - holdersAssessment));
    Accounts.put(out, Metric.caseloadMedian, caseload);
    Accounts.put(out, Metric.caseloadP90, caseload);
    Accounts.put(out, Metric.caseloadMax, caseload);
    Accounts.put(out, Metric.shareAbove20, caseload > 20 ? 1 : 0);
    Accounts.put(out, Metric.shareAbove25, caseload > 25 ? 1 : 0);
    Accounts.put(out, Metric.shareAbove30, caseload > 30 ? 1 : 0);
  }

  /** A queue of expected (fractional) cases by months waited. */
  private static final class FluidQueue {
    private final double[] byAge = new double[CaseQueue.MAX_AGE + 1];

    double total() {
      double sum = 0;
      for (double v : byAge) {
        sum += v;
      }
      return sum;
    }

    void add(double n) {
      byAge[0] += n;
    }

    double takeOldest(double n) {
      double left = Math.min(n, total());
      double taken = left;
      for (int age = CaseQueue.MAX_AGE; age >= 0 && left > 0; age--) {
        double t = Math.min(left, byAge[age]);
        byAge[age] -= t;
        left -= t;
      }
      return taken;
    }

    void age() {
      shift(byAge);
    }

    double monthsWaited() {
      double sum = 0;
      for (int age = 1; age < byAge.length; age++) {
        sum += age * byAge[age];
      }
      return sum;
    }
  }
}
