package org.caseload.sim.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.caseload.core.data.Area;
import org.caseload.core.data.DfeData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published values a backtest scores against: the DfE's definitions on a row's FTE
 * counts (exact, as {@code DfeIndicatorsTest} checks them against every published rate), and
 * no value where a denominator is empty or not published, never the indicators' own 0.
 */
class IndicatorTest {

  @TempDir
  Path dir;

  private static final String HEADER = "time_period,geographic_level,country_code,country_name,"
      + "new_la_code,la_name,inpost_fte,starters_fte,leavers_fte,agency_fte,agency_cover_fte,"
      + "vacancy_fte,case_holders_fte,cases,absence_rate_fte";

  private DfeData data(String... rows) throws IOException {
    Files.writeString(dir.resolve("workforce.csv"), HEADER + "\n" + String.join("\n", rows)
        + "\n");
    return DfeData.load(dir);
  }

  @Test
  void actual_isTheDfeDefinitionOfTheRowsCounts() throws IOException {
    DfeData data = data("2019,Local authority,E92000001,England,E1,Aville,"
        + "100,20,18,12,8,25,70,1400,3");
    Area aville = data.area("Aville");

    assertThat(Indicator.inPostFte.actual(data, aville, 2019)).isEqualTo(100);
    assertThat(Indicator.vacancyRate.actual(data, aville, 2019)).isEqualTo(25 / 125.0);
    assertThat(Indicator.turnoverRate.actual(data, aville, 2019)).isEqualTo(18 / 100.0);
    assertThat(Indicator.agencyRate.actual(data, aville, 2019)).isEqualTo(12 / 112.0);
    assertThat(Indicator.caseload.actual(data, aville, 2019)).isEqualTo(1400 / 70.0);
  }

  @Test
  void actual_withAnEmptyOrWithheldDenominator_isNoValue() throws IOException {
    DfeData data = data(
        "2019,Local authority,E92000001,England,E1,Aville,100,20,18,12,8,25,0,1400,3",
        "2020,Local authority,E92000001,England,E1,Aville,100,20,18,12,8,25,x,1400,3");
    Area aville = data.area("Aville");

    // no case holders: the DfE prints no caseload; DfeIndicators.caseload gives 0
    assertThat(Indicator.caseload.actual(data, aville, 2019)).isNaN();
    assertThat(Indicator.caseload.actual(data, aville, 2020)).isNaN();
    assertThat(Indicator.vacancyRate.actual(data, aville, 2020)).isEqualTo(25 / 125.0);
  }
}
