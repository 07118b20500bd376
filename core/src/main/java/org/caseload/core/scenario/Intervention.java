package org.caseload.core.scenario;

import java.util.Optional;

/**
 * A what-if lever (docs/specification.md section 6), active from {@code startMonth} to {@code endMonth}
 * inclusive. Months count from 1, the first month after the base date; a {@code null} end
 * means the lever stays on to the horizon. Where several interventions of one kind are
 * active, those that set a value take the one listed last; those that add (posts, funding)
 * add up; multipliers multiply.
 */
public sealed interface Intervention {

  /** First month in which the lever acts. */
  int startMonth();

  /** Last month in which it acts, or {@code null} for no end. */
  Integer endMonth();

  /** Which lever this is; {@link Kind#type()} is the {@code type} of the JSON form. */
  Kind kind();

  /** The {@code type} of the JSON form. */
  default String type() {
    return kind().type();
  }

  /**
   * What {@code cases} does with this kind of lever. Every handler of interventions goes
   * through here (or through a switch expression on {@link #kind()} without default), so a
   * new kind does not compile until every handler says what it does with it.
   */
  <R> R accept(Cases<R> cases);

  /** Whether the lever acts in month {@code month}. */
  default boolean activeIn(int month) {
    return month >= startMonth() && (endMonth() == null || month <= endMonth());
  }

  /** Annual referral growth is {@code annualGrowth} while active. */
  record ReferralGrowth(int startMonth, Integer endMonth, double annualGrowth)
      implements Intervention {
    public Kind kind() {
      return Kind.REFERRAL_GROWTH;
    }

    public <R> R accept(Cases<R> cases) {
      return cases.referralGrowth(this);
    }
  }

  /** A surge: the referral mean is multiplied by {@code multiplier} while active. */
  record ReferralShock(int startMonth, Integer endMonth, double multiplier)
      implements Intervention {
    public Kind kind() {
      return Kind.REFERRAL_SHOCK;
    }

    public <R> R accept(Cases<R> cases) {
      return cases.referralShock(this);
    }
  }

  /** Funded posts added to (or, when negative, removed from) a team. */
  record Posts(int startMonth, Integer endMonth, String team, double fte)
      implements Intervention {
    public Kind kind() {
      return Kind.POSTS;
    }

    public <R> R accept(Cases<R> cases) {
      return cases.posts(this);
    }
  }

  /**
   * A funding change in pounds a year, turned into posts for a team at the permanent cost per
   * post of its start month.
   */
  record FundingChange(int startMonth, Integer endMonth, String team, double poundsPerYear)
      implements Intervention {
    public Kind kind() {
      return Kind.FUNDING;
    }

    /** The posts it funds (negative: removes) at {@code funding}'s cost in its start month. */
    public double posts(Funding funding) {
      return poundsPerYear / funding.permanentCostAt(startMonth);
    }

    public <R> R accept(Cases<R> cases) {
      return cases.fundingChange(this);
    }
  }

  /**
   * A recruitment campaign: the fill probability of {@code team}'s posts (every team's when
   * {@code null}) is multiplied, at a monthly cost.
   */
  record RecruitmentCampaign(int startMonth, Integer endMonth, double fillMultiplier,
      double monthlyCost, String team) implements Intervention {

    /** A campaign for every team. */
    public RecruitmentCampaign(int startMonth, Integer endMonth, double fillMultiplier,
        double monthlyCost) {
      this(startMonth, endMonth, fillMultiplier, monthlyCost, null);
    }

    public Kind kind() {
      return Kind.RECRUITMENT_CAMPAIGN;
    }

    public <R> R accept(Cases<R> cases) {
      return cases.recruitmentCampaign(this);
    }
  }

  /**
   * A retention payment to {@code team}'s permanent workers (every team's when {@code null}):
   * their leaving hazard is multiplied, at a cost per permanent head.
   */
  record RetentionPayment(int startMonth, Integer endMonth, double turnoverMultiplier,
      double annualCostPerHead, String team) implements Intervention {

    /** A payment to every team. */
    public RetentionPayment(int startMonth, Integer endMonth, double turnoverMultiplier,
        double annualCostPerHead) {
      this(startMonth, endMonth, turnoverMultiplier, annualCostPerHead, null);
    }

    public Kind kind() {
      return Kind.RETENTION_PAYMENT;
    }

    public <R> R accept(Cases<R> cases) {
      return cases.retentionPayment(this);
    }
  }

  /**
   * An agency policy: cover share of vacancies, agency cost a year and cap on agency FTE
   * ({@code +Infinity} for none, JSON null), for every team; or, naming a team, that team's
   * cover share and agency cost (the cap is across every team, so a team's policy has none).
   * A cover share left out (null) is the scenario's own, as each replication draws it: a
   * policy that only caps agency or changes its cost keeps the cover share's uncertainty (one
   * that restated the central cover share had fixed it, and moved Cornwall's agency cost by
   * £98k a year when meant to change nothing).
   */
  record AgencyPolicy(int startMonth, Integer endMonth, Double coverShare,
      double costPerYear, double capFte, String team) implements Intervention {

    /** A policy for every team. */
    public AgencyPolicy(int startMonth, Integer endMonth, Double coverShare, double costPerYear,
        double capFte) {
      this(startMonth, endMonth, coverShare, costPerYear, capFte, null);
    }

    public Kind kind() {
      return Kind.AGENCY_POLICY;
    }

    public <R> R accept(Cases<R> cases) {
      return cases.agencyPolicy(this);
    }
  }

  /** A new caseload cap for a team (and a hard limit at least as high). */
  record CaseloadCap(int startMonth, Integer endMonth, String team, int cap, int hardLimit)
      implements Intervention {
    public Kind kind() {
      return Kind.CASELOAD_CAP;
    }

    public <R> R accept(Cases<R> cases) {
      return cases.caseloadCap(this);
    }
  }

  /** A newly qualified cohort of a given size a year. */
  record NqCohort(int startMonth, Integer endMonth, double cohortPerYear)
      implements Intervention {
    public Kind kind() {
      return Kind.NQ_COHORT;
    }

    public <R> R accept(Cases<R> cases) {
      return cases.nqCohort(this);
    }
  }

  /** A front-door threshold change: the share of referrals ending in no further action. */
  record FrontDoor(int startMonth, Integer endMonth, double nfaShare) implements Intervention {
    public Kind kind() {
      return Kind.FRONT_DOOR;
    }

    public <R> R accept(Cases<R> cases) {
      return cases.frontDoor(this);
    }
  }

  /**
   * One method per kind of lever: the closed set of interventions as the compiler sees it.
   *
   * @param <R> what handling a lever gives
   */
  interface Cases<R> {
    R referralGrowth(ReferralGrowth lever);

    R referralShock(ReferralShock lever);

    R posts(Posts lever);

    R fundingChange(FundingChange lever);

    R recruitmentCampaign(RecruitmentCampaign lever);

    R retentionPayment(RetentionPayment lever);

    R agencyPolicy(AgencyPolicy lever);

    R caseloadCap(CaseloadCap lever);

    R nqCohort(NqCohort lever);

    R frontDoor(FrontDoor lever);
  }

  /** The kinds of lever, each with the {@code type} of its JSON form. */
  enum Kind {
    REFERRAL_GROWTH("referralGrowth"),
    REFERRAL_SHOCK("referralShock"),
    POSTS("posts"),
    FUNDING("funding"),
    RECRUITMENT_CAMPAIGN("recruitmentCampaign"),
    RETENTION_PAYMENT("retentionPayment"),
    AGENCY_POLICY("agencyPolicy"),
    CASELOAD_CAP("caseloadCap"),
    NQ_COHORT("nqCohort"),
    FRONT_DOOR("frontDoor");

    private final String type;

    Kind(String type) {
      this.type = type;
    }

    /** The {@code type} of the JSON form. */
    public String type() {
      return type;
    }

    /** The kind whose JSON {@code type} is {@code type}, if any (case-sensitive). */
    public static Optional<Kind> ofType(String type) {
      for (Kind kind : values()) {
        if (kind.type.equals(type)) {
          return Optional.of(kind);
        }
      }
      return Optional.empty();
    }
  }
}
