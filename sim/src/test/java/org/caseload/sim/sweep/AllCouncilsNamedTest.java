package org.caseload.sim.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.caseload.core.data.Area;
import org.caseload.core.data.DfeData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The councils a sweep names, read by one rule for the CLI, the cluster command and the API:
 * by name or code in any case, each once, in the order named; the first name that is none of
 * the year's councils is refused with its place, before anything is calibrated.
 */
class AllCouncilsNamedTest {

  private static DfeData data;

  @BeforeAll
  static void load() throws Exception {
    data = DfeData.load(Path.of("..", "data", "dfe"));
  }

  @Test
  void names_matchByNameOrCodeInAnyCase_eachOnceInOrder() {
    List<Area> councils = AllCouncils.councilsOf(data, 2022);
    assertThat(AllCouncils.named(councils, List.of("medway", "E10000016", " MEDWAY "), 2022))
        .extracting(Area::name).containsExactly("Medway", "Kent");
    assertThatThrownBy(() -> AllCouncils.named(councils, List.of("Kent", "nowhere"), 2022))
        .isInstanceOfSatisfying(AllCouncils.UnknownCouncilException.class,
            e -> assertThat(e.index()).isEqualTo(1))
        .hasMessageStartingWith("'nowhere' has no workforce return in 2022 (or is not a"
            + " council); closest: ");
    assertThatThrownBy(() -> AllCouncils.named(councils, List.of("Medwey"), 2022))
        .hasMessageStartingWith("'Medwey' has no workforce return in 2022 (or is not a"
            + " council); closest: Medway");
    // as --la reads names: without the DfE's punctuation or its ", City of"
    assertThat(AllCouncils.named(councils, List.of("St Helens", "bristol"), 2022))
        .extracting(Area::name).containsExactly("St. Helens", "Bristol, City of");
  }

  @Test
  void onlyTheNamedCouncils_areCalibrated() {
    AllCouncils.Councils councils = AllCouncils.of(data, 2022, 12, List.of("Kent", "medway"));
    assertThat(councils.calibrated()).extracting(c -> c.area().name())
        .containsExactly("Kent", "Medway");
    assertThat(councils.skipped()).isEmpty();
    assertThatThrownBy(() -> AllCouncils.of(data, 1999, 12, null))
        .hasMessage("no council has a workforce return for 1999");
  }
}
