package org.caseload.core.metrics;

/**
 * The indicators of the 30 September snapshot (docs/specification.md section 8). Stocks are at 30
 * September; flows ({@code referrals}, {@code starters}, {@code leavers}, {@code cost}) are
 * totals of the 12 months to 30 September.
 */
public enum SnapshotMetric {
  inPostFte("permanent social workers in post at 30 September", Unit.FTE),
  agencyFte("agency social workers at 30 September", Unit.FTE),
  vacancyFte("vacant posts at 30 September", Unit.FTE),
  vacancyRate("vacancies / (vacancies + permanent in post), DfE definition", Unit.RATE),
  turnoverRate("permanent leavers in the 12 months / permanent in post, DfE definition",
      Unit.RATE),
  agencyRate("agency / (agency + permanent in post), DfE definition", Unit.RATE),
  caseload("cases held / case-holding FTE, DfE average caseload", Unit.CASELOAD),
  cases("cases held by case-holding workers", Unit.COUNT),
  caseHolderFte("case-holding FTE, permanent and agency", Unit.FTE),
  unallocatedCases("cases waiting without an allocated social worker", Unit.COUNT),
  referrals("referrals in the 12 months, re-referrals included", Unit.COUNT),
  starters("permanent starters in the 12 months", Unit.FTE),
  leavers("permanent leavers in the 12 months", Unit.FTE),
  cost("total cost of the 12 months", Unit.MONEY);

  private final String description;
  private final Unit unit;

  SnapshotMetric(String description, Unit unit) {
    this.description = description;
    this.unit = unit;
  }

  /** One line saying what the indicator is. */
  public String description() {
    return description;
  }

  public Unit unit() {
    return unit;
  }

  /**
   * Whether the simulation's values are always whole numbers in a snapshot with
   * {@code monthsObserved} months of flows behind it: stocks of cases and of workers (each
   * worker is one FTE), and the flows of children and workers when a whole year is observed;
   * not vacancies (establishments can be fractional), money, rates, caseloads, nor flows
   * annualised from fewer than 12 months.
   */
  public boolean wholeNumbers(int monthsObserved) {
    return switch (this) {
      case inPostFte, agencyFte, caseHolderFte, cases, unallocatedCases -> true;
      case referrals, starters, leavers -> monthsObserved >= 12;
      default -> false;
    };
  }

  /**
   * Whether this indicator has a value in a {@code snapshot} (as {@link Metric#definedIn}): the
   * caseload needs case holders at 30 September, a rate a denominator above 0.
   */
  public boolean definedIn(double[] snapshot) {
    return switch (this) {
      case caseload -> snapshot[caseHolderFte.ordinal()] > 0;
      case vacancyRate -> snapshot[vacancyFte.ordinal()] + snapshot[inPostFte.ordinal()] > 0;
      case agencyRate -> snapshot[agencyFte.ordinal()] + snapshot[inPostFte.ordinal()] > 0;
      case turnoverRate -> snapshot[inPostFte.ordinal()] > 0;
      default -> true;
    };
  }

  /** The number of snapshot metrics, for arrays indexed by ordinal. */
  public static final int COUNT = values().length;

  /** Names longer than this are cut in {@link #notAnIndicator}. */
  private static final int SHOWN = 100;

  /** The indicator with that name, or {@code null}. */
  public static SnapshotMetric byName(String name) {
    for (SnapshotMetric m : values()) {
      if (m.name().equals(name)) {
        return m;
      }
    }
    return null;
  }

  /**
   * Why {@code name} is not a snapshot indicator, with every name there is: every reader of
   * snapshot indicators says it so.
   */
  public static String notAnIndicator(String name) {
    String shown = name.length() > SHOWN ? name.substring(0, SHOWN) + "..." : name;
    return "'" + shown + "' is not a snapshot indicator (" + String.join(", ",
        java.util.Arrays.stream(values()).map(Enum::name).toList()) + ")";
  }
}
