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

  /**
   * Whether the simulation's values are always whole numbers: stocks of cases and of workers
   * (each worker is one FTE), but not vacancies (establishments can be fractional) nor flows,
   * which are annualised when fewer than 12 months precede the snapshot.
   */
  public boolean wholeNumbers() {
    return switch (this) {
      case inPostFte, agencyFte, caseHolderFte, cases, unallocatedCases -> true;
      default -> false;
    };
  }

  /** The number of snapshot metrics, for arrays indexed by ordinal. */
  public static final int COUNT = values().length;
}
