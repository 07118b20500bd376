package org.caseload.sim.decide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.caseload.core.scenario.Scenario;
import org.caseload.sim.presets.Presets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every kind of lever parses, and every lever record has a kind of its own. */
class LeverKindsTest {

  private static final Scenario MEDWAY = Presets.load("medway-2019").orElseThrow();

  /** A range of the kind written weakest first: 1..3, or 3..1 for a lever that falls. */
  private static String range(Lever.Kind kind) {
    return kind.stronger() == Lever.Direction.LOWER ? "=3..1" : "=1..3";
  }

  /**
   * Numbers a lever cannot take are refused as written: an infinite one had given the JDK's
   * BigDecimal message, and a whole-number option beyond an int had been clamped to
   * 2147483647 and refused later as that value (a security review).
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      "posts:longTerm=0..100/4,start=1e400|'1e400' is too large",
      "posts:longTerm=0..1e999|'1e999' is too large",
      "caseloadCap:longTerm=25..18,hardLimit=3000000000|hardLimit=3000000000: must be a whole"
          + " number from 1 to 1000",
      "caseloadCap:longTerm=25..18,hardLimit=30.5|hardLimit=30.5: must be a whole number from 1"
          + " to 1000",
      "campaign=1..2,months=99999999999|months=99999999999: must be a whole number from 1 to"
          + " 120",
      // an option given twice had let the last count, unsaid (an outside trial)
      "campaign=1..3/0.5,months=12,months=6|option 'months' is given twice (12 and 6): give it"
          + " once",
      // a fraction whose double is whole had been read as that whole number (a review)
      "campaign=1..2,months=11.99999999999999999999|months=11.99999999999999999999: must be a"
          + " whole number from 1 to 120",
      "posts:longTerm=0..100/4,start=2.99999999999999999999|start must be a month from 1 to"
          + " 120, was 2.99999999999999999999",
      "caseloadCap:longTerm=25..18.00000000000000000001|caseloadCap takes whole numbers:"
          + " 25..18.00000000000000000001 has a fraction"})
  void numbersALeverCannotTake_areRefusedAsWritten(String text, String message) {
    assertThatThrownBy(() -> LeverParser.parse(text, MEDWAY))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  /** Whole numbers written with a point or an exponent are those whole numbers. */
  @Test
  void wholeNumbersWrittenWithAPointOrAnExponent_areRead() {
    assertThat(LeverParser.parse("posts:longTerm=0..100/4,start=3.0", MEDWAY).startMonth())
        .isEqualTo(3);
    assertThat(LeverParser.parse("posts:longTerm=0..100/4,start=3e0", MEDWAY).startMonth())
        .isEqualTo(3);
    assertThat(LeverParser.parse("caseloadCap:longTerm=25.0..1.8e1", MEDWAY).grid().size())
        .isEqualTo(8);
  }

  /**
   * A team is any name without "=": a scenario's label, spaces and accents too ("Long term"
   * had been refused as not NAME[:TEAM]=..., and with it the page's save of its scenario).
   */
  @Test
  void aTeamOfAnyName_isSearched() {
    Scenario named = org.caseload.core.scenario.ScenarioJson.read(
        org.caseload.core.scenario.ScenarioJson.write(MEDWAY)
            .replace("\"name\" : \"longTerm\"", "\"name\" : \"Long term, Équipe Nord\""));
    Lever posts = LeverParser.parse("posts:Long term, Équipe Nord=0..12/2", named);
    assertThat(posts).isInstanceOfSatisfying(Lever.Posts.class,
        p -> assertThat(p.team()).isEqualTo("Long term, Équipe Nord"));
    assertThat(LeverParser.parse(" caseloadCap: Long term, Équipe Nord =25..18", named))
        .isInstanceOfSatisfying(Lever.CaseloadCap.class,
            c -> assertThat(c.team()).isEqualTo("Long term, Équipe Nord"));
    assertThatThrownBy(() -> LeverParser.parse("posts:longTerm=0..12/2", named))
        .hasMessageContaining("longTerm");
  }

  @ParameterizedTest
  @EnumSource(Lever.Kind.class)
  void everyKind_parsesIntoALeverOfThatKind(Lever.Kind kind) {
    String text = kind.written() + (kind.takesTeam() ? ":longTerm" : "") + range(kind);
    Lever lever = LeverParser.parse(text, MEDWAY);
    assertThat(lever.kind()).isEqualTo(kind);
    assertThat(lever.name()).startsWith(kind.written());
    assertThat(LeverParser.NAMES).contains(kind.written() + (kind.takesTeam() ? ":TEAM" : ""));
    if (!kind.takesTeam()) {
      assertThatThrownBy(() -> LeverParser.parse(kind.written() + ":longTerm" + range(kind),
          MEDWAY))
          .hasMessage("lever '" + kind.written() + "' takes no team");
    }
  }

  @Test
  void everyLeverRecord_hasItsOwnKind() {
    Set<Lever.Kind> seen = EnumSet.noneOf(Lever.Kind.class);
    for (Lever.Kind kind : Lever.Kind.values()) {
      String text = kind.written() + (kind.takesTeam() ? ":longTerm" : "") + range(kind);
      seen.add(LeverParser.parse(text, MEDWAY).kind());
    }
    assertThat(seen).hasSize(Lever.Kind.values().length);
    assertThat(Arrays.stream(Lever.class.getPermittedSubclasses()).map(Class::getSimpleName))
        .hasSize(Lever.Kind.values().length);
  }

  @Test
  void unknownLever_listsTheNames() {
    assertThatThrownBy(() -> LeverParser.parse("bonus=1..2", MEDWAY))
        .hasMessageContaining("unknown lever 'bonus'; levers: posts:TEAM, campaign");
  }

  /**
   * A range written strongest first is refused, naming the lever and the way it must go:
   * goal-seek takes a range's first value as the weakest, so a reversed range would be
   * searched upside down (and called infeasible beside a plan that meets the goal).
   */
  @ParameterizedTest
  @EnumSource(Lever.Kind.class)
  void rangeWrittenStrongestFirst_isRefusedSayingWhichWayItGoes(Lever.Kind kind) {
    String name = kind.written() + (kind.takesTeam() ? ":longTerm" : "");
    String reversed = kind.stronger() == Lever.Direction.LOWER ? "=1..3/0.5" : "=3..1/0.5";
    if (kind.stronger() == Lever.Direction.EITHER) {
      assertThat(LeverParser.parse(name + "=3..1", MEDWAY).grid().value(0)).isEqualTo(3);
      assertThat(LeverParser.parse(name + "=1..3", MEDWAY).grid().value(0)).isEqualTo(1);
      return;
    }
    String fixed = kind.stronger() == Lever.Direction.LOWER ? "3..1/0.5" : "1..3/0.5";

    assertThatThrownBy(() -> LeverParser.parse(name + reversed, MEDWAY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(name + " " + reversed.substring(1) + " runs strongest first")
        .hasMessageContaining(kind.stronger() == Lever.Direction.LOWER ? "lower" : "higher")
        .hasMessageEndingWith("write " + name + "=" + fixed);
  }

  @Test
  void directions_areThoseOfTheDocumentedExamples() {
    // docs/decide.md and goal-seek --help: retention=1..0.8, caseloadCap:longTerm=25..18;
    // agencyCover and agencyCap either way (less agency is stronger for an agency-rate or
    // cost target: agencyCap=60..0/10 against 'agencyRate <= 0.10'); posts, campaign,
    // campaignMonths and nqCohort upwards
    assertThat(Lever.Kind.RETENTION.stronger()).isEqualTo(Lever.Direction.LOWER);
    for (Lever.Kind either : EnumSet.of(Lever.Kind.CASELOAD_CAP, Lever.Kind.AGENCY_COVER,
        Lever.Kind.AGENCY_CAP)) {
      assertThat(either.stronger()).as(either.written()).isEqualTo(Lever.Direction.EITHER);
    }
    assertThat(LeverParser.parse("agencyCap=60..0/10", MEDWAY).grid().value(0)).isEqualTo(60);
    assertThat(EnumSet.complementOf(EnumSet.of(Lever.Kind.RETENTION,
        Lever.Kind.CASELOAD_CAP, Lever.Kind.AGENCY_COVER, Lever.Kind.AGENCY_CAP))).allSatisfy(k ->
        assertThat(k.stronger()).as(k.written()).isEqualTo(Lever.Direction.HIGHER));
    assertThat(LeverParser.parse("retention=1..0.8/0.05", MEDWAY).grid().size()).isEqualTo(5);
    assertThatThrownBy(() -> LeverParser.parse("posts:longTerm=100..0/4", MEDWAY))
        .hasMessage("posts:longTerm 100..0/4 runs strongest first: a range goes from the"
            + " weakest value to the strongest, and more posts are stronger (a higher value);"
            + " write posts:longTerm=0..100/4");
  }

  /** Levers that add up or multiply may repeat; those that would overwrite may not. */
  @Test
  void requireDistinct_refusesOnlyWhatWouldOverwrite() {
    List<Lever> postsTwice = List.of(LeverParser.parse("posts:longTerm=0..6/2", MEDWAY),
        LeverParser.parse("posts:longTerm=0..6/2,start=6", MEDWAY),
        LeverParser.parse("campaign=1..3/0.5", MEDWAY),
        LeverParser.parse("campaignMonths=0..24/6", MEDWAY),
        LeverParser.parse("caseloadCap:assessment=25..18", MEDWAY),
        LeverParser.parse("caseloadCap:longTerm=25..18", MEDWAY));
    LeverParser.requireDistinct(postsTwice);
    List<Lever> agency = List.of(LeverParser.parse("posts:longTerm=0..6/2", MEDWAY),
        LeverParser.parse("agencyCap=60..0/30", MEDWAY),
        LeverParser.parse("agencyCover=1..0/0.5", MEDWAY));
    assertThatThrownBy(() -> LeverParser.requireDistinct(agency))
        .isInstanceOf(LeverParser.RepeatedLeverException.class)
        .satisfies(e -> assertThat(((LeverParser.RepeatedLeverException) e).index())
            .isEqualTo(2));
  }

  /**
   * A caseload cap lever holds caseloads to each cap: its hard limit is the cap unless
   * hardLimit is given (with the team's own, 35 for Medway's long-term team, a cap of 18
   * below its caseload of about 20 let allocation go on over the cap and changed nothing, so
   * a planner's Decide found the target "met whatever the levers do"); a hard limit given
   * below a cap is raised to it.
   */
  @Test
  void aCaseloadCap_isItsOwnHardLimit_unlessOneIsGiven() {
    org.caseload.core.scenario.Intervention.CaseloadCap capped =
        (org.caseload.core.scenario.Intervention.CaseloadCap) LeverParser
            .parse("caseloadCap:longTerm=25..18", MEDWAY).at(18).get(0);
    assertThat(capped.cap()).isEqualTo(18);
    assertThat(capped.hardLimit()).isEqualTo(18);
    org.caseload.core.scenario.Intervention.CaseloadCap given =
        (org.caseload.core.scenario.Intervention.CaseloadCap) LeverParser
            .parse("caseloadCap:longTerm=25..18,hardLimit=30", MEDWAY).at(18).get(0);
    assertThat(given.hardLimit()).isEqualTo(30);
    assertThat(((org.caseload.core.scenario.Intervention.CaseloadCap) LeverParser
        .parse("caseloadCap:longTerm=25..18,hardLimit=20", MEDWAY).at(22).get(0)).hardLimit())
        .isEqualTo(22);
  }
}
