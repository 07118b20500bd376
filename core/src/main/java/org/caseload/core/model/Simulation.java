package org.caseload.core.model;

import java.util.Arrays;
import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.Trajectory;
import org.caseload.core.scenario.CaseCounts;
import org.caseload.core.scenario.Demand;
import org.caseload.core.scenario.Team;
import org.caseload.core.scenario.TeamRole;
import org.caseload.core.scenario.Workforce;
import org.caseload.core.scenario.WorkerCohort;

/**
 * One stochastic replication of a scenario, advanced a month at a time (docs/specification.md sections
 * 3-5): individual workers with tenure and caseloads, cases allocated to them under caps,
 * queues of unallocated cases, a hiring pipeline, agency cover and costs. Each random draw
 * comes from the sampler of its own {@link RandomProcess}, handed in by the caller.
 *
 * <p>Order within a month: queues age and tenure grows; permanent and agency workers leave
 * (their cases return to the queues); recruits start and posts are filled; agency cover is
 * adjusted; teams short of case holders make some (the case-holder share); absence is drawn; long-term cases close; referrals arrive and the front door
 * screens them; assessments complete, are allocated and open long-term cases; closed cases
 * may come back as re-referrals; long-term cases are allocated; metrics are recorded.
 *
 * <p>{@link #reset()} returns to the base state without allocating, so one instance serves
 * many replications.
 *
 * @implNote Mutable, not thread-safe: one instance per thread.
 */
public final class Simulation {

  // What keyed draws are for (see key()).
  private static final int LEAVE = 0;
  private static final int ABSENT = 1;
  private static final int CLOSE = 2;
  private static final int COMPLETE = 3;
  private static final int COMPLETE_NEW = 4;
  private static final int STARTS = 5;
  private static final int FILLS = 6;
  private static final int NEWLY_QUALIFIED = 7;
  private static final int AGENCY_STARTS = 8;
  private static final int QUEUES = 9;
  private static final int REFERRALS = 10;
  private static final int OUTCOMES = 11;
  private static final int FEEDBACK = 12;
  private static final int PURPOSES = 16;

  private MonthPlan plan;
  private final Team[] teams;
  private final TeamRole[] roles;
  private final Workers workers;
  private final CaseQueue assessmentQueue = new CaseQueue();
  private final CaseQueue[] longTermQueues = {new CaseQueue(), new CaseQueue(), new CaseQueue()};
  private final int[] pipeline;
  private final int[] leaverRing = new int[12];
  private LeavingHazards hazards;
  private final CaseMetrics caseMetrics = new CaseMetrics();
  private final Allocation allocation = new Allocation();
  private int reReferralPool;
  private int month;

  private long totalReferrals;
  private long totalNfa;
  private long totalNotInNeed;
  private long totalNewLongTerm;
  private long totalLongTermClosures;

  // Per-month flows, reset at the start of each step.
  private int referrals;
  private int reReferrals;
  private int nfa;
  private int completed;
  private int notInNeed;
  private int newLongTerm;
  private int closures;
  private int permanentLeavers;
  private int starters;

  // Scratch space, grown with the workforce.
  private final int[] teamPermanent;
  private final int[] teamAgency;
  private final int[] teamHolders;
  private final int[] teamStaff;
  private final double[] permanentFte;
  private final double[] agencyFte;

  private Simulation(MonthPlan plan) {
    this.plan = plan;
    this.teams = plan.scenario().teams().toArray(new Team[0]);
    this.roles = new TeamRole[teams.length];
    int initial = 0;
    double posts = 0;
    for (int i = 0; i < teams.length; i++) {
      roles[i] = teams[i].role();
      initial += teams[i].permanentCount() + teams[i].agencyWorkers();
      posts += teams[i].establishment();
    }
    this.workers = new Workers(initial + (int) Math.min(posts * 2, 1_000_000) + 16);
    this.pipeline = new int[teams.length];
    this.hazards = new LeavingHazards(plan);
    this.teamPermanent = new int[teams.length];
    this.teamAgency = new int[teams.length];
    this.teamHolders = new int[teams.length];
    this.teamStaff = new int[teams.length];
    this.permanentFte = new double[teams.length];
    this.agencyFte = new double[teams.length];
    reset();
  }

  /** A simulation of the plan's scenario, at its base state. */
  public static Simulation of(MonthPlan plan) {
    return new Simulation(plan);
  }

  /** The month last simulated (0 at the base state). */
  public int month() {
    return month;
  }

  public MonthPlan plan() {
    return plan;
  }

  /**
   * Returns to the base state under another plan of the same base state (the same teams and
   * workers, other parameters: a replication's draw of uncertain parameters), re-using this
   * simulation's storage.
   *
   * @throws IllegalArgumentException if the plan's teams differ
   */
  public void reset(MonthPlan other) {
    if (!other.scenario().teams().equals(plan.scenario().teams())
        || !other.scenario().queues().equals(plan.scenario().queues())) {
      throw new IllegalArgumentException("a simulation can only move to a plan of the same"
          + " base state");
    }
    plan = other;
    hazards = new LeavingHazards(other);
    reset();
  }

  /** Returns to the base state of the scenario. */
  public void reset() {
    month = 0;
    workers.clear();
    assessmentQueue.clear();
    for (CaseQueue queue : longTermQueues) {
      queue.clear();
    }
    Arrays.fill(teamPermanent, 0);
    Arrays.fill(teamAgency, 0);
    Arrays.fill(teamHolders, 0);
    Arrays.fill(teamStaff, 0);
    Arrays.fill(leaverRing, 0);
    totalReferrals = 0;
    totalNfa = 0;
    totalNotInNeed = 0;
    totalNewLongTerm = 0;
    totalLongTermClosures = 0;
    for (int t = 0; t < teams.length; t++) {
      Team team = teams[t];
      for (int c = 0; c < team.permanent().size(); c++) {
        WorkerCohort cohort = team.permanent().get(c);
        int nq = cohort.newlyQualified() ? 12 - cohort.tenureMonths() : 0;
        for (int k = 0; k < cohort.count(); k++) {
          join(t, false, cohort.tenureMonths(), nq);
        }
      }
      for (int k = 0; k < team.agencyWorkers(); k++) {
        join(t, true, 0, 0);
      }
      spreadInitialCases(t, team.cases());
      pipeline[t] = team.pipeline();
    }
    CaseCounts queues = plan.scenario().queues();
    assessmentQueue.add(queues.assessment());
    longTermQueues[0].add(queues.childProtection());
    longTermQueues[1].add(queues.lookedAfter());
    longTermQueues[2].add(queues.childInNeed());
    Demand demand = plan.scenario().parameters().demand();
    reReferralPool = (int) Math.round(steadyReReferralPool(demand));
  }

  /** The re-referral pool of a steady state at the base referral level. */
  static double steadyReReferralPool(Demand demand) {
    double share = demand.reReferralShare();
    return share * demand.baseMonthly() / (1 - share) * demand.reReferralDelayMonths();
  }

  private void spreadInitialCases(int team, CaseCounts cases) {
    int holders = 0;
    for (int i = 0; i < workers.size; i++) {
      if (workers.team[i] == team && workers.holder[i]) {
        holders++;
      }
    }
    if (holders == 0) {
      assessmentQueue.add(cases.assessment());
      longTermQueues[0].add(cases.childProtection());
      longTermQueues[1].add(cases.lookedAfter());
      longTermQueues[2].add(cases.childInNeed());
      return;
    }
    int rank = 0;
    for (int i = 0; i < workers.size; i++) {
      if (workers.team[i] != team || !workers.holder[i]) {
        continue;
      }
      workers.assessments[i] = evenShare(cases.assessment(), holders, rank);
      workers.childProtection[i] = evenShare(cases.childProtection(), holders, rank);
      workers.lookedAfter[i] = evenShare(cases.lookedAfter(), holders, rank);
      workers.childInNeed[i] = evenShare(cases.childInNeed(), holders, rank);
      rank++;
    }
  }

  private static int evenShare(int total, int holders, int rank) {
    return total / holders + (rank < total % holders ? 1 : 0);
  }

  /** Adds a worker; they hold cases if the team has fewer case holders than its share. */
  private void join(int team, boolean agency, int tenure, int nqMonths) {
    boolean holder = teamHolders[team]
        < Math.round(teams[team].caseHolderShare() * (teamStaff[team] + 1));
    workers.add(team, agency, holder, tenure, nqMonths);
    teamStaff[team]++;
    if (agency) {
      teamAgency[team]++;
    } else {
      teamPermanent[team]++;
    }
    if (holder) {
      teamHolders[team]++;
    }
    allocation.ensureCapacity(workers.capacity());
  }

  /**
   * Simulates the next month and writes its metrics into {@code out}, indexed by
   * {@link Metric#ordinal()}.
   */
  public void step(RandomSources sources, double[] out) {
    if (month >= plan.horizon()) {
      throw new IllegalStateException("the horizon of " + plan.horizon() + " months is reached");
    }
    month++;
    referrals = reReferrals = nfa = completed = notInNeed = newLongTerm = closures = 0;
    permanentLeavers = starters = 0;
    ageEverything();
    leave(sources);
    hire(sources.get(RandomProcess.HIRES));
    coverWithAgency(sources.get(RandomProcess.AGENCY));
    keepCaseHolderShare();
    drawAbsence(sources.get(RandomProcess.ABSENCE));
    closeLongTermCases(sources.get(RandomProcess.CLOSURES));
    receiveReferrals(sources);
    assess(sources.get(RandomProcess.ASSESSMENT));
    feedBackClosures(sources.get(RandomProcess.RE_REFERRALS));
    allocateLongTerm();
    leaverRing[month % 12] = permanentLeavers;
    record(out);
  }

  private void ageEverything() {
    assessmentQueue.age();
    for (CaseQueue queue : longTermQueues) {
      queue.age();
    }
    for (int i = 0; i < workers.size; i++) {
      workers.tenure[i]++;
      if (workers.nqLeft[i] > 0) {
        workers.nqLeft[i]--;
      }
    }
  }

  private void leave(RandomSources sources) {
    Sampler permanent = sources.get(RandomProcess.LEAVERS);
    Sampler agency = sources.get(RandomProcess.AGENCY);
    double agencyHazard = plan.agencyLeavingHazard();
    double earlyMonths = plan.scenario().parameters().workforce().earlyTenureMonths();
    hazards.startMonth(month);
    for (int i = workers.size - 1; i >= 0; i--) {
      boolean leaves;
      long key = key(LEAVE, workers.id[i]);
      if (workers.agency[i]) {
        leaves = agency.at(key).uniform() < agencyHazard;
      } else {
        leaves = permanent.at(key).uniform()
            < hazards.of(workers.tenure[i] < earlyMonths, workers.load(i));
        if (leaves) {
          permanentLeavers++;
        }
      }
      if (leaves) {
        release(i);
      }
    }
  }

  /**
   * The key of a group of draws this month (see {@link Sampler#at}): what it is for and
   * whom it concerns (a worker's id, a team's index, or 0 for the whole service).
   */
  private long key(int purpose, long entity) {
    return ((entity * PURPOSES + purpose) << 8) | month;
  }

  /** Returns worker {@code i}'s cases to the queues and removes the worker. */
  private void release(int i) {
    assessmentQueue.add(workers.assessments[i]);
    longTermQueues[0].add(workers.childProtection[i]);
    longTermQueues[1].add(workers.lookedAfter[i]);
    longTermQueues[2].add(workers.childInNeed[i]);
    int team = workers.team[i];
    teamStaff[team]--;
    if (workers.agency[i]) {
      teamAgency[team]--;
    } else {
      teamPermanent[team]--;
    }
    if (workers.holder[i]) {
      teamHolders[team]--;
    }
    workers.remove(i);
  }

  private int openPosts(int team) {
    double open = plan.establishment(month, team) - teamPermanent[team] - pipeline[team];
    return (int) Math.max(0, Math.floor(open + 1e-9));
  }

  private void hire(Sampler hires) {
    Workforce w = plan.scenario().parameters().workforce();
    double startProbability = 1 / w.hireDelayMonths();
    for (int t = 0; t < teams.length; t++) {
      int starting = hires.at(key(STARTS, t)).binomial(pipeline[t], startProbability);
      pipeline[t] -= starting;
      for (int k = 0; k < starting; k++) {
        join(t, false, 0, 0);
      }
      starters += starting;
    }
    for (int t = 0; t < teams.length; t++) {
      int filled = hires.at(key(FILLS, t)).binomial(openPosts(t), plan.fillProbability(month));
      pipeline[t] += filled;
    }
    double intake = plan.nqIntakeShare(month) * plan.nqCohortPerYear(month);
    if (intake > 0) {
      int arrivals = hires.at(key(NEWLY_QUALIFIED, 0)).poisson(intake);
      for (int k = 0; k < arrivals; k++) {
        int best = -1;
        int bestOpen = 0;
        for (int t = 0; t < teams.length; t++) {
          int open = openPosts(t);
          if (open > bestOpen) {
            best = t;
            bestOpen = open;
          }
        }
        if (best < 0) {
          break;
        }
        join(best, false, 0, 12);
        starters++;
      }
    }
  }

  private void coverWithAgency(Sampler agency) {
    Workforce w = plan.scenario().parameters().workforce();
    double wanted = 0;
    for (int t = 0; t < teams.length; t++) {
      wanted += agencyWanted(t, w);
    }
    double scale = wanted > plan.agencyCapFte(month) ? plan.agencyCapFte(month) / wanted : 1;
    for (int t = 0; t < teams.length; t++) {
      int target = (int) Math.round(agencyWanted(t, w) * scale);
      int have = teamAgency[t];
      if (have < target) {
        int starting = agency.at(key(AGENCY_STARTS, t))
            .binomial(target - have, w.agencyStartProbability());
        for (int k = 0; k < starting; k++) {
          join(t, true, 0, 0);
        }
      } else if (have > target) {
        int excess = have - target;
        for (int i = workers.size - 1; i >= 0 && excess > 0; i--) {
          if (workers.team[i] == t && workers.agency[i]) {
            release(i);
            excess--;
          }
        }
      }
    }
  }

  private double agencyWanted(int team, Workforce w) {
    double vacancies = Math.max(0, plan.establishment(month, team) - teamPermanent[team]);
    return plan.agencyCoverShare(month) * vacancies
        + w.agencyExtraFte() * plan.establishmentShare(month, team);
  }

  /**
   * After leavers and releases, a team may have fewer case holders than its share of staff:
   * workers who held no cases take up case holding (lowest index first) until it has them.
   * Surplus case holders are never demoted; attrition evens them out.
   */
  private void keepCaseHolderShare() {
    for (int t = 0; t < teams.length; t++) {
      long wanted = Math.round(teams[t].caseHolderShare() * teamStaff[t]);
      for (int i = 0; i < workers.size && teamHolders[t] < wanted; i++) {
        if (workers.team[i] == t && !workers.holder[i]) {
          workers.holder[i] = true;
          teamHolders[t]++;
        }
      }
    }
  }

  private void drawAbsence(Sampler absence) {
    double share = plan.scenario().parameters().workforce().absenceShare();
    for (int i = 0; i < workers.size; i++) {
      workers.absent[i] = workers.holder[i]
          && absence.at(key(ABSENT, workers.id[i])).uniform() < share;
    }
  }

  private void closeLongTermCases(Sampler sampler) {
    double cp = plan.closureHazard(CaseKind.CHILD_PROTECTION);
    double lac = plan.closureHazard(CaseKind.LOOKED_AFTER);
    double cin = plan.closureHazard(CaseKind.CHILD_IN_NEED);
    for (int i = 0; i < workers.size; i++) {
      if (workers.childProtection[i] + workers.lookedAfter[i] + workers.childInNeed[i] == 0) {
        continue;
      }
      sampler.at(key(CLOSE, workers.id[i]));
      int a = sampler.binomial(workers.childProtection[i], cp);
      int b = sampler.binomial(workers.lookedAfter[i], lac);
      int c = sampler.binomial(workers.childInNeed[i], cin);
      workers.childProtection[i] -= a;
      workers.lookedAfter[i] -= b;
      workers.childInNeed[i] -= c;
      closures += a + b + c;
    }
    sampler.at(key(QUEUES, 0));
    closures += longTermQueues[0].takeOldest(sampler.binomial(longTermQueues[0].total(), cp));
    closures += longTermQueues[1].takeOldest(sampler.binomial(longTermQueues[1].total(), lac));
    closures += longTermQueues[2].takeOldest(sampler.binomial(longTermQueues[2].total(), cin));
    totalLongTermClosures += closures;
  }

  private void receiveReferrals(RandomSources sources) {
    Demand demand = plan.scenario().parameters().demand();
    reReferrals = sources.get(RandomProcess.RE_REFERRALS).at(key(REFERRALS, 0))
        .binomial(reReferralPool, 1 / demand.reReferralDelayMonths());
    reReferralPool -= reReferrals;
    Sampler external = sources.get(RandomProcess.REFERRALS).at(key(REFERRALS, 0));
    referrals = external.negativeBinomial(plan.referralMean(month), demand.overdispersion())
        + reReferrals;
    nfa = external.binomial(referrals, plan.nfaShare(month));
    assessmentQueue.add(referrals - nfa);
    totalReferrals += referrals;
    totalNfa += nfa;
  }

  private void assess(Sampler sampler) {
    Demand demand = plan.scenario().parameters().demand();
    for (int i = 0; i < workers.size; i++) {
      if (workers.assessments[i] > 0) {
        int done = sampler.at(key(COMPLETE, workers.id[i]))
            .binomial(workers.assessments[i], demand.assessmentLaterHazard());
        workers.assessments[i] -= done;
        completed += done;
      }
    }
    int m = allocation.allocate(workers, roles, plan, month, TeamRole.ASSESSMENT,
        assessmentQueue.total());
    int[] eligible = allocation.eligible;
    int[] give = allocation.give;
    assessmentQueue.takeOldest(allocation.given(m));
    for (int k = 0; k < m; k++) {
      if (give[k] > 0) {
        int i = eligible[k];
        int done = sampler.at(key(COMPLETE_NEW, workers.id[i]))
            .binomial(give[k], demand.assessmentSameMonthShare());
        workers.assessments[i] += give[k] - done;
        completed += done;
      }
    }
    sampler.at(key(OUTCOMES, 0));
    notInNeed = sampler.binomial(completed, plan.notInNeedGivenAssessed(month));
    newLongTerm = completed - notInNeed;
    int cp = sampler.binomial(newLongTerm, demand.childProtectionShare());
    double lacGivenNotCp = demand.childProtectionShare() >= 1 ? 0
        : Math.min(1, demand.lookedAfterShare() / (1 - demand.childProtectionShare()));
    int lac = sampler.binomial(newLongTerm - cp, lacGivenNotCp);
    longTermQueues[0].add(cp);
    longTermQueues[1].add(lac);
    longTermQueues[2].add(newLongTerm - cp - lac);
    totalNotInNeed += notInNeed;
    totalNewLongTerm += newLongTerm;
  }

  private void feedBackClosures(Sampler sampler) {
    int closed = nfa + notInNeed + closures;
    reReferralPool += sampler.at(key(FEEDBACK, 0)).binomial(closed,
        plan.scenario().parameters().demand().reReferralShare());
  }

  private void allocateLongTerm() {
    int waiting = longTermQueues[0].total() + longTermQueues[1].total()
        + longTermQueues[2].total();
    int m = allocation.allocate(workers, roles, plan, month, TeamRole.LONG_TERM, waiting);
    int[] eligible = allocation.eligible;
    int[] give = allocation.give;
    for (int k = 0; k < m; k++) {
      int i = eligible[k];
      int left = give[k];
      int cp = longTermQueues[0].takeOldest(left);
      left -= cp;
      int lac = longTermQueues[1].takeOldest(left);
      left -= lac;
      int cin = longTermQueues[2].takeOldest(left);
      workers.childProtection[i] += cp;
      workers.lookedAfter[i] += lac;
      workers.childInNeed[i] += cin;
    }
  }

  private void record(double[] out) {
    int holders = 0;
    int inPipeline = 0;
    for (int t = 0; t < teams.length; t++) {
      permanentFte[t] = teamPermanent[t];
      agencyFte[t] = teamAgency[t];
      holders += teamHolders[t];
      inPipeline += pipeline[t];
    }
    Accounts.record(plan, month, permanentFte, agencyFte, holders, starters, permanentLeavers,
        leaversLastYear(), inPipeline, out);
    caseMetrics.record(workers, roles, assessmentQueue, longTermQueues, out);
    put(out, Metric.referrals, referrals);
    put(out, Metric.reReferrals, reReferrals);
    put(out, Metric.nfa, nfa);
    put(out, Metric.assessmentsCompleted, completed);
    put(out, Metric.notInNeed, notInNeed);
    put(out, Metric.newLongTermCases, newLongTerm);
    put(out, Metric.longTermClosures, closures);
  }

  /** Permanent leavers in the last 12 months, annualised while fewer months have run. */
  private double leaversLastYear() {
    int sum = 0;
    for (int v : leaverRing) {
      sum += v;
    }
    int months = Math.min(month, 12);
    return months == 0 ? 0 : sum * 12.0 / months;
  }

  private static void put(double[] out, Metric metric, double value) {
    Accounts.put(out, metric, value);
  }

  /** Runs a fresh replication over the whole horizon with {@code sources}. */
  public Trajectory run(RandomSources sources) {
    reset();
    double[][] rows = new double[plan.horizon()][Metric.COUNT];
    for (int t = 0; t < plan.horizon(); t++) {
      step(sources, rows[t]);
    }
    return Trajectory.of(plan.scenario().baseDate(), rows);
  }

  // For checks and tests ----------------------------------------------------------------

  /** Children referred since the base date, re-referrals included. */
  public long totalReferrals() {
    return totalReferrals;
  }

  /** Referrals closed at the front door since the base date. */
  public long totalNfa() {
    return totalNfa;
  }

  /** Assessments that found the child not in need since the base date. */
  public long totalNotInNeed() {
    return totalNotInNeed;
  }

  /** Long-term cases opened since the base date. */
  public long totalNewLongTerm() {
    return totalNewLongTerm;
  }

  /** Long-term cases closed since the base date. */
  public long totalLongTermClosures() {
    return totalLongTermClosures;
  }

  /** Open cases now by kind, allocated and waiting. */
  public CaseCounts openCases() {
    int a = assessmentQueue.total();
    int cp = longTermQueues[0].total();
    int lac = longTermQueues[1].total();
    int cin = longTermQueues[2].total();
    for (int i = 0; i < workers.size; i++) {
      a += workers.assessments[i];
      cp += workers.childProtection[i];
      lac += workers.lookedAfter[i];
      cin += workers.childInNeed[i];
    }
    return CaseCounts.of(a, cp, lac, cin);
  }

  /** Cases held by workers who are not case holders, or of a kind their team does not hold. */
  public int casesHeldOutOfRole() {
    int wrong = 0;
    for (int i = 0; i < workers.size; i++) {
      int load = workers.load(i);
      if (!workers.holder[i]) {
        wrong += load;
      }
      boolean assessmentTeam = roles[workers.team[i]] == TeamRole.ASSESSMENT;
      wrong += assessmentTeam ? load - workers.assessments[i] : workers.assessments[i];
    }
    return wrong;
  }

  /** The smallest count held anywhere in the state (negative would be a bug). */
  public int smallestCount() {
    int min = Math.min(reReferralPool, assessmentQueue.total());
    for (CaseQueue queue : longTermQueues) {
      min = Math.min(min, queue.total());
    }
    for (int p : pipeline) {
      min = Math.min(min, p);
    }
    for (int i = 0; i < workers.size; i++) {
      min = Math.min(min, Math.min(Math.min(workers.assessments[i], workers.childProtection[i]),
          Math.min(workers.lookedAfter[i], workers.childInNeed[i])));
    }
    return min;
  }
}
