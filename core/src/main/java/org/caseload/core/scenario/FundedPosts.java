package org.caseload.core.scenario;

/**
 * The funded posts of a month, in one place for the validator (which bounds them) and the
 * model's month plan (which hires into them): each team's establishment grown by
 * {@code establishmentGrowth} over the months since the base date, plus the posts that the
 * levers active that month add (posts, and funding turned into posts), at least 0.
 */
public final class FundedPosts {

  /** The posts a lever adds to {@code team} while active (negative: removes). */
  public record Added(String team, double posts) {

    /** What a lever that funds no posts adds. */
    static final Added NONE = new Added(null, 0);

    /** The posts added to {@code name}: {@link #posts()} if this is its team, else 0. */
    public double to(String name) {
      return name.equals(team) ? posts : 0;
    }
  }

  private FundedPosts() {}

  /** What {@code lever} adds, at {@code funding}'s costs (a funding lever's posts). */
  public static Added added(Intervention lever, Funding funding) {
    return lever.accept(new Intervention.Cases<Added>() {
      @Override
      public Added posts(Intervention.Posts p) {
        return new Added(p.team(), p.fte());
      }

      @Override
      public Added fundingChange(Intervention.FundingChange f) {
        return new Added(f.team(), f.posts(funding));
      }

      @Override
      public Added referralGrowth(Intervention.ReferralGrowth lever) {
        return Added.NONE;
      }

      @Override
      public Added referralShock(Intervention.ReferralShock lever) {
        return Added.NONE;
      }

      @Override
      public Added recruitmentCampaign(Intervention.RecruitmentCampaign lever) {
        return Added.NONE;
      }

      @Override
      public Added retentionPayment(Intervention.RetentionPayment lever) {
        return Added.NONE;
      }

      @Override
      public Added agencyPolicy(Intervention.AgencyPolicy lever) {
        return Added.NONE;
      }

      @Override
      public Added caseloadCap(Intervention.CaseloadCap lever) {
        return Added.NONE;
      }

      @Override
      public Added nqCohort(Intervention.NqCohort lever) {
        return Added.NONE;
      }

      @Override
      public Added frontDoor(Intervention.FrontDoor lever) {
        return Added.NONE;
      }
    });
  }

  /**
   * About how many worker-months one replication of {@code scenario} simulates: the funded
   * posts of each month of its horizon, summed, and the agency engaged beyond vacancy cover.
   * What a run's work is measured in: a replication-month costs about 50-60 ns a worker on
   * 2026 hardware (bench/README.md: Medway 13.8 us for about 230 workers, England as one
   * service 2.1 ms for 39,500).
   */
  public static double workerMonths(Scenario scenario) {
    double[] posts = new double[scenario.teams().size()];
    double total = 0;
    for (int month = 1; month <= scenario.horizonMonths(); month++) {
      total += fill(scenario, month, posts);
    }
    return total + scenario.horizonMonths()
        * scenario.parameters().workforce().agencyExtraFte();
  }

  /**
   * Writes into {@code posts} (one entry per team, in the scenario's order) the funded posts
   * of month {@code month} of {@code scenario}, and returns their sum.
   */
  public static double fill(Scenario scenario, int month, double[] posts) {
    Funding funding = scenario.parameters().funding();
    double growth = Math.pow(1 + funding.establishmentGrowth(), month / 12.0);
    for (int i = 0; i < posts.length; i++) {
      posts[i] = scenario.teams().get(i).establishment() * growth;
    }
    for (Intervention lever : scenario.interventions()) {
      Added added = added(lever, funding);
      if (added.team() != null && lever.activeIn(month)) {
        posts[scenario.teamIndex(added.team())] += added.posts();
      }
    }
    double total = 0;
    for (int i = 0; i < posts.length; i++) {
      posts[i] = Math.max(0, posts[i]);
      total += posts[i];
    }
    return total;
  }
}
