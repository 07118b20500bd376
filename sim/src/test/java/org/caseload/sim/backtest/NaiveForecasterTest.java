package org.caseload.sim.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The naive forecasters and the interval score, worked by hand. */
class NaiveForecasterTest {

  /** In post 100, 104, 108 in 2017-2019. */
  private static final History RISING = new History(2019, List.of(2017, 2018, 2019),
      List.of(100.0, 104.0, 108.0));

  @Test
  void lastValue_carriesTheBaseYearWithARandomWalksSpread() {
    Band band = NaiveForecaster.LAST_VALUE.forecast(RISING, 2021, 0, Double.POSITIVE_INFINITY);
    // One-year errors 4 and 4: spread 4 a year, 4 sqrt(2) two years ahead.
    double half = NaiveForecaster.Z_95 * 4 * Math.sqrt(2);
    assertThat(band.p50()).isEqualTo(108);
    assertThat(band.p5()).isCloseTo(108 - half, within(1e-9));
    assertThat(band.p95()).isCloseTo(108 + half, within(1e-9));
  }

  @Test
  void meanReverting_keeps0point7ToTheHOfTheLastDeviation() {
    Band band = NaiveForecaster.MEAN_REVERTING.forecast(RISING, 2021, 0,
        Double.POSITIVE_INFINITY);
    // Mean 104, last deviation 4: 104 + 0.49 x 4 two years ahead.
    assertThat(band.p50()).isCloseTo(105.96, within(1e-9));
    // One-year forecasts from the years before only: of 104 from 100 alone (mean 100), 100;
    // of 108 from 100 and 104 (mean 102), 102 + 0.7 x 2 = 103.4: errors 4 and 4.6.
    double spread = Math.sqrt((4 * 4 + 4.6 * 4.6) / 2) * Math.sqrt(1 + 0.49);
    assertThat(band.p95() - band.p50()).isCloseTo(NaiveForecaster.Z_95 * spread, within(1e-9));
  }

  /**
   * Each one-year-ahead error is of the forecast the naive would have made from the years
   * before only, never from a mean that holds the year forecast (which had made the band
   * narrower than docs/backtest.md says: errors 2.8 and 4 here, from the mean 104 of all
   * three years).
   */
  @Test
  void meanReverting_bandIsFromOneYearAheadErrorsOfTheYearsBeforeOnly() {
    History history = new History(2019, List.of(2016, 2017, 2018, 2019),
        List.of(10.0, 20.0, 12.0, 18.0));
    Band band = NaiveForecaster.MEAN_REVERTING.forecast(history, 2020, 0,
        Double.POSITIVE_INFINITY);
    // forecasts of 20 from 10: 10; of 12 from 10, 20 (mean 15): 15 + 0.7 x 5 = 18.5; of 18
    // from 10, 20, 12 (mean 14): 14 + 0.7 x -2 = 12.6; errors 10, -6.5, 5.4
    double spread = Math.sqrt((10 * 10 + 6.5 * 6.5 + 5.4 * 5.4) / 3);
    // the point: mean 15 of all four, plus 0.7 x 3
    assertThat(band.p50()).isCloseTo(17.1, within(1e-9));
    assertThat(band.p5()).isCloseTo(17.1 - NaiveForecaster.Z_95 * spread, within(1e-9));
    assertThat(band.p95()).isCloseTo(17.1 + NaiveForecaster.Z_95 * spread, within(1e-9));
  }

  @Test
  void bands_areClampedToTheRangeOfTheIndicator() {
    History falling = new History(2019, List.of(2018, 2019), List.of(0.30, 0.02));
    Band band = NaiveForecaster.LAST_VALUE.forecast(falling, 2020, 0, 1);
    assertThat(band.p5()).isZero();
    assertThat(band.p50()).isEqualTo(0.02);
  }

  @Test
  void withoutTheBaseYearOrAnEarlierValue_thereIsNoForecast() {
    History one = new History(2019, List.of(2019), List.of(108.0));
    History stale = new History(2019, List.of(2017, 2018), List.of(100.0, 104.0));
    for (NaiveForecaster naive : NaiveForecaster.values()) {
      assertThat(naive.forecast(one, 2020, 0, 1e9)).isNull();
      assertThat(naive.forecast(stale, 2020, 0, 1e9)).isNull();
    }
  }

  @Test
  void intervalScore_isWidthPlusTwentyTimesTheMiss() {
    Band band = new Band(10, 12, 14);
    assertThat(band.intervalScore(13)).isEqualTo(4);
    assertThat(band.intervalScore(15)).isEqualTo(4 + 20);
    assertThat(band.intervalScore(9.5)).isEqualTo(4 + 10);
    assertThat(band.covers(14)).isTrue();
    assertThat(band.covers(14.01)).isFalse();
    assertThat(band.error(9.5)).isEqualTo(2.5);
  }
}
