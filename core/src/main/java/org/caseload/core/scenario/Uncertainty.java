package org.caseload.core.scenario;

import java.util.Objects;

/**
 * What is not known about one parameter: each Monte Carlo replication draws its own value,
 * {@code value + sd * z} with z standard normal, clamped to the parameter's valid range (the
 * referral level is multiplied by a mean-one lognormal with that sd instead). Calibration
 * sets these from the year-to-year variation of the published figures.
 *
 * @param parameter which parameter
 * @param sd standard deviation of the draws (in the parameter's units; for the referral
 *     level, of its logarithm), from 0 to {@link Parameter#maxSd()}
 */
public record Uncertainty(Parameter parameter, double sd) {

  public Uncertainty {
    Objects.requireNonNull(parameter, "parameter");
  }

  /** The parameters that can be uncertain, with their JSON names. */
  public enum Parameter {
    referralLevel(0, 1_000_000),
    referralGrowth(-0.5, 1),
    nfaShare(0, 1),
    notInNeedShare(0, 1),
    annualTurnover(0, 5),
    fillProbability(0, 1),
    agencyCoverShare(0, 1),
    establishmentGrowth(-0.5, 1);

    private final double min;
    private final double max;

    Parameter(double min, double max) {
      this.min = min;
      this.max = max;
    }

    /** The least valid value (the scenario's check and the draws' clamp use it). */
    public double min() {
      return min;
    }

    /** The greatest valid value (the scenario's check and the draws' clamp use it). */
    public double max() {
      return max;
    }

    /**
     * The largest sd that still means something. The referral level's sd is that of the log
     * of a mean-one multiplier, {@code exp(sd z - sd^2 / 2)}: at 1 the middle 90% of
     * replications draw 0.12 to 3.1 times the level and the median is 0.61; beyond, the
     * median falls fast (0.14 at 2, 0.011 at 3, e^-50 at 10, which made month-1 referrals 0
     * in every replication) and the mean of one is kept only by draws too rare to be run.
     * Calibration gives at most 0.5 ({@code ReferralTrend}), every council 2013-2024 at most
     * 0.31. Every other parameter's sd is added to its value, then clamped to its valid
     * range: it is at most half that range, as values held in a range cannot spread wider
     * (Popoviciu's inequality); beyond, the sd no longer describes the draws. Calibration
     * gives at most 0.42 for a share (agency cover, Wigan 2020), within its 0.475-0.5.
     */
    public double maxSd() {
      return this == referralLevel ? 1 : (max - min) / 2;
    }

    /** Why {@link #maxSd()} is the most, in words for a problem's reason. */
    public String maxSdReason() {
      if (this == referralLevel) {
        return "the sd of the log of a mean-one multiplier: at 1 the middle 90% of replications"
            + " draw 0.12 to 3.1 times the level and half draw under 0.61; beyond, most draw"
            + " far fewer referrals (half under 0.14 at 2, under 0.011 at 3)";
      }
      return "half its range, " + Problem.show(min) + " to " + Problem.show(max)
          + ": values kept in that range cannot spread wider";
    }

    /** The parameter with that name, or null. */
    public static Parameter byName(String name) {
      for (Parameter p : values()) {
        if (p.name().equals(name)) {
          return p;
        }
      }
      return null;
    }

    /** The scenario with this parameter moved by {@code sd * z}. */
    Scenario apply(Scenario scenario, double sd, double z) {
      Parameters p = scenario.parameters();
      Demand d = p.demand();
      Workforce w = p.workforce();
      return switch (this) {
        case referralLevel -> scenario.withParameters(new Parameters(
            d.withBaseMonthly(clamp(d.baseMonthly() * Math.exp(sd * z - sd * sd / 2))), w,
            p.funding()));
        case referralGrowth -> scenario.withParameters(new Parameters(
            d.withAnnualGrowth(clamp(d.annualGrowth() + sd * z)), w, p.funding()));
        case nfaShare -> scenario.withParameters(new Parameters(d.withShares(
            Math.min(clamp(d.nfaShare() + sd * z), 1 - d.notInNeedShare()),
            d.notInNeedShare()), w, p.funding()));
        case notInNeedShare -> scenario.withParameters(new Parameters(d.withShares(
            d.nfaShare(), Math.min(clamp(d.notInNeedShare() + sd * z), 1 - d.nfaShare())),
            w, p.funding()));
        case annualTurnover -> scenario.withParameters(new Parameters(d,
            w.withAnnualTurnover(clamp(w.annualTurnover() + sd * z)), p.funding()));
        case fillProbability -> scenario.withParameters(new Parameters(d,
            w.withFillProbability(clamp(w.fillProbability() + sd * z)), p.funding()));
        case agencyCoverShare -> scenario.withParameters(new Parameters(d,
            w.withAgencyCoverShare(clamp(w.agencyCoverShare() + sd * z)), p.funding()));
        case establishmentGrowth -> scenario.withParameters(new Parameters(d, w,
            p.funding().withEstablishmentGrowth(
                clamp(p.funding().establishmentGrowth() + sd * z))));
      };
    }

    private double clamp(double value) {
      return Math.max(min, Math.min(max, value));
    }
  }

  /** The scenario with every uncertain parameter moved by its own standard normal draw. */
  public static Scenario draw(Scenario scenario, double[] z) {
    Scenario drawn = scenario;
    for (int i = 0; i < scenario.uncertainty().size(); i++) {
      Uncertainty u = scenario.uncertainty().get(i);
      drawn = u.parameter().apply(drawn, u.sd(), z[i]);
    }
    return drawn;
  }
}
