package org.caseload.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Did you mean" suggestions: each name once, names it begins before near misses. */
class NamesTest {

  private static final List<String> COUNCILS = List.of("Dorset", "Newham", "Dorset",
      "Worcestershire", "Wirral", "Norfolk", "Knowsley", "Medway");

  @Test
  void aNameTwiceInTheData_isSuggestedOnce() {
    assertThat(Names.closest("Nowhere", COUNCILS, 5)).doesNotHaveDuplicates().hasSize(5)
        .containsOnlyOnce("Dorset");
  }

  @Test
  void aNameThatBeginsWithWhatWasTyped_comesFirst() {
    assertThat(Names.closest("worcester", COUNCILS, 2)).first().isEqualTo("Worcestershire");
  }

  @Test
  void aNameWithAWordThatBeginsWithWhatWasTyped_comesBeforeNearMisses() {
    List<String> councils = List.of("Bury", "Dudley", "Halton", "Kent", "Luton",
        "Kingston upon Hull, City of", "Solihull");
    assertThat(Names.closest("Hull", councils, 5)).first()
        .isEqualTo("Kingston upon Hull, City of");
    assertThat(Names.closest("hull", councils, 7)).doesNotHaveDuplicates().hasSize(7);
  }

  @Test
  void withoutAPrefix_theNearestByEditsComesFirst() {
    assertThat(Names.closest("Medwey", COUNCILS, 1)).containsExactly("Medway");
  }
}
