package org.caseload.core.scenario;

import java.util.Objects;

/** The model's parameters: demand, workforce and funding. */
public record Parameters(Demand demand, Workforce workforce, Funding funding) {

  public Parameters {
    Objects.requireNonNull(demand, "demand");
    Objects.requireNonNull(workforce, "workforce");
    Objects.requireNonNull(funding, "funding");
  }

  /** Every default, for a given external referral level a month. */
  public static Parameters defaults(double baseMonthlyReferrals) {
    return new Parameters(Demand.defaults(baseMonthlyReferrals), Workforce.defaults(),
        Funding.defaults());
  }
}
