package org.caseload.core.metrics;

/**
 * The indicators of the 30 September snapshot (MODEL.md section 8). Stocks are at 30
 * September; flows ({@code referrals}, {@code starters}, {@code leavers}, {@code cost}) are
 * totals of the 12 months to 30 September.
 */
public enum SnapshotMetric {
  inPostFte(Unit.FTE),
  agencyFte(Unit.FTE),
  vacancyFte(Unit.FTE),
  vacancyRate(Unit.RATE),
  turnoverRate(Unit.RATE),
  agencyRate(Unit.RATE),
  caseload(Unit.CASELOAD),
  cases(Unit.COUNT),
  caseHolderFte(Unit.FTE),
  unallocatedCases(Unit.COUNT),
  referrals(Unit.COUNT),
  starters(Unit.FTE),
  leavers(Unit.FTE),
  cost(Unit.MONEY);

  private final Unit unit;

  SnapshotMetric(Unit unit) {
    this.unit = unit;
  }

  public Unit unit() {
    return unit;
  }

  /** The number of snapshot metrics, for arrays indexed by ordinal. */
  public static final int COUNT = values().length;
}
