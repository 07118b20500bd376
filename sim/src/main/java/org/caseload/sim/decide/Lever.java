package org.caseload.sim.decide;

import java.util.List;
import java.util.Optional;
import org.caseload.core.scenario.Intervention;

/**
 * A lever goal-seek may move over a {@link Grid}, turned into the intervention of each of its
 * values (docs/levers.md). A value that changes nothing (no posts, a multiplier of 1, a
 * campaign of no months) gives no intervention, so it costs nothing. The grid runs from
 * weakest to strongest, in the lever's {@link Kind#stronger() direction}: goal-seek assumes
 * that a stronger value never lowers the probability of meeting the targets.
 *
 * @implNote Implementations are immutable records, thread-safe.
 */
public sealed interface Lever {

  /** The lever as written on the command line, e.g. {@code posts:assessment}. */
  String name();

  /** Which lever this is. */
  Kind kind();

  /** The month its interventions start. */
  int startMonth();

  /**
   * The lever's name among {@code levers}: its {@link #name()}, with {@code ,start=M} where
   * another lever of the same name starts in another month (a team's posts from two months),
   * so that outputs keyed by lever keep both.
   */
  static String key(List<Lever> levers, int i) {
    Lever lever = levers.get(i);
    boolean shared = levers.stream().filter(l -> l != lever)
        .anyMatch(l -> l.name().equals(lever.name()));
    return shared ? lever.name() + ",start=" + lever.startMonth() : lever.name();
  }

  /** The values it may take. */
  Grid grid();

  /** The interventions of value {@code value} (empty when the value changes nothing). */
  List<Intervention> at(double value);

  /** Funded posts the value adds (for the fewest-posts objective). */
  default double postsAt(double value) {
    return 0;
  }

  /** The value for a person, e.g. {@code assessment posts +6}. */
  String describe(double value);

  /** Posts added to a team from {@code startMonth}. */
  record Posts(String team, int startMonth, Grid grid) implements Lever {
    public Kind kind() {
      return Kind.POSTS;
    }

    public String name() {
      return "posts:" + team;
    }

    public List<Intervention> at(double value) {
      return value == 0 ? List.of()
          : List.of(new Intervention.Posts(startMonth, null, team, value));
    }

    @Override
    public double postsAt(double value) {
      return value;
    }

    public String describe(double value) {
      return team + " posts " + (value >= 0 ? "+" : "") + Grid.Cells.number(value);
    }
  }

  /** A recruitment campaign of {@code months} months: the value is its fill multiplier. */
  record Campaign(int startMonth, int months, double monthlyCost, Grid grid) implements Lever {
    public Kind kind() {
      return Kind.CAMPAIGN;
    }

    public String name() {
      return "campaign";
    }

    public List<Intervention> at(double value) {
      return value == 1 ? List.of() : List.of(new Intervention.RecruitmentCampaign(startMonth,
          startMonth + months - 1, value, monthlyCost));
    }

    public String describe(double value) {
      return value == 1 ? "no campaign" : "campaign x" + Grid.Cells.number(value) + " for "
          + months + " months";
    }
  }

  /** A recruitment campaign at a fixed multiplier: the value is its length in months. */
  record CampaignMonths(int startMonth, double fillMultiplier, double monthlyCost, Grid grid)
      implements Lever {
    public Kind kind() {
      return Kind.CAMPAIGN_MONTHS;
    }

    public String name() {
      return "campaignMonths";
    }

    public List<Intervention> at(double value) {
      int months = (int) Math.round(value);
      return months == 0 ? List.of() : List.of(new Intervention.RecruitmentCampaign(
          startMonth, startMonth + months - 1, fillMultiplier, monthlyCost));
    }

    public String describe(double value) {
      return value == 0 ? "no campaign" : "campaign x" + Grid.Cells.number(fillMultiplier)
          + " for " + Grid.Cells.number(value) + " months";
    }
  }

  /** A retention payment: the value multiplies the leaving hazard. */
  record Retention(int startMonth, double annualCostPerHead, Grid grid) implements Lever {
    public Kind kind() {
      return Kind.RETENTION;
    }

    public String name() {
      return "retention";
    }

    public List<Intervention> at(double value) {
      return value == 1 ? List.of()
          : List.of(new Intervention.RetentionPayment(startMonth, null, value, annualCostPerHead));
    }

    public String describe(double value) {
      return value == 1 ? "no retention payment" : "retention x" + Grid.Cells.number(value);
    }
  }

  /** An agency policy: the value is the share of vacancies covered. */
  record AgencyCover(int startMonth, double costPerYear, double capFte, Grid grid)
      implements Lever {
    public Kind kind() {
      return Kind.AGENCY_COVER;
    }

    public String name() {
      return "agencyCover";
    }

    public List<Intervention> at(double value) {
      return List.of(new Intervention.AgencyPolicy(startMonth, null, value, costPerYear, capFte));
    }

    public String describe(double value) {
      return "agency cover " + Grid.Cells.number(value);
    }
  }

  /**
   * An agency policy: the value caps agency FTE; the cover share is {@code coverShare}, or the
   * scenario's own (as each replication draws it) when null.
   */
  record AgencyCap(int startMonth, Double coverShare, double costPerYear, Grid grid)
      implements Lever {
    public Kind kind() {
      return Kind.AGENCY_CAP;
    }

    public String name() {
      return "agencyCap";
    }

    public List<Intervention> at(double value) {
      return List.of(new Intervention.AgencyPolicy(startMonth, null, coverShare, costPerYear,
          value));
    }

    public String describe(double value) {
      return "agency cap " + Grid.Cells.number(value) + " FTE";
    }
  }

  /**
   * A caseload cap for a team: the value is the cap; the hard limit is {@code hardLimit} or
   * the cap, whichever is higher ({@link #THE_CAP}: the cap, so that no worker is given cases
   * over it).
   */
  record CaseloadCap(String team, int startMonth, int hardLimit, Grid grid) implements Lever {
    /** A hard limit that is each value's cap. */
    static final int THE_CAP = 0;

    public Kind kind() {
      return Kind.CASELOAD_CAP;
    }

    public String name() {
      return "caseloadCap:" + team;
    }

    public List<Intervention> at(double value) {
      int cap = (int) Math.round(value);
      return List.of(new Intervention.CaseloadCap(startMonth, null, team, cap,
          Math.max(cap, hardLimit)));
    }

    public String describe(double value) {
      return team + " caseload cap " + Grid.Cells.number(value);
    }
  }

  /** A newly qualified cohort: the value is FTE a year. */
  record NqCohort(int startMonth, Grid grid) implements Lever {
    public Kind kind() {
      return Kind.NQ_COHORT;
    }

    public String name() {
      return "nqCohort";
    }

    public List<Intervention> at(double value) {
      return value == 0 ? List.of() : List.of(new Intervention.NqCohort(startMonth, null, value));
    }

    public String describe(double value) {
      return "NQ cohort " + Grid.Cells.number(value) + " a year";
    }
  }

  /**
   * Which way a lever's values strengthen it. A lever's range is written weakest first, and
   * goal-seek takes the first value as the weakest and assumes that a stronger value never
   * lowers the probability of meeting the targets; a range written the other way round is
   * refused ({@link LeverParser}), as it would be searched upside down.
   */
  enum Direction {
    /** A higher value is stronger (more posts). */
    HIGHER,
    /** A lower value is stronger (a lower turnover multiplier). */
    LOWER,
    /**
     * Either, by the targets: a lower caseload cap lowers caseloads and leaves more children
     * waiting, a higher one the reverse; the range's first value is the weakest as written.
     */
    EITHER
  }

  /**
   * The kinds of lever, each with its name on the command line, whether it names a team and
   * which way it strengthens (with the words that say so); {@link LeverParser} switches on
   * them without a default, so a new kind does not compile until it can be parsed.
   */
  enum Kind {
    POSTS("posts", true, Direction.HIGHER, "more posts are stronger"),
    CAMPAIGN("campaign", false, Direction.HIGHER, "filling more vacancies is stronger"),
    CAMPAIGN_MONTHS("campaignMonths", false, Direction.HIGHER,
        "a longer campaign is stronger"),
    RETENTION("retention", false, Direction.LOWER, "fewer leavers are stronger"),
    AGENCY_COVER("agencyCover", false, Direction.EITHER,
        "the targets say which way is stronger (more cover for caseloads, less for agency"
            + " rates and cost)"),
    AGENCY_CAP("agencyCap", false, Direction.EITHER,
        "the targets say which way is stronger (a higher cap for caseloads, a lower one for"
            + " agency rates and cost)"),
    CASELOAD_CAP("caseloadCap", true, Direction.EITHER,
        "the targets say which way is stronger"),
    NQ_COHORT("nqCohort", false, Direction.HIGHER,
        "more newly qualified workers are stronger");

    private final String written;
    private final boolean takesTeam;
    private final Direction stronger;
    private final String strongerWords;

    Kind(String written, boolean takesTeam, Direction stronger, String strongerWords) {
      this.written = written;
      this.takesTeam = takesTeam;
      this.stronger = stronger;
      this.strongerWords = strongerWords;
    }

    /** The name as written on the command line (without the team). */
    public String written() {
      return written;
    }

    /** Whether it is written {@code NAME:TEAM}. */
    public boolean takesTeam() {
      return takesTeam;
    }

    /** Which way its values strengthen it. */
    public Direction stronger() {
      return stronger;
    }

    /** Which values are stronger, for a person, e.g. {@code more posts are stronger}. */
    public String strongerWords() {
      return strongerWords;
    }

    /** The kind written {@code name}, if any (case-sensitive). */
    public static Optional<Kind> named(String name) {
      for (Kind kind : values()) {
        if (kind.written.equals(name)) {
          return Optional.of(kind);
        }
      }
      return Optional.empty();
    }
  }
}
