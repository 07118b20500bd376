package org.caseload.sim.decide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.caseload.core.scenario.Scenario;
import org.caseload.sim.presets.Presets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every kind of lever parses, and every lever record has a kind of its own. */
class LeverKindsTest {

  private static final Scenario MEDWAY = Presets.load("medway-2019").orElseThrow();

  @ParameterizedTest
  @EnumSource(Lever.Kind.class)
  void everyKind_parsesIntoALeverOfThatKind(Lever.Kind kind) {
    String text = kind.written() + (kind.takesTeam() ? ":longTerm" : "") + "=1..3";
    Lever lever = LeverParser.parse(text, MEDWAY);
    assertThat(lever.kind()).isEqualTo(kind);
    assertThat(lever.name()).startsWith(kind.written());
    assertThat(LeverParser.NAMES).contains(kind.written() + (kind.takesTeam() ? ":TEAM" : ""));
    if (!kind.takesTeam()) {
      assertThatThrownBy(() -> LeverParser.parse(kind.written() + ":longTerm=1..3", MEDWAY))
          .hasMessage("lever '" + kind.written() + "' takes no team");
    }
  }

  @Test
  void everyLeverRecord_hasItsOwnKind() {
    Set<Lever.Kind> seen = EnumSet.noneOf(Lever.Kind.class);
    for (Lever.Kind kind : Lever.Kind.values()) {
      String text = kind.written() + (kind.takesTeam() ? ":longTerm" : "") + "=1..3";
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
}
