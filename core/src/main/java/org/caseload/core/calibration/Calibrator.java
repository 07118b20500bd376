package org.caseload.core.calibration;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.caseload.core.data.Area;
import org.caseload.core.data.DfeData;
import org.caseload.core.data.DfeTable;
import org.caseload.core.scenario.CaseCounts;
import org.caseload.core.scenario.Demand;
import org.caseload.core.scenario.Funding;
import org.caseload.core.scenario.Parameters;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.ScenarioValidator;
import org.caseload.core.scenario.Team;
import org.caseload.core.scenario.TeamRole;
import org.caseload.core.scenario.Uncertainty;
import org.caseload.core.scenario.WorkerCohort;
import org.caseload.core.scenario.Workforce;

/**
 * Builds a scenario at 30 September of a base year from the DfE figures of that year and
 * earlier (never later): the workforce, cases and flows, and the uncertainty of the rates.
 * The derivation is documented in {@code docs/calibration.md}; every figure that was missing
 * and replaced by a default is named in the notes.
 *
 * @implNote Stateless and thread-safe.
 */
public final class Calibrator {

  /** Years of history used for rates and their year-to-year variation. */
  static final int HISTORY = 3;
  /** Years of referrals used for the trend. */
  static final int TREND_YEARS = 6;

  private static final double STOCK_PER_ASSESSMENT_INFLOW = 0.55 / 0.818;

  private final DfeData data;
  private final Area area;
  private final int year;
  private final List<String> notes = new ArrayList<>();
  private final TreeSet<Integer> yearsRead = new TreeSet<>();

  private Calibrator(DfeData data, Area area, int year) {
    this.data = data;
    this.area = area;
    this.year = year;
  }

  /**
   * Calibrates {@code area} at 30 September {@code year}.
   *
   * @throws IllegalArgumentException if the workforce figures of that year are missing
   */
  public static Calibration calibrate(DfeData data, Area area, int year, int horizonMonths) {
    return new Calibrator(data, area, year).build(horizonMonths);
  }

  private double workforce(String column) {
    return read(DfeTable.WORKFORCE, year, column);
  }

  private double read(DfeTable table, int y, String column) {
    return read(area, table, y, column);
  }

  private double read(Area where, DfeTable table, int y, String column) {
    if (y > year) {
      throw new IllegalStateException("calibration must not read " + y + " for base year "
          + year);
    }
    double v = data.value(table, where, y, column);
    if (!Double.isNaN(v) && where.equals(area)) {
      yearsRead.add(y);
    }
    return v;
  }

  private double orDefault(double value, double fallback, String what) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      notes.add(String.format(Locale.ROOT, "%s: not published for %s; default %s used", what,
          year, fallback));
      return fallback;
    }
    return value;
  }

  /** Values of a column over the history years up to the base year (missing ones skipped). */
  private SummaryStatistics history(DfeTable table, String column, double scale) {
    SummaryStatistics stats = new SummaryStatistics();
    for (int y = year - HISTORY + 1; y <= year; y++) {
      double v = read(table, y, column);
      if (!Double.isNaN(v)) {
        stats.addValue(v * scale);
      }
    }
    return stats;
  }

  private Calibration build(int horizonMonths) {
    double inPost = workforce("inpost_fte");
    double vacancies = workforce("vacancy_fte");
    double agency = workforce("agency_fte");
    if (Double.isNaN(inPost) || Double.isNaN(vacancies) || Double.isNaN(agency)) {
      List<Integer> published = data.years(DfeTable.WORKFORCE, area);
      throw new IllegalArgumentException(area.name() + " " + year + ": the workforce figures"
          + " (in post, vacancies, agency FTE) are not published for that year"
          + (published.isEmpty() ? "" : " (published: " + published.get(0) + "-"
              + published.get(published.size() - 1) + ")"));
    }
    double holders = orDefault(workforce("case_holders_fte"), 0.53 * (inPost + agency),
        "case-holding FTE");
    double cases = orDefault(workforce("cases"), 16.6 * holders, "cases held");
    double starters = orDefault(workforce("starters_fte"), 0.16 * inPost, "starters");
    double absence = orDefault(workforce("absence_rate_fte"), 3.0, "absence rate") / 100;
    double cover = workforce("agency_cover_fte");

    // Demand, from the children in need year ending 31 March of the base year.
    double referrals = orDefault(read(DfeTable.REFERRALS, year, "referral_count"),
        cases * 1.5, "referrals");
    SummaryStatistics reReferral = history(DfeTable.REFERRALS, "rereferral_percent", 0.01);
    SummaryStatistics nfa = history(DfeTable.REFERRALS, "no_further_action_percent", 0.01);
    SummaryStatistics notInNeed = history(DfeTable.REFERRALS, "not_in_need_percent", 0.01);
    double reReferralShare = orDefault(mean(reReferral), 0.22, "re-referral share");
    double nfaShare = orDefault(mean(nfa), 0.076, "no further action share");
    double notInNeedShare = Math.min(orDefault(mean(notInNeed), 0.288, "not in need share"),
        0.95 - nfaShare);
    double monthly = referrals / 12;
    double baseMonthly = monthly * (1 - reReferralShare);
    Trend trend = trend();

    // Cases: assessments from the flow, the rest long-term, split by kind from the stocks.
    double assessments = Math.min(STOCK_PER_ASSESSMENT_INFLOW * monthly * (1 - nfaShare),
        0.5 * cases);
    double longTermHeld = cases - assessments;
    double newLongTermPerYear = referrals * (1 - nfaShare - notInNeedShare);
    double cpStock = read(DfeTable.PROTECTION_AT_31_MARCH, year, "CPP_At31");
    double cpStarts = read(DfeTable.PROTECTION_STARTS, year, "CPP_start");
    double cpShare = orDefault(ratio(cpStarts, newLongTermPerYear, 0.02, 0.6), 0.16,
        "child protection share of new cases (plans started / new cases)");
    double cpMonths = orDefault(ratio(cpStock * 12, cpStarts, 2, 36), 9.6,
        "child protection duration (plans at 31 March / plans started)");
    if (Double.isNaN(cpStock)) {
      cpStock = newLongTermPerYear * cpShare * cpMonths / 12;
    }
    double lacStock = read(DfeTable.LOOKED_AFTER, year, "looked_after_at_31_march");
    double lacStarts = read(DfeTable.LOOKED_AFTER, year, "started_to_be_looked_after");
    double lacShare = orDefault(ratio(lacStarts, newLongTermPerYear, 0.01, 0.4), 0.08,
        "looked-after share of new cases (starts are published from 2021)");
    double lacMonths = orDefault(ratio(lacStock * 12, lacStarts, 6, 120), 30,
        "looked-after duration (published from 2021)");
    if (Double.isNaN(lacStock)) {
      lacStock = newLongTermPerYear * lacShare * lacMonths / 12;
    }
    lacShare = Math.min(lacShare, 0.95 - cpShare);
    double cinAt31 = read(DfeTable.CHILDREN_IN_NEED, year, "At31_episodes");
    double cinStock = Double.isNaN(cinAt31) ? longTermHeld - cpStock - lacStock
        : cinAt31 - cpStock - lacStock;
    cinStock = Math.max(cinStock, 0.1 * longTermHeld);
    double cinNewPerMonth = newLongTermPerYear * (1 - cpShare - lacShare) / 12;
    double cinMonths = clamp(cinStock / Math.max(cinNewPerMonth, 1e-9), 2, 60);
    double stocks = cpStock + lacStock + cinStock;
    // The children in need census (31 March) and the cases workers hold (30 September) are
    // counted differently; durations are scaled so that the stock the flows sustain is the
    // cases held, which anchors the caseload to the workforce return.
    double scale = clamp(longTermHeld / stocks, 0.3, 3);
    cpMonths = clamp(cpMonths * scale, 1, 600);
    lacMonths = clamp(lacMonths * scale, 1, 600);
    cinMonths = clamp(cinMonths * scale, 1, 600);
    notes.add(String.format(Locale.ROOT, "durations scaled by %.2f so the long-term cases"
        + " held (%.0f) are the stock the flows sustain (census stock %.0f)", scale,
        longTermHeld, stocks));
    int cp = (int) Math.round(longTermHeld * cpStock / stocks);
    int lac = (int) Math.round(longTermHeld * lacStock / stocks);
    int cin = (int) Math.max(0, Math.round(longTermHeld) - cp - lac);
    double waiting = read(DfeTable.CHILDREN_IN_NEED, year, "awaiting_assessment");
    int queue = Double.isNaN(waiting) ? 0 : (int) Math.round(waiting);

    // Workforce flows: this area's rates over the history years, pooled with England's.
    SummaryStatistics turnover = new SummaryStatistics();
    SummaryStatistics fill = new SummaryStatistics();
    double staffYears = flows(area, turnover, fill);
    SummaryStatistics englandTurnover = new SummaryStatistics();
    SummaryStatistics englandFill = new SummaryStatistics();
    Area england = england();
    if (england != null && !england.equals(area)) {
      flows(england, englandTurnover, englandFill);
    }
    double caseload = cases / Math.max(holders, 1);
    Workforce defaults = Workforce.defaults();
    double pressure = Math.exp(defaults.pressureBeta()
        * Math.max(0, caseload - defaults.caseloadReference()));
    // A council's own rates are noisy (a few hundred staff, three years): they are shrunk
    // towards England's with weight staff-years / (staff-years + POOLING_STAFF_YEARS).
    double weight = staffYears / (staffYears + POOLING_STAFF_YEARS);
    double annualTurnover = pool(orDefault(mean(turnover), 0.172, "turnover"),
        mean(englandTurnover), weight) / pressure;
    // Like turnover, the fill probability is a mean over the history years: one year's
    // starters are too noisy to project (the backtest in docs/backtest.md says so).
    double fillProbability = pool(orDefault(mean(fill), orDefault(fillProbability(starters,
        vacancies), 0.05, "fill probability"), "fill probability history"), mean(englandFill),
        weight);
    notes.add(String.format(Locale.ROOT, "turnover and fill probability: %.0f%% this area's"
        + " own (%.0f staff-years), %.0f%% England's", 100 * weight, staffYears,
        100 * (1 - weight)));
    double coverShare = Double.isNaN(cover) || vacancies <= 0 ? defaults.agencyCoverShare()
        : clamp(cover / vacancies, 0, 1);
    double extraAgency = Double.isNaN(cover) ? 0 : Math.max(0, agency - cover);
    double pipeline = starters / 12 * defaults.hireDelayMonths();

    Demand demand = Demand.builder(baseMonthly)
        .annualGrowth(trend.growth())
        .overdispersion(0.01)
        .seasonality(Demand.FLAT_SEASON)
        .nfaShare(nfaShare)
        .notInNeedShare(notInNeedShare)
        .reReferralShare(clamp(reReferralShare, 0, 0.9))
        .reReferralDelayMonths(4)
        .childProtectionShare(cpShare)
        .lookedAfterShare(lacShare)
        .assessmentSameMonthShare(0.45)
        .assessmentLaterHazard(0.818)
        .childProtectionMonths(cpMonths)
        .lookedAfterMonths(lacMonths)
        .childInNeedMonths(cinMonths)
        .build();
    Workforce workforce = Workforce.builder()
        .annualTurnover(annualTurnover)
        .earlyTenureMonths(24)
        .earlyTenureFactor(1)
        .laterTenureFactor(1)
        .pressureBeta(defaults.pressureBeta())
        .caseloadReference(defaults.caseloadReference())
        .agencyAnnualTurnover(defaults.agencyAnnualTurnover())
        .fillProbability(clamp(fillProbability, 0, 0.9))
        .hireDelayMonths(defaults.hireDelayMonths())
        .nqCohortPerYear(0)
        .nqCapShare(defaults.nqCapShare())
        .nqProtectionLapses(false)
        .allowOverCap(true)
        .absenceShare(clamp(absence, 0, 0.5))
        .agencyCoverShare(coverShare)
        .agencyExtraFte(extraAgency)
        .agencyStartProbability(defaults.agencyStartProbability())
        .agencyCapFte(Double.POSITIVE_INFINITY)
        .build();
    List<Team> teams = teams(inPost, vacancies, agency, holders, cases, starters, pipeline,
        assessments, caseload, cp, lac, cin);
    List<Uncertainty> uncertainty = new ArrayList<>();
    uncertainty.add(new Uncertainty(Uncertainty.Parameter.referralLevel, trend.levelSd()));
    uncertainty.add(new Uncertainty(Uncertainty.Parameter.referralGrowth, trend.growthSd()));
    addSd(uncertainty, Uncertainty.Parameter.nfaShare, nfa);
    addSd(uncertainty, Uncertainty.Parameter.notInNeedShare, notInNeed);
    addSd(uncertainty, Uncertainty.Parameter.annualTurnover, turnover, 1 / pressure);
    addSd(uncertainty, Uncertainty.Parameter.fillProbability, fill);
    SummaryStatistics coverHistory = new SummaryStatistics();
    for (int y = year - HISTORY + 1; y <= year; y++) {
      double c = read(DfeTable.WORKFORCE, y, "agency_cover_fte");
      double v = read(DfeTable.WORKFORCE, y, "vacancy_fte");
      if (c >= 0 && v > 0) {
        coverHistory.addValue(Math.min(1, c / v));
      }
    }
    addSd(uncertainty, Uncertainty.Parameter.agencyCoverShare, coverHistory);
    Trend posts = establishmentTrend();
    uncertainty.add(new Uncertainty(Uncertainty.Parameter.establishmentGrowth,
        posts.growthSd()));
    Funding funding = Funding.defaults().withEstablishmentGrowth(posts.growth());
    Scenario scenario = new Scenario(area.name() + " at 30 September " + year,
        LocalDate.of(year, 9, 30), horizonMonths, teams, CaseCounts.of(queue, 0, 0, 0),
        new Parameters(demand, workforce, funding), List.of(), uncertainty);
    notes.add(0, String.format(Locale.ROOT, "%s at 30 September %d: %.1f FTE in post, %.1f"
        + " agency, %.1f vacancies, %.1f case holders, %.0f cases (caseload %.1f); %.0f"
        + " referrals in the year to 31 March %d, trend %+.1f%% a year (se %.1f%%)",
        area.name(), year, inPost, agency, vacancies, holders, cases, caseload, referrals, year,
        100 * trend.growth(), 100 * trend.growthSd()));
    return new Calibration(area, year, ScenarioValidator.requireValid(scenario),
        List.copyOf(yearsRead), notes);
  }

  /** Staff-years at which a council's own rates weigh as much as England's. */
  static final double POOLING_STAFF_YEARS = 300;

  /**
   * Adds {@code where}'s turnover and fill probability of each history year; returns the
   * staff-years (in-post FTE summed over those years) behind them.
   */
  private double flows(Area where, SummaryStatistics turnover, SummaryStatistics fill) {
    double staffYears = 0;
    for (int y = year - HISTORY + 1; y <= year; y++) {
      double in = read(where, DfeTable.WORKFORCE, y, "inpost_fte");
      double out = read(where, DfeTable.WORKFORCE, y, "leavers_fte");
      double start = read(where, DfeTable.WORKFORCE, y, "starters_fte");
      double vac = read(where, DfeTable.WORKFORCE, y, "vacancy_fte");
      if (in > 0 && out >= 0) {
        turnover.addValue(out / in);
        staffYears += in;
      }
      if (start >= 0 && vac >= 0) {
        fill.addValue(fillProbability(start, vac));
      }
    }
    return staffYears;
  }

  private Area england() {
    return data.areas().stream().filter(a -> a.level() == Area.Level.NATIONAL).findFirst()
        .orElse(null);
  }

  private static double pool(double own, double england, double weight) {
    return Double.isNaN(england) ? own : weight * own + (1 - weight) * england;
  }

  /** Monthly fill probability that gives the starters seen, given the vacancies. */
  private static double fillProbability(double starters, double vacancies) {
    double startsPerMonth = starters / 12;
    double pipeline = startsPerMonth * Workforce.defaults().hireDelayMonths();
    double open = Math.max(vacancies - pipeline, 1);
    return clamp(startsPerMonth / open, 0, 0.9);
  }

  private List<Team> teams(double inPost, double vacancies, double agency, double holders,
      double cases, double starters, double pipeline, double assessments, double caseload,
      int cp, int lac, int cin) {
    double share = clamp(holders / Math.max(inPost + agency, 1), 0.05, 1);
    double assessmentShare = clamp(assessments / Math.max(cases, 1), 0.02, 0.5);
    int cap = (int) Math.max(20, Math.ceil(caseload * 1.1));
    List<Team> teams = new ArrayList<>();
    for (TeamRole role : TeamRole.values()) {
      double part = role == TeamRole.ASSESSMENT ? assessmentShare : 1 - assessmentShare;
      int permanent = (int) Math.round(inPost * part);
      int recent = (int) Math.min(permanent, Math.round(starters * part));
      List<WorkerCohort> cohorts = List.of(WorkerCohort.of(recent, 6, false),
          WorkerCohort.of(permanent - recent, 48, false));
      CaseCounts held = role == TeamRole.ASSESSMENT
          ? CaseCounts.of((int) Math.round(assessments), 0, 0, 0) : CaseCounts.of(0, cp, lac, cin);
      int teamCap = role == TeamRole.ASSESSMENT ? cap + 3 : cap;
      teams.add(new Team(role == TeamRole.ASSESSMENT ? "assessment" : "longTerm", role,
          (inPost + vacancies) * part, share, teamCap, teamCap + 15, cohorts,
          (int) Math.round(agency * part), (int) Math.round(pipeline * part), held));
    }
    return teams;
  }

  /** Log-linear trend of referrals over up to six years to the base year. */
  private Trend trend() {
    SimpleRegression regression = new SimpleRegression();
    for (int y = year - TREND_YEARS + 1; y <= year; y++) {
      double r = read(DfeTable.REFERRALS, y, "referral_count");
      if (r > 0) {
        regression.addData(y, Math.log(r));
      }
    }
    if (regression.getN() < 3) {
      notes.add("referral trend: fewer than 3 years of referrals; no growth assumed, level"
          + " uncertain by 10%");
      return new Trend(0, 0.05, 0.1);
    }
    double slope = regression.getSlope();
    double se = regression.getSlopeStdErr();
    double residualSd = Math.sqrt(regression.getMeanSquareError());
    // The fitted growth is shrunk towards zero by its precision, so that one noisy year
    // does not become a steep trend (a James-Stein style weight).
    double weight = slope * slope / (slope * slope + se * se);
    double growth = clamp(Math.exp(weight * slope) - 1, -0.3, 0.5);
    notes.add(String.format(Locale.ROOT, "referral trend: log-linear fit over %d years gives"
        + " %+.1f%% a year (se %.1f%%), shrunk to %+.1f%% by its precision; residual sd %.1f%%",
        regression.getN(), 100 * (Math.exp(slope) - 1), 100 * se, 100 * growth,
        100 * residualSd));
    return new Trend(growth, clamp(se, 0.005, 0.3), clamp(residualSd, 0.02, 0.5));
  }

  /**
   * Growth of funded posts (in post + vacancies) from the years to the base year: the mean
   * annual log change, halved (posts are added in steps that rarely repeat), with the
   * year-to-year spread of the changes, at least 3%, as its uncertainty.
   */
  private Trend establishmentTrend() {
    SummaryStatistics changes = new SummaryStatistics();
    double previous = Double.NaN;
    for (int y = year - TREND_YEARS + 1; y <= year; y++) {
      double posts = read(DfeTable.WORKFORCE, y, "inpost_fte")
          + read(DfeTable.WORKFORCE, y, "vacancy_fte");
      if (posts > 0 && previous > 0) {
        changes.addValue(Math.log(posts / previous));
      }
      previous = posts;
    }
    if (changes.getN() == 0) {
      notes.add("funded posts: one year of workforce figures; no growth assumed, uncertain by"
          + " 5% a year");
      return new Trend(0, 0.05, 0);
    }
    double growth = clamp(Math.exp(changes.getMean() / 2) - 1, -0.2, 0.2);
    double sd = clamp(changes.getN() >= 2 ? changes.getStandardDeviation() : 0.05, 0.03, 0.3);
    notes.add(String.format(Locale.ROOT, "funded posts: %+.1f%% a year over %d years, halved to"
        + " %+.1f%% (uncertain by %.1f%%)", 100 * (Math.exp(changes.getMean()) - 1),
        changes.getN(), 100 * growth, 100 * sd));
    return new Trend(growth, sd, 0);
  }

  private record Trend(double growth, double growthSd, double levelSd) {}

  private static void addSd(List<Uncertainty> list, Uncertainty.Parameter parameter,
      SummaryStatistics stats) {
    addSd(list, parameter, stats, 1);
  }

  private static void addSd(List<Uncertainty> list, Uncertainty.Parameter parameter,
      SummaryStatistics stats, double scale) {
    if (stats.getN() >= 2) {
      list.add(new Uncertainty(parameter, clamp(stats.getStandardDeviation() * scale, 0, 1)));
    }
  }

  private static double mean(SummaryStatistics stats) {
    return stats.getN() == 0 ? Double.NaN : stats.getMean();
  }

  private static double ratio(double numerator, double denominator, double min, double max) {
    if (Double.isNaN(numerator) || Double.isNaN(denominator) || denominator <= 0) {
      return Double.NaN;
    }
    return clamp(numerator / denominator, min, max);
  }

  private static double clamp(double value, double min, double max) {
    return Math.max(min, Math.min(max, value));
  }
}
