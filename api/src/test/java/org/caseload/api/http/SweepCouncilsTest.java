package org.caseload.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.caseload.core.data.DfeData;
import org.caseload.sim.sweep.AllCouncils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A sweep's councils: only those named are calibrated, each once, in the order named (by name
 * or code, any case); a name that is not a council of the year is refused naming it.
 */
class SweepCouncilsTest {

  private static DfeData data;

  @BeforeAll
  static void load() throws Exception {
    data = DfeData.load(Path.of("../data/dfe"));
  }

  @Test
  void onlyTheCouncilsNamed_areCalibrated_eachOnceInTheOrderNamed() throws Exception {
    AllCouncils.Councils councils = SweepCouncils.of(data, 2022, 12,
        new ObjectMapper().readTree("[\"medway\", \"E10000016\", \"MEDWAY\"]"));
    assertThat(councils.calibrated()).extracting(c -> c.area().name())
        .containsExactly("Medway", "Kent");
    assertThat(councils.skipped()).isEmpty();
    assertThat(SweepCouncils.of(data, 2022, 12, null).calibrated().size())
        .isEqualTo(AllCouncils.calibrate(data, 2022, 12).calibrated().size())
        .isGreaterThan(100);
  }

  @Test
  void aNameNotACouncilOfTheYear_isRefusedNamingIt() {
    assertThatThrownBy(() -> SweepCouncils.of(data, 2022, 12,
        new ObjectMapper().readTree("[\"Kent\", \"nowhere\"]")))
        .isInstanceOf(ApiProblem.class).hasMessageContaining("nowhere");
    assertThatThrownBy(() -> SweepCouncils.of(data, 1999, 12, null))
        .isInstanceOf(ApiProblem.class);
  }
}
