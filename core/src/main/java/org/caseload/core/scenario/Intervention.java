package org.caseload.core.scenario;

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

  /** The {@code type} of the JSON form. */
  String type();

  /** Whether the lever acts in month {@code month}. */
  default boolean activeIn(int month) {
    return month >= startMonth() && (endMonth() == null || month <= endMonth());
  }

  /** Annual referral growth is {@code annualGrowth} while active. */
  record ReferralGrowth(int startMonth, Integer endMonth, double annualGrowth)
      implements Intervention {
    public String type() {
      return "referralGrowth";
    }
  }

  /** A surge: the referral mean is multiplied by {@code multiplier} while active. */
  record ReferralShock(int startMonth, Integer endMonth, double multiplier)
      implements Intervention {
    public String type() {
      return "referralShock";
    }
  }

  /** Funded posts added to (or, when negative, removed from) a team. */
  record Posts(int startMonth, Integer endMonth, String team, double fte)
      implements Intervention {
    public String type() {
      return "posts";
    }
  }

  /**
   * A funding change in pounds a year, turned into posts for a team at the permanent cost per
   * post of its start month.
   */
  record FundingChange(int startMonth, Integer endMonth, String team, double poundsPerYear)
      implements Intervention {
    public String type() {
      return "funding";
    }
  }

  /** A recruitment campaign: the fill probability is multiplied, at a monthly cost. */
  record RecruitmentCampaign(int startMonth, Integer endMonth, double fillMultiplier,
      double monthlyCost) implements Intervention {
    public String type() {
      return "recruitmentCampaign";
    }
  }

  /** A retention payment: the leaving hazard is multiplied, at a cost per permanent head. */
  record RetentionPayment(int startMonth, Integer endMonth, double turnoverMultiplier,
      double annualCostPerHead) implements Intervention {
    public String type() {
      return "retentionPayment";
    }
  }

  /**
   * An agency policy: cover share of vacancies, agency cost a year and cap on agency FTE
   * ({@code +Infinity} for none, JSON null).
   */
  record AgencyPolicy(int startMonth, Integer endMonth, double coverShare,
      double costPerYear, double capFte) implements Intervention {
    public String type() {
      return "agencyPolicy";
    }
  }

  /** A new caseload cap for a team (and a hard limit at least as high). */
  record CaseloadCap(int startMonth, Integer endMonth, String team, int cap, int hardLimit)
      implements Intervention {
    public String type() {
      return "caseloadCap";
    }
  }

  /** A newly qualified cohort of a given size a year. */
  record NqCohort(int startMonth, Integer endMonth, double cohortPerYear)
      implements Intervention {
    public String type() {
      return "nqCohort";
    }
  }

  /** A front-door threshold change: the share of referrals ending in no further action. */
  record FrontDoor(int startMonth, Integer endMonth, double nfaShare) implements Intervention {
    public String type() {
      return "frontDoor";
    }
  }
}
