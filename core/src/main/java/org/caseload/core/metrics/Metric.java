package org.caseload.core.metrics;

/**
 * The monthly metrics, with the names used in files and APIs (MODEL.md section 8). Flows
 * ({@code referrals}, {@code starters}, costs...) are totals for the month; stocks
 * ({@code cases}, {@code inPostFte}...) are at the month's end.
 */
public enum Metric {
  referrals("referrals in the month, re-referrals included", Unit.COUNT),
  reReferrals("re-referrals of closed cases in the month", Unit.COUNT),
  nfa("referrals ending in no further action", Unit.COUNT),
  assessmentsCompleted("assessments completed in the month", Unit.COUNT),
  notInNeed("completed assessments finding the child not in need", Unit.COUNT),
  newLongTermCases("long-term cases opened in the month", Unit.COUNT),
  longTermClosures("long-term cases closed in the month", Unit.COUNT),
  assessmentsOpen("assessments open, allocated or waiting", Unit.COUNT),
  childProtection("child protection cases open, allocated or waiting", Unit.COUNT),
  lookedAfter("looked-after cases open, allocated or waiting", Unit.COUNT),
  childInNeed("other child in need cases open, allocated or waiting", Unit.COUNT),
  cases("cases held by case-holding workers (DfE 'cases')", Unit.COUNT),
  unallocatedCases("cases waiting without an allocated social worker", Unit.COUNT),
  unallocatedAssessments("assessments waiting for a social worker", Unit.COUNT),
  unallocatedLongTerm("long-term cases waiting for a social worker", Unit.COUNT),
  meanWaitMonths("mean months the waiting cases have waited", Unit.MONTHS),
  caseload("cases per case-holding FTE, agency included (DfE average caseload)", Unit.CASELOAD),
  caseloadAssessment("caseload in assessment teams", Unit.CASELOAD),
  caseloadLongTerm("caseload in long-term teams", Unit.CASELOAD),
  caseloadMedian("median cases held by a case-holding worker", Unit.CASELOAD),
  caseloadP90("90th percentile of cases held by a case-holding worker", Unit.CASELOAD),
  caseloadMax("most cases held by one worker", Unit.CASELOAD),
  shareAbove20("share of case holders holding more than 20 cases", Unit.RATE),
  shareAbove25("share of case holders holding more than 25 cases", Unit.RATE),
  shareAbove30("share of case holders holding more than 30 cases", Unit.RATE),
  establishmentFte("funded posts", Unit.FTE),
  inPostFte("permanent social workers in post", Unit.FTE),
  agencyFte("agency social workers", Unit.FTE),
  vacancyFte("vacant posts, max(establishment - in post, 0)", Unit.FTE),
  caseHolderFte("case-holding FTE, permanent and agency", Unit.FTE),
  vacancyRate("vacancies / (vacancies + in post)", Unit.RATE),
  agencyRate("agency / (agency + in post)", Unit.RATE),
  turnoverRate("permanent leavers in the last 12 months / in post", Unit.RATE),
  starters("permanent starters in the month", Unit.FTE),
  leavers("permanent leavers in the month", Unit.FTE),
  pipelineFte("recruits who accepted and have not yet started", Unit.FTE),
  costPermanent("permanent staff cost", Unit.MONEY),
  costAgency("agency staff cost", Unit.MONEY),
  costRecruitment("recruitment cost of the month's hires", Unit.MONEY),
  costInterventions("campaign and retention payments", Unit.MONEY),
  cost("total cost", Unit.MONEY),
  budget("establishment at permanent cost, plus intervention spend", Unit.MONEY),
  budgetVariance("cost - budget (positive is overspend)", Unit.MONEY),
  vacancyUnderspend("budget of vacancies not covered by agency", Unit.MONEY),
  agencyOverspend("agency cost above the budget of the posts it covers", Unit.MONEY);

  private final String description;
  private final Unit unit;

  Metric(String description, Unit unit) {
    this.description = description;
    this.unit = unit;
  }

  public String description() {
    return description;
  }

  public Unit unit() {
    return unit;
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
}
