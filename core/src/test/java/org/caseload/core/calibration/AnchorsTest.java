package org.caseload.core.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.caseload.core.data.DfeData;
import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.Trajectory;
import org.caseload.core.model.ExpectedProjection;
import org.caseload.core.model.MonthPlan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The calibration's damped balances: the fill probability holds the vacancy target, the
 * durations move the caseload part of the way towards the usual level, funded posts grow at
 * England's damped rate, and a council's spread is pooled with the typical one.
 */
class AnchorsTest {

  private static DfeData data;

  @BeforeAll
  static void load() throws IOException {
    data = DfeData.load(Path.of("..", "data", "dfe"));
  }

  @Test
  void balanceFill_needsNoHiresWithoutLeaversOrGrowth_andLessForMoreVacancies() {
    assertThat(StaffFlows.balanceFill(0.2, 100, 0, 0)).isZero();
    double tight = StaffFlows.balanceFill(0.10, 100, 0.18, 0.02);
    double loose = StaffFlows.balanceFill(0.25, 100, 0.18, 0.02);
    assertThat(tight).isGreaterThan(loose).isGreaterThan(0);
    // Below the pipeline's share of the posts no fill probability is enough.
    assertThat(StaffFlows.balanceFill(0.001, 100, 0.18, 0.02)).isEqualTo(StaffFlows.FILL.max());
  }

  /** Medway 2019: vacancy 20.4%, pooled mean 24.1%: the projection settles at the target. */
  @Test
  void calibratedFill_holdsTheVacancyTargetInTheProjection() {
    Figures figures = new Figures(data, data.area("Medway"), 2019);
    WorkforceReturn now = WorkforceReturn.read(figures);
    StaffFlows flows = StaffFlows.derive(figures, now, EstablishmentTrend.fit(figures));
    double today = now.vacancies() / (now.vacancies() + now.inPost());
    assertThat(flows.vacancyTarget()).isStrictlyBetween(today, today + 0.05);

    Trajectory t = ExpectedProjection.of(MonthPlan.of(Calibrator.calibrate(data,
        data.area("Medway"), 2019, 36).scenario()));
    assertThat(t.value(36, Metric.vacancyRate)).isCloseTo(flows.vacancyTarget(),
        within(0.02));
  }

  /** Medway 2019's caseload (20.3) is above its usual level: the flows sustain less. */
  @Test
  void caseloadAnchor_movesAHighCaseloadPartOfTheWayDown() {
    Figures figures = new Figures(data, data.area("Medway"), 2019);
    WorkforceReturn now = WorkforceReturn.read(figures);
    double anchor = CaseMix.caseloadAnchor(figures, now);
    assertThat(anchor).isStrictlyBetween(0.8, 1.0);

    Trajectory t = ExpectedProjection.of(MonthPlan.of(Calibrator.calibrate(data,
        data.area("Medway"), 2019, 36).scenario()));
    assertThat(t.value(36, Metric.caseload)).isLessThan(t.value(1, Metric.caseload))
        .isGreaterThan(now.caseload() * anchor * 0.9);
  }

  @Test
  void fundedPosts_growAtEnglandsDampedRate() {
    Figures medway = new Figures(data, data.area("Medway"), 2019);
    Figures england = new Figures(data, data.area("England"), 2019);
    assertThat(EstablishmentTrend.fit(medway).growth())
        .isEqualTo(EstablishmentTrend.fit(england).growth()).isPositive();
    assertThat(medway.notes()).anyMatch(n -> n.contains("England's"));
  }

  @Test
  void ownSpread_isPooledWithTheTypicalOne() {
    SummaryStatistics own = new SummaryStatistics();
    own.addValue(0.1);
    own.addValue(0.2);
    // One degree of freedom of variance 0.005, two of 0.05^2.
    assertThat(TypicalSpread.pool(own, 0.05, 2)).isCloseTo(Math.sqrt(0.01 / 3), within(1e-12));
    assertThat(TypicalSpread.pool(own, Double.NaN, 2)).isEqualTo(own.getStandardDeviation());
    Figures figures = new Figures(data, data.area("Medway"), 2019);
    assertThat(TypicalSpread.of(figures, "leavers_fte", "inpost_fte", (n, d) -> n / d))
        .isStrictlyBetween(0.005, 0.1);
  }
}
