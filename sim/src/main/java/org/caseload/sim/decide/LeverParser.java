package org.caseload.sim.decide;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.Team;
import org.caseload.core.scenario.Workforce;
import org.caseload.sim.input.Numbers;

/**
 * Reads a lever written {@code NAME[:TEAM]=FROM..TO[/STEP][,KEY=VALUE...]} (step 1 unless
 * given), e.g. {@code posts:assessment=0..20}, {@code campaign=1..3/0.5,months=12},
 * {@code retention=1..0.8/0.05,cost=2000}. The range is written weakest value first, in the
 * lever's {@link Lever.Kind#stronger() direction}: upwards, but {@code retention} downwards
 * and {@code caseloadCap} either way; a range written strongest first is refused. Names and
 * keys (defaults in brackets):
 * <ul>
 *   <li>{@code posts:TEAM} FTE added; {@code start} [1]
 *   <li>{@code campaign} fill multiplier; {@code months} [12], {@code cost} a month [10000],
 *       {@code start} [1]
 *   <li>{@code campaignMonths} length; {@code multiplier} [2], {@code cost} [10000],
 *       {@code start} [1]
 *   <li>{@code retention} turnover multiplier; {@code cost} a head a year [2000],
 *       {@code start} [1]
 *   <li>{@code agencyCover} cover share; {@code cost} a year [the scenario's], {@code cap}
 *       [the scenario's], {@code start} [1]
 *   <li>{@code agencyCap} FTE; {@code cover} [the scenario's], {@code cost} [the scenario's],
 *       {@code start} [1]
 *   <li>{@code caseloadCap:TEAM} cap; {@code hardLimit} [the cap], {@code start} [1]
 *   <li>{@code nqCohort} FTE a year; {@code start} [1]
 * </ul>
 *
 * @implNote Stateless and thread-safe.
 */
public final class LeverParser {

  /** The lever names, as written. */
  public static final List<String> NAMES = Arrays.stream(Lever.Kind.values())
      .map(k -> k.takesTeam() ? k.written() + ":TEAM" : k.written()).toList();

  /**
   * A number's text as the syntax finds it (read by {@link Numbers}, which says what is wrong
   * with it): anything up to a space, comma, slash, equals sign or two points.
   */
  private static final String NUMBER = "[^\\s,/=.]*(?:\\.(?!\\.)[^\\s,/=.]*)*";

  /**
   * The syntax. A team is any name without an equals sign, spaces at its ends left out: a team
   * is a scenario's label ("Long term", "Équipe Nord"), and letters, digits, - and _ alone had
   * refused such a team's levers, and with them the page's save of its scenario.
   */
  private static final Pattern SYNTAX = Pattern.compile(
      "\\s*([A-Za-z]+)(?::\\s*([^=]*[^\\s=]))?\\s*=\\s*(" + NUMBER + ")\\s*\\.\\.\\s*(" + NUMBER
      + ")\\s*(?:/\\s*(" + NUMBER + "))?\\s*((?:,\\s*[A-Za-z]+\\s*=\\s*[^\\s,=]+\\s*)*)");

  private LeverParser() {}

  /**
   * Checks that no lever sets what an earlier one sets, which the later would overwrite
   * (a month's levers are applied in order, MonthLevers): {@code agencyCover} and
   * {@code agencyCap} both set the whole agency policy (cover and cap), {@code caseloadCap} of
   * one team its cap and hard limit, {@code nqCohort} the intake. Levers that add up or
   * multiply may repeat: posts (of one team from two start months), campaigns, retention.
   *
   * @throws RepeatedLeverException naming the first such lever and the earlier one
   */
  public static void requireDistinct(List<Lever> levers) {
    for (int i = 0; i < levers.size(); i++) {
      for (int j = 0; j < i; j++) {
        Lever a = levers.get(i);
        Lever b = levers.get(j);
        if (overwrites(a, b)) {
          throw new RepeatedLeverException(i, a.name(), b.name());
        }
        if (a.kind() == b.kind() && a.name().equals(b.name())
            && a.startMonth() == b.startMonth()) {
          throw new RepeatedLeverException(i, a.name() + " from month " + a.startMonth()
              + " repeats an earlier lever (" + b.name() + " from month "
              + b.startMonth() + "): give it once, with one range (two would add up under one"
              + " name); a lever may repeat only from another start month");
        }
      }
    }
  }

  private static boolean overwrites(Lever a, Lever b) {
    return agency(a) && agency(b) || (a.kind() == Lever.Kind.CASELOAD_CAP
        || a.kind() == Lever.Kind.NQ_COHORT) && a.name().equals(b.name());
  }

  private static boolean agency(Lever lever) {
    return lever.kind() == Lever.Kind.AGENCY_COVER || lever.kind() == Lever.Kind.AGENCY_CAP;
  }

  /**
   * The levers written {@code texts}, in order, each parsed for {@code scenario}, none
   * overwriting an earlier one ({@link #requireDistinct}): the one rule of goal-seek's and
   * sensitivity's command lines and API requests.
   *
   * @throws BadLeverException naming the position of the first lever at fault
   */
  public static List<Lever> parseAll(List<String> texts, Scenario scenario) {
    List<Lever> levers = new java.util.ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      try {
        levers.add(parse(texts.get(i), scenario));
      } catch (IllegalArgumentException e) {
        throw new BadLeverException(i, e.getMessage());
      }
    }
    requireDistinct(levers);
    return levers;
  }

  /** A lever of a list that cannot be used, by its position in the list. */
  public static class BadLeverException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int index;

    BadLeverException(int index, String message) {
      super(message);
      this.index = index;
    }

    /** The lever's position in the list, from 0. */
    public int index() {
      return index;
    }
  }

  /** A lever that sets what an earlier one sets ({@link #requireDistinct}). */
  public static final class RepeatedLeverException extends BadLeverException {
    private static final long serialVersionUID = 1L;

    RepeatedLeverException(int index, String name, String earlierName) {
      this(index, name + " sets what an earlier lever (" + earlierName + ") sets,"
          + " so it would overwrite it" + (name.equals(earlierName) ? ": give it once"
              : ": agencyCover and agencyCap both set the whole agency policy; use one"));
    }

    RepeatedLeverException(int index, String message) {
      super(index, message);
    }
  }

  /**
   * The lever {@code text} describes, in {@code scenario}.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  public static Lever parse(String text, Scenario scenario) {
    Matcher m = SYNTAX.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("is not NAME[:TEAM]=FROM..TO[/STEP][,KEY=VALUE...],"
          + " e.g. posts:assessment=0..20 or campaign=1..3/0.5,months=12");
    }
    String name = m.group(1);
    String team = m.group(2);
    Grid grid = Grid.of(Numbers.decimal(m.group(3)), Numbers.decimal(m.group(4)),
        m.group(5) == null ? 1 : Numbers.decimal(m.group(5)));
    Options options = new Options(m.group(6), scenario.horizonMonths());
    Workforce w = scenario.parameters().workforce();
    double agencyCost = scenario.parameters().funding().agencyCostPerYear();
    Lever.Kind kind = Lever.Kind.named(name).orElseThrow(() -> new IllegalArgumentException(
        "unknown lever '" + name + "'; levers: " + String.join(", ", NAMES)));
    if (team != null && !kind.takesTeam()) {
      throw new IllegalArgumentException("lever '" + name + "' takes no team");
    }
    requireWeakestFirst(kind, team == null ? name : name + ":" + team, grid);
    if ((kind == Lever.Kind.CASELOAD_CAP || kind == Lever.Kind.CAMPAIGN_MONTHS)
        && !(Numbers.wholeAsWritten(m.group(3)) && Numbers.wholeAsWritten(m.group(4))
            && (m.group(5) == null || Numbers.wholeAsWritten(m.group(5))))) {
      // such a lever runs whole cases or months: 18.6 would run as 19 under the name 18.6
      throw new IllegalArgumentException(name + " takes whole numbers: "
          + Numbers.shown(m.group(3) + ".." + m.group(4)
              + (m.group(5) == null ? "" : "/" + m.group(5))) + " has a fraction");
    }
    Lever lever = switch (kind) {
      case POSTS -> new Lever.Posts(team(team, name, scenario).name(), options.start(), grid);
      case CAMPAIGN -> new Lever.Campaign(options.start(),
          options.whole("months", 12, 1, Scenario.MAX_HORIZON_MONTHS),
          options.get("cost", 10_000), grid);
      case CAMPAIGN_MONTHS -> new Lever.CampaignMonths(options.start(),
          options.get("multiplier", 2), options.get("cost", 10_000), grid);
      case RETENTION -> new Lever.Retention(options.start(), options.get("cost", 2_000), grid);
      case AGENCY_COVER -> new Lever.AgencyCover(options.start(),
          options.get("cost", agencyCost), options.get("cap", w.agencyCapFte()), grid);
      // the cover share as each replication draws it unless given (fixing it at its central
      // value had removed its uncertainty from every capped plan)
      case AGENCY_CAP -> new Lever.AgencyCap(options.start(), options.optional("cover"),
          options.get("cost", agencyCost), grid);
      case CASELOAD_CAP -> {
        Team t = team(team, name, scenario);
        // without hardLimit each cap is its own hard limit: with the team's, a cap below
        // today's caseload let allocation go on over it and changed nothing (a planner's
        // Decide had found "met whatever the levers do")
        yield new Lever.CaseloadCap(t.name(), options.start(), options.has("hardLimit")
            ? options.whole("hardLimit", 0, 1, Team.MAX_HARD_LIMIT) : Lever.CaseloadCap.THE_CAP,
            grid);
      }
      case NQ_COHORT -> new Lever.NqCohort(options.start(), grid);
    };
    options.requireAllUsed(name);
    return lever;
  }

  /**
   * The range runs from the weakest value to the strongest in the lever's direction
   * ({@link Lever.Kind#stronger()}): goal-seek takes the first value as the weakest, so a
   * range written the other way round would be searched upside down.
   *
   * @throws IllegalArgumentException naming the lever, which values are stronger, and the
   *     range written the right way round
   */
  private static void requireWeakestFirst(Lever.Kind kind, String lever, Grid grid) {
    boolean rising = grid.to() > grid.from();
    boolean wrong = switch (kind.stronger()) {
      case HIGHER -> !rising;
      case LOWER -> rising;
      case EITHER -> false;
    };
    if (wrong) {
      throw new IllegalArgumentException(lever + " " + grid + " runs strongest first: a range"
          + " goes from the weakest value to the strongest, and " + kind.strongerWords()
          + " (a " + (kind.stronger() == Lever.Direction.HIGHER ? "higher" : "lower")
          + " value); write " + lever + "=" + new Grid(grid.to(), grid.from(), grid.step()));
    }
  }

  private static Team team(String team, String lever, Scenario scenario) {
    List<String> names = scenario.teams().stream().map(Team::name).toList();
    if (team == null) {
      throw new IllegalArgumentException("lever '" + lever + "' needs a team: " + lever + ":TEAM,"
          + " one of " + String.join(", ", names));
    }
    int index = scenario.teamIndex(team);
    if (index < 0) {
      throw new IllegalArgumentException("unknown team '" + team + "'; teams: "
          + String.join(", ", names));
    }
    return scenario.teams().get(index);
  }

  /** The {@code ,KEY=VALUE} options, each read at most once. */
  private static final class Options {
    private final Map<String, Double> values = new LinkedHashMap<>();
    /** Each option's number as written, for whole numbers (a double may round a fraction). */
    private final Map<String, String> written = new LinkedHashMap<>();
    private final int horizon;

    Options(String text, int horizon) {
      this.horizon = horizon;
      for (String part : text.split(",")) {
        if (part.isBlank()) {
          continue;
        }
        String[] kv = part.split("=");
        String key = kv[0].trim();
        if (written.containsKey(key)) {
          // the last had silently counted ('months=12,months=6' searched 6 months)
          throw new IllegalArgumentException("option '" + Numbers.shown(key)
              + "' is given twice (" + Numbers.shown(written.get(key).trim()) + " and "
              + Numbers.shown(kv[1].trim()) + "): give it once");
        }
        values.put(key, Numbers.decimal(kv[1]));
        written.put(key, kv[1]);
      }
    }

    int start() {
      boolean whole = wholeAsWritten("start");
      double start = get("start", 1);
      if (start < 1 || start > Scenario.MAX_HORIZON_MONTHS || !whole) {
        throw new IllegalArgumentException("start must be a month from 1 to "
            + Scenario.MAX_HORIZON_MONTHS + ", was " + (whole ? Grid.Cells.number(start)
                : Numbers.shown(written.get("start"))));
      }
      if (start > horizon) {
        throw new IllegalArgumentException("start=" + (int) start + " is after the horizon of "
            + horizon + " months: the lever would change nothing");
      }
      return (int) start;
    }

    /** Whether the option {@code key} is given. */
    boolean has(String key) {
      return values.containsKey(key);
    }

    /** A whole-number option from {@code min} to {@code max}, as written when it is not. */
    int whole(String key, int fallback, int min, int max) {
      boolean whole = wholeAsWritten(key);
      double value = get(key, fallback);
      if (!whole || value < min || value > max) {
        throw new IllegalArgumentException(key + "=" + (whole ? Grid.Cells.number(value)
            : Numbers.shown(written.get(key))) + ": must be a whole number from " + min
            + " to " + max);
      }
      return (int) value;
    }

    /** Whether the option {@code key}, if given, is written as a whole number. */
    private boolean wholeAsWritten(String key) {
      String text = written.get(key);
      return text == null || Numbers.wholeAsWritten(text);
    }

    double get(String key, double fallback) {
      Double value = values.remove(key);
      return value == null ? fallback : value;
    }

    /** The option's value, or null when not given. */
    Double optional(String key) {
      return values.remove(key);
    }

    void requireAllUsed(String lever) {
      if (!values.isEmpty()) {
        throw new IllegalArgumentException("lever '" + lever + "' has no option '"
            + values.keySet().iterator().next() + "'");
      }
    }
  }
}
