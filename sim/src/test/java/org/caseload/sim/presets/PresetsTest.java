package org.caseload.sim.presets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.caseload.core.calibration.Calibrator;
import org.caseload.core.data.DfeData;
import org.caseload.core.scenario.ScenarioJson;
import org.caseload.core.scenario.ScenarioValidator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PresetsTest {

  static java.util.List<String> calibrated() {
    return Presets.calibratedNames();
  }

  static java.util.List<String> all() {
    return Presets.names();
  }

  /** A calibrated preset is exactly what calibrating the shipped data gives today. */
  @ParameterizedTest
  @MethodSource("calibrated")
  void calibratedPreset_equalsAFreshCalibration(String name) throws IOException {
    DfeData data = DfeData.load(Path.of("..", "data", "dfe"));
    String[] parts = name.split("-");
    var calibration = Calibrator.calibrate(data, data.area(parts[0]),
        Integer.parseInt(parts[1]), 36);
    assertThat(Presets.json(name).orElseThrow().strip())
        .isEqualTo(ScenarioJson.write(calibration.scenario()).strip());
    // and it says what it was calibrated from, which calibrated gives it again
    Presets.CalibratedFrom from = Presets.calibratedFrom(name).orElseThrow();
    assertThat(from.year()).isEqualTo(Integer.parseInt(parts[1]));
    assertThat(from.months()).isEqualTo(36);
    assertThat(ScenarioJson.write(Calibrator.calibrate(data, data.area(from.la(), from.year()),
        from.year(), from.months()).scenario())).isEqualTo(ScenarioJson.write(
            calibration.scenario()));
  }

  @ParameterizedTest
  @MethodSource("all")
  void anExample_wasNotCalibrated(String name) {
    assertThat(Presets.calibratedFrom(name).isPresent())
        .isEqualTo(Presets.calibratedNames().contains(name));
  }

  @ParameterizedTest
  @MethodSource("all")
  void everyPreset_loadsAndIsValid(String name) {
    assertThat(ScenarioValidator.problems(Presets.load(name).orElseThrow())).isEmpty();
  }
}
