package org.caseload.core.scenario;

/**
 * Numbers of children by kind of case: assessments under way, and the three kinds of
 * long-term case (docs/specification.md section 3.5).
 *
 * @param assessment children being assessed after an accepted referral
 * @param childProtection children on a child protection plan
 * @param lookedAfter children looked after by the council
 * @param childInNeed other children in need
 */
public record CaseCounts(int assessment, int childProtection, int lookedAfter, int childInNeed) {

  /** No cases at all. */
  public static final CaseCounts NONE = new CaseCounts(0, 0, 0, 0);

  /** Counts by kind. */
  public static CaseCounts of(int assessment, int childProtection, int lookedAfter, int childInNeed) {
    return new CaseCounts(assessment, childProtection, lookedAfter, childInNeed);
  }

  /** Long-term cases of every kind. */
  public int longTerm() {
    return childProtection + lookedAfter + childInNeed;
  }

  /** Every case. */
  public int total() {
    return assessment + longTerm();
  }
}
