package org.caseload.core.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.caseload.core.data.Names;

/**
 * The monthly metrics, with the names used in files and APIs (docs/specification.md section 8). Flows
 * ({@code referrals}, {@code starters}, costs...) are totals for the month; stocks
 * ({@code cases}, {@code inPostFte}...) are at the month's end.
 */
public enum Metric {
  referrals("referrals in the month, re-referrals included", Unit.COUNT, Better.NEITHER),
  reReferrals("re-referrals of closed cases in the month", Unit.COUNT, Better.NEITHER),
  nfa("referrals ending in no further action", Unit.COUNT, Better.NEITHER),
  assessmentsCompleted("assessments completed in the month", Unit.COUNT, Better.NEITHER),
  notInNeed("completed assessments finding the child not in need", Unit.COUNT, Better.NEITHER),
  newLongTermCases("long-term cases opened in the month", Unit.COUNT, Better.NEITHER),
  longTermClosures("long-term cases closed in the month", Unit.COUNT, Better.NEITHER),
  assessmentsOpen("assessments open, allocated or waiting", Unit.COUNT, Better.NEITHER),
  childProtection("child protection cases open, allocated or waiting", Unit.COUNT, Better.NEITHER),
  lookedAfter("looked-after cases open, allocated or waiting", Unit.COUNT, Better.NEITHER),
  childInNeed("other child in need cases open, allocated or waiting", Unit.COUNT, Better.NEITHER),
  cases("cases held by case-holding workers (DfE 'cases')", Unit.COUNT, Better.NEITHER),
  unallocatedCases("cases waiting without an allocated social worker", Unit.COUNT, Better.LOWER),
  unallocatedAssessments("assessments waiting for a social worker", Unit.COUNT, Better.LOWER),
  unallocatedLongTerm("long-term cases waiting for a social worker", Unit.COUNT, Better.LOWER),
  meanWaitMonths("mean months the waiting cases have waited", Unit.MONTHS, Better.LOWER),
  caseload("cases per case-holding FTE, agency included (DfE average caseload)", Unit.CASELOAD, Better.LOWER),
  caseloadAssessment("caseload in assessment teams", Unit.CASELOAD, Better.LOWER),
  caseloadLongTerm("caseload in long-term teams", Unit.CASELOAD, Better.LOWER),
  caseloadMedian("median cases held by a case-holding worker", Unit.CASELOAD, Better.LOWER),
  caseloadP90("90th percentile of cases held by a case-holding worker", Unit.CASELOAD, Better.LOWER),
  caseloadMax("most cases held by one worker", Unit.CASELOAD, Better.LOWER),
  shareAbove20("share of case holders holding more than 20 cases", Unit.RATE, Better.LOWER),
  shareAbove25("share of case holders holding more than 25 cases", Unit.RATE, Better.LOWER),
  shareAbove30("share of case holders holding more than 30 cases", Unit.RATE, Better.LOWER),
  establishmentFte("funded posts", Unit.FTE, Better.NEITHER),
  inPostFte("permanent social workers in post", Unit.FTE, Better.HIGHER),
  agencyFte("agency social workers", Unit.FTE, Better.LOWER),
  vacancyFte("vacant posts, max(establishment - in post, 0) of each team, summed", Unit.FTE,
      Better.LOWER),
  caseHolderFte("case-holding FTE, permanent and agency", Unit.FTE, Better.NEITHER),
  vacancyRate("vacancies / (vacancies + in post)", Unit.RATE, Better.LOWER),
  agencyRate("agency / (agency + in post)", Unit.RATE, Better.LOWER),
  turnoverRate("permanent leavers in the last 12 months / in post (before month 12: the"
      + " months so far scaled to a year)", Unit.RATE, Better.LOWER),
  starters("permanent starters in the month", Unit.FTE, Better.HIGHER),
  leavers("permanent leavers in the month", Unit.FTE, Better.LOWER),
  pipelineFte("recruits who accepted and have not yet started", Unit.FTE, Better.NEITHER),
  costPermanent("permanent staff cost", Unit.MONEY, Better.LOWER),
  costAgency("agency staff cost", Unit.MONEY, Better.LOWER),
  costRecruitment("recruitment cost of the month's starters", Unit.MONEY, Better.LOWER),
  costInterventions("campaign and retention payments", Unit.MONEY, Better.LOWER),
  cost("total cost", Unit.MONEY, Better.LOWER),
  budget("establishment at permanent cost, plus intervention spend", Unit.MONEY, Better.NEITHER),
  budgetVariance("cost - budget (positive is overspend)", Unit.MONEY, Better.LOWER),
  vacancyUnderspend("budget of vacancies not covered by agency", Unit.MONEY, Better.LOWER),
  agencyOverspend("agency cost above the budget of the posts it covers", Unit.MONEY, Better.LOWER);

  /** Which way a planner wants a metric to move. */
  public enum Better {
    LOWER,
    HIGHER,
    NEITHER
  }

  private final String description;
  private final Unit unit;
  private final Better better;

  Metric(String description, Unit unit, Better better) {
    this.description = description;
    this.unit = unit;
    this.better = better;
  }

  /** Whether lower or higher values are better for planners (or neither, e.g. referrals). */
  public Better better() {
    return better;
  }

  public String description() {
    return description;
  }

  public Unit unit() {
    return unit;
  }

  /**
   * Whether the simulation's values are always whole numbers: counts of children and events,
   * the FTE of workers (each worker in the simulation is one FTE) and the median, 90th
   * percentile and largest of the cases workers hold, but not funded posts or vacancies
   * (establishments can be fractional).
   */
  public boolean wholeNumbers() {
    return switch (this) {
      case inPostFte, agencyFte, caseHolderFte, starters, leavers, pipelineFte -> true;
      // a sampled worker holds whole cases: the distribution's ranks and maximum are whole
      case caseloadMedian, caseloadP90, caseloadMax -> true;
      default -> unit == Unit.COUNT;
    };
  }

  /**
   * Whether this metric has a value in a month's {@code row}: a caseload, or a share of case
   * holders, needs someone holding cases (the service's {@link #caseHolderFte} above 0); where
   * nobody does the row reads 0, which is no caseload, and a target on it is not met (a council
   * of two social workers both gone had met "caseload <= 12" while children waited). A team's
   * caseload also has none where it reads 0 while cases of its kind wait: nobody in the team
   * was there to take them (Rutland's assessment team of one worker, gone, had met
   * "caseloadAssessment <= 30" in 99.5% of replications while assessments waited). A rate
   * has none where its denominator is 0 (an agency rate with nobody in post had read 0%).
   */
  public boolean definedIn(double[] row) {
    return switch (this) {
      case caseload, caseloadMedian, caseloadP90, caseloadMax, shareAbove20, shareAbove25,
          shareAbove30 -> row[caseHolderFte.ordinal()] > 0;
      case caseloadAssessment -> row[caseHolderFte.ordinal()] > 0
          && !(row[caseloadAssessment.ordinal()] == 0 && row[unallocatedAssessments.ordinal()] > 0);
      case caseloadLongTerm -> row[caseHolderFte.ordinal()] > 0
          && !(row[caseloadLongTerm.ordinal()] == 0 && row[unallocatedLongTerm.ordinal()] > 0);
      // a rate of nothing over nothing reads 0 (DfeIndicators), which is no rate
      case vacancyRate -> row[vacancyFte.ordinal()] + row[inPostFte.ordinal()] > 0;
      case agencyRate -> row[agencyFte.ordinal()] + row[inPostFte.ordinal()] > 0;
      case turnoverRate -> row[inPostFte.ordinal()] > 0;
      default -> true;
    };
  }

  /**
   * Where {@link #definedIn} finds no value, why, in words for the tables' notes ("nobody in
   * post, permanent or agency"); null for a metric that always has one.
   */
  public String whyNoValue() {
    return switch (this) {
      case caseload, caseloadMedian, caseloadP90, caseloadMax, shareAbove20, shareAbove25,
          shareAbove30 -> "nobody holds cases";
      case caseloadAssessment, caseloadLongTerm -> "its cases wait with nobody in its teams to"
          + " take them";
      case vacancyRate -> "no posts and nobody in post";
      case agencyRate -> "nobody in post, permanent or agency";
      case turnoverRate -> "no permanent worker in post";
      default -> null;
    };
  }

  /** The number of metrics, for arrays indexed by ordinal. */
  public static final int COUNT = values().length;

  /** The metric with that name, or {@code null}. */
  public static Metric byName(String name) {
    for (Metric m : values()) {
      if (m.name().equals(name)) {
        return m;
      }
    }
    return null;
  }

  /** Names longer than this are cut in {@link #notAMetric}. */
  private static final int SHOWN = 100;

  /**
   * Why {@code name} is not a metric, with the closest names: "'caseloda' is not a metric; did
   * you mean 'caseload'? (every metric: docs/model.md, or caseload metrics)", words for the
   * command line and the API alike (the page had shown the command's name). Every reader of metric
   * names says it so.
   */
  public static String notAMetric(String name) {
    List<String> all = Arrays.stream(values()).map(Metric::name).toList();
    List<String> close = Names.closest(name, all, 3);
    String key = name.toLowerCase(Locale.ROOT);
    int best = Names.distance(key, close.get(0).toLowerCase(Locale.ROOT));
    String shown = name.length() > SHOWN ? name.substring(0, SHOWN) + "..." : name;
    return "'" + shown + "' is not a metric; did you mean " + String.join(" or ", close.stream()
        .filter(n -> Names.distance(key, n.toLowerCase(Locale.ROOT)) == best)
        .map(n -> "'" + n + "'").toList()) + "? (every metric: docs/model.md, or caseload metrics)";
  }
}
