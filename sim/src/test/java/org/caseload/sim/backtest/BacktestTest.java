package org.caseload.sim.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.caseload.core.data.Area;
import org.caseload.core.data.DfeData;
import org.caseload.sim.engine.RunOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backtest's arithmetic on a tiny hand-made data set. */
class BacktestTest {

  @TempDir
  Path dir;

  private static final String HEADER = "time_period,geographic_level,country_code,country_name,"
      + "new_la_code,la_name,inpost_fte,starters_fte,leavers_fte,agency_fte,agency_cover_fte,"
      + "vacancy_fte,case_holders_fte,cases,absence_rate_fte";

  private DfeData data() throws IOException {
    StringBuilder csv = new StringBuilder(HEADER).append('\n');
    // Aville: in post 100, 104, 108 (2017-2019), then 110 and 90 in 2020 and 2021.
    double[] inPost = {100, 104, 108, 110, 90};
    for (int i = 0; i < inPost.length; i++) {
      csv.append(2017 + i).append(",Local authority,E92000001,England,E1,Aville,")
          .append(inPost[i]).append(",20,18,10,8,").append(10 + i).append(",70,1400,3\n");
    }
    Files.writeString(dir.resolve("workforce.csv"), csv.toString());
    Files.writeString(dir.resolve("referrals.csv"), "time_period,geographic_level,country_code,"
        + "country_name,new_la_code,la_name,referral_count,rereferral_percent,"
        + "no_further_action_percent,not_in_need_percent\n"
        + "2018,Local authority,E92000001,England,E1,Aville,2000,20,8,30\n"
        + "2019,Local authority,E92000001,England,E1,Aville,2100,20,8,30\n");
    return DfeData.load(dir);
  }

  @Test
  void scores_compareForecastsWithPublishedValuesAndNaiveForecasts() throws IOException {
    DfeData data = data();
    Area aville = data.area("Aville");
    Backtest.Result result = Backtest.run(data, List.of(aville), 2019, 2,
        RunOptions.builder().replications(64).seed(3).threads(1).build());
    assertThat(result.skipped()).isEmpty();
    // 5 indicators x 2 years.
    assertThat(result.scores()).hasSize(10);
    Score inPost2021 = result.scores().stream()
        .filter(s -> s.indicator() == Indicator.inPostFte && s.year() == 2021).findFirst()
        .orElseThrow();
    assertThat(inPost2021.actual()).isEqualTo(90);
    assertThat(inPost2021.last().p50()).isEqualTo(108);
    // Least squares through (2017, 100), (2018, 104), (2019, 108): 4 a year, 116 in 2021.
    assertThat(inPost2021.trend()).isCloseTo(116, within(1e-9));
    assertThat(inPost2021.errorLast()).isEqualTo(18);
    assertThat(inPost2021.errorTrend()).isCloseTo(26, within(1e-9));
    assertThat(inPost2021.inside()).isEqualTo(90 >= inPost2021.model().p5()
        && 90 <= inPost2021.model().p95());
    Score vacancy2020 = result.scores().stream()
        .filter(s -> s.indicator() == Indicator.vacancyRate && s.year() == 2020).findFirst()
        .orElseThrow();
    assertThat(vacancy2020.actual()).isCloseTo(13 / (13 + 110.0), within(1e-12));
    assertThat(vacancy2020.last().p50()).isCloseTo(12 / 120.0, within(1e-12));
    Backtest.Line line = result.line(Indicator.inPostFte);
    List<Score> inPost = result.scores().stream()
        .filter(s -> s.indicator() == Indicator.inPostFte).toList();
    assertThat(line.n()).isEqualTo(2);
    assertThat(line.maeLast()).isCloseTo((Math.abs(110 - 108) + 18) / 2.0, within(1e-9));
    assertThat(line.coverage()).isEqualTo(inPost.stream().filter(Score::inside).count() / 2.0);
    assertThat(line.maeMedian()).isCloseTo(
        inPost.stream().mapToDouble(Score::errorMedian).average().orElseThrow(), within(1e-9));
    assertThat(Backtest.csv(result).lines()).hasSize(11);
    assertThat(Backtest.table(result)).contains("inPostFte", "mean-rev", "M/I/C");
  }

  @Test
  void councilWithoutWorkforceFigures_isSkippedWithTheReason() throws IOException {
    DfeData data = data();
    Backtest.Result result = Backtest.run(data, List.of(data.area("Aville")), 2016, 1,
        RunOptions.builder().replications(8).build());
    assertThat(result.scores()).isEmpty();
    assertThat(result.skipped()).singleElement().asString()
        .contains("Aville 2016: the workforce figures");
  }
}
