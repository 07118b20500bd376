package org.caseload.core.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.caseload.core.data.DfeData;
import org.caseload.core.data.DfeTable;
import org.caseload.core.data.EditedDfeData;
import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.Trajectory;
import org.caseload.core.model.ExpectedProjection;
import org.caseload.core.model.MonthPlan;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.ScenarioJson;
import org.caseload.core.scenario.Uncertainty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibratorTest {

  private static final Path DATA = Path.of("..", "data", "dfe");

  @TempDir
  Path dir;

  /**
   * A council whose years' figures disagree far more than the typical council's is said to
   * be very uncertain where it is (Leeds 2021: fill probability sd 0.286 a month, 4.5 times
   * the typical; its agency cover, 2.9 times, is not), each ratio as the notes' own figures
   * give it; Medway 2019 has none.
   */
  @Test
  void aCouncilWhoseFiguresDisagree_isSaidToBeVeryUncertain() throws IOException {
    DfeData data = DfeData.load(DATA);
    Calibration leeds = Calibrator.calibrate(data, data.area("Leeds"), 2021, 36);
    List<String> wide = leeds.notes().stream().filter(n -> n.startsWith("very uncertain:"))
        .toList();
    assertThat(wide).hasSize(1);
    assertThat(wide.get(0)).startsWith("very uncertain: fillProbability: drawn with sd 0.286 a"
        + " month, 4.5 times the typical council's 0.063 a month");
    double fill = leeds.scenario().uncertainty().stream()
        .filter(u -> u.parameter() == Uncertainty.Parameter.fillProbability).findFirst()
        .orElseThrow().sd();
    assertThat(fill / 0.063).as("at least WIDE times").isGreaterThanOrEqualTo(RateSpread.WIDE);
    assertThat(Calibrator.calibrate(data, data.area("Medway"), 2019, 36).notes())
        .noneMatch(n -> n.startsWith("very uncertain"));
  }

  /**
   * Many children awaiting assessment at 31 March (West Sussex 2022: 1,300, 1.7 months of
   * assessed referrals) are carried to the base date as waiting and allocated from month 1,
   * and the notes say by how much that may lift the first months' caseload: at most the
   * waiting over the case holders (the published figures' own), which the expected-value
   * projection's month-1 caseload rises towards; councils with few waiting (Medway 2019: 62,
   * under half a case a holder) have no such note.
   */
  @Test
  void manyChildrenWaitingAtTheStart_areSaidToLiftTheFirstMonthsCaseload() throws IOException {
    DfeData data = DfeData.load(DATA);
    var area = data.area("West Sussex");
    Calibration c = Calibrator.calibrate(data, area, 2022, 12);
    double waiting = data.value(DfeTable.CHILDREN_IN_NEED, area, 2022, "awaiting_assessment");
    double holders = data.value(DfeTable.WORKFORCE, area, 2022, "case_holders_fte");
    double published = data.value(DfeTable.WORKFORCE, area, 2022, "cases") / holders;
    assertThat(waiting).isEqualTo(1300);
    assertThat(c.scenario().queues().assessment()).isEqualTo(1300);
    double lift = waiting / holders;
    assertThat(c.notes()).contains(String.format(Locale.ROOT, "children awaiting assessment at"
        + " 31 March 2022: 1,300 (1.7 months of assessed referrals), carried to 30 September as"
        + " waiting; the model allocates them from month 1 as room allows, up to %.1f more"
        + " cases a case holder than the published caseload of %.1f in the first months (the"
        + " DfE publishes no 30 September figure; to start with another number, set"
        + " queues.assessment)", lift, published));
    Trajectory projected = ExpectedProjection.of(MonthPlan.of(c.scenario()));
    assertThat(projected.value(1, Metric.caseload)).as("month 1's caseload")
        .isGreaterThan(published + 0.5 * lift).isLessThanOrEqualTo(published + lift);
    assertThat(Calibrator.calibrate(data, data.area("Medway"), 2019, 36).notes())
        .noneMatch(n -> n.startsWith("children awaiting assessment"));
  }

  /**
   * Every council and year that calibrates gives each team at least one funded post (a
   * fraction of one is never filled) and, where it has workers, at least one case holder as
   * the model rounds the case-holder share: City of London's assessment team of 2019 had 0.51
   * posts and no worker, so no assessment was ever completed (children waiting 24 to 164 in
   * two years while the caseload fell from 14.4 to 3.4). The expected-value projection of the
   * smallest councils then completes assessments every month and, from its first year's end,
   * keeps waiting children within a month's referrals.
   */
  @Test
  void everyTeam_hasAPostAndACaseHolder_evenInTheSmallestCouncils() throws IOException {
    DfeData data = DfeData.load(DATA);
    int calibrated = 0;
    for (org.caseload.core.data.Area area : data.areas()) {
      if (area.level() != org.caseload.core.data.Area.Level.LOCAL_AUTHORITY) {
        continue;
      }
      for (int year : data.years(DfeTable.WORKFORCE, area)) {
        Calibration calibration;
        try {
          calibration = Calibrator.calibrate(data, area, year, 12);
        } catch (UncalibratableException e) {
          continue;
        }
        calibrated++;
        double posts = calibration.scenario().teams().stream()
            .mapToDouble(org.caseload.core.scenario.Team::establishment).sum();
        for (org.caseload.core.scenario.Team team : calibration.scenario().teams()) {
          String what = area.name() + " " + year + " " + team.name();
          if (posts >= 2) {
            assertThat(team.establishment()).as(what + " funded posts").isGreaterThan(1 - 1e-9);
          }
          int staff = team.permanent().stream().mapToInt(c -> c.count()).sum()
              + team.agencyWorkers();
          if (staff > 0) {
            assertThat(Math.round(team.caseHolderShare() * staff)).as(what + " case holders of "
                + staff).isPositive();
          }
        }
      }
    }
    assertThat(calibrated).as("councils and years calibrated").isGreaterThan(800);
    for (String smallest : List.of("City of London", "Isles of Scilly")) {
      Calibration c = Calibrator.calibrate(data, data.area(smallest), 2019, 24);
      assertThat(c.notes()).as(smallest).anyMatch(n -> n.startsWith("assessment team: given 1"
          + " funded post"));
      Trajectory projected = ExpectedProjection.of(MonthPlan.of(c.scenario()));
      for (int month = 2; month <= 24; month++) {
        assertThat(projected.value(month, Metric.assessmentsCompleted)).as(smallest + " month "
            + month + " assessments completed").isPositive();
        if (month >= 12) { // once the Isles of Scilly's vacant assessment post is filled
          assertThat(projected.value(month, Metric.unallocatedCases)).as(smallest + " month "
              + month + " waiting").isLessThan(projected.value(month, Metric.referrals));
        }
      }
    }
  }

  /**
   * Where the teams' case holders, whole workers each, start the caseload 10% or more from
   * the published one, the notes say so with both figures, and only there: the Isles of
   * Scilly 2022's one published holder is two, one a team, its 9.0 starting at 4.5, which
   * nothing had said (an outside audit). Every council and year, against the published cases
   * and case-holding FTE.
   */
  @Test
  void aStartingCaseloadFarFromThePublishedOne_isNoted() throws IOException {
    DfeData data = DfeData.load(DATA);
    List<String> noted = new ArrayList<>();
    for (org.caseload.core.data.Area area : data.areas()) {
      if (area.level() != org.caseload.core.data.Area.Level.LOCAL_AUTHORITY) {
        continue;
      }
      for (int year : data.years(DfeTable.WORKFORCE, area)) {
        double cases = data.value(DfeTable.WORKFORCE, area, year, "cases");
        double published = data.value(DfeTable.WORKFORCE, area, year, "case_holders_fte");
        Calibration calibration;
        try {
          calibration = Calibrator.calibrate(data, area, year, 12);
        } catch (UncalibratableException e) {
          continue;
        }
        if (Double.isNaN(cases) || Double.isNaN(published) || published <= 0) {
          continue;
        }
        long holders = calibration.scenario().teams().stream()
            .mapToLong(t -> Math.round(t.caseHolderShare() * (t.permanentCount()
                + t.agencyWorkers()))).sum();
        double start = cases / holders;
        double caseload = cases / Math.max(published, 1);
        boolean far = Math.abs(start - caseload) >= TeamSplit.CASELOAD_NOTED_OFF_BY * caseload;
        String what = area.name() + " " + year;
        assertThat(calibration.notes().stream().anyMatch(n -> n.startsWith("case holders: "
            + holders + " at the start where"))).as(what + ": starts at " + start + " for "
            + caseload).isEqualTo(far);
        if (far) {
          noted.add(what);
        }
      }
    }
    // docs/calibration.md names them
    assertThat(noted).containsExactlyInAnyOrder("Isles of Scilly 2022", "City of London 2017",
        "City of London 2018", "City of London 2019", "City of London 2021");
  }

  /**
   * Where the fill probability is drawn as 0 in 5% of replications or more (those recruit
   * nobody in the whole run), the notes say how often, and only there: every council and
   * year, against the normal's probability below 0 (Commons Math), and Medway 2019's 21%
   * (docs/calibration.md's known limitation; a planner had found Birmingham 2022's
   * no-starter futures unsaid).
   */
  @Test
  void replicationsThatRecruitNobody_areNoted() throws IOException {
    DfeData data = DfeData.load(DATA);
    org.apache.commons.math3.distribution.NormalDistribution normal =
        new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1);
    int noted = 0;
    for (org.caseload.core.data.Area area : data.areas()) {
      if (area.level() != org.caseload.core.data.Area.Level.LOCAL_AUTHORITY) {
        continue;
      }
      for (int year : data.years(DfeTable.WORKFORCE, area)) {
        Calibration calibration;
        try {
          calibration = Calibrator.calibrate(data, area, year, 12);
        } catch (UncalibratableException e) {
          continue;
        }
        Scenario s = calibration.scenario();
        double fill = s.parameters().workforce().fillProbability();
        double sd = s.uncertainty().stream()
            .filter(u -> u.parameter() == org.caseload.core.scenario.Uncertainty.Parameter
                .fillProbability).mapToDouble(u -> u.sd()).findFirst().orElse(0);
        double atZero = sd > 0 ? normal.cumulativeProbability(-fill / sd) : 0;
        String expected = String.format(Locale.ROOT, "is drawn as 0 in %.0f%% of replications",
            100 * atZero);
        boolean said = calibration.notes().stream()
            .anyMatch(n -> n.startsWith(RateSpread.NO_RECRUITMENT) && n.contains(expected));
        assertThat(said).as(area.name() + " " + year + ": " + atZero)
            .isEqualTo(atZero >= RateSpread.NO_RECRUITMENT_NOTED);
        noted += said ? 1 : 0;
      }
    }
    assertThat(noted).isPositive();
    assertThat(Calibrator.calibrate(data, data.area("Medway"), 2019, 12).notes())
        .anyMatch(n -> n.startsWith("no recruitment: the fill probability (0.074 a month, sd"
            + " 0.090 across replications) is drawn as 0 in 21% of replications"));
  }

  /**
   * A return whose cases held are too few for the children the census counts is said to be
   * doubtful, and only there: Cumbria 2018 (417 cases held by 29.2 case holders of 244 in
   * post, the census 3,305) had been calibrated silently, its forecast climbing to 748 cases
   * and 410 waiting by 2019 where Cumbria published 3,410 held (a planner's trial). Every
   * council and year: the note exactly where the durations' scale would fall below its least.
   */
  @Test
  void aReturnWithTooFewCasesForTheCensus_isSaidToBeDoubtful() throws IOException {
    DfeData data = DfeData.load(DATA);
    List<String> doubtful = new ArrayList<>();
    for (org.caseload.core.data.Area area : data.areas()) {
      if (area.level() != org.caseload.core.data.Area.Level.LOCAL_AUTHORITY) {
        continue;
      }
      for (int year : data.years(DfeTable.WORKFORCE, area)) {
        Calibration calibration;
        try {
          calibration = Calibrator.calibrate(data, area, year, 12);
        } catch (UncalibratableException e) {
          continue;
        }
        List<String> notes = calibration.notes();
        boolean said = notes.stream().anyMatch(n -> n.startsWith(CaseMix.DOUBTFUL_RETURN));
        boolean clamped = notes.stream().anyMatch(n -> n.startsWith("durations scaled by 0.30"));
        assertThat(said).as(area.name() + " " + year).isEqualTo(clamped);
        if (said) {
          doubtful.add(area.name() + " " + year);
        }
      }
    }
    // docs/calibration.md names them
    assertThat(doubtful).containsExactlyInAnyOrder("Cumbria 2018", "Hillingdon 2020",
        "Hillingdon 2022", "Redbridge 2021");
  }

  /**
   * North and West Northamptonshire's area reads Northamptonshire's figures, the council they
   * replaced, for the years before either published any: 2021's referrals are the county's
   * 11,724 of the year to March 2021 (data/dfe's c1 table), not the default of 1.5 a case
   * held "not published" (5,835: an outside audit), with a trend over the county's years; the
   * notes say whose. The county's own calibration is unchanged by it.
   */
  @Test
  void northAndWestNorthamptonshire_readTheCountysFiguresBeforeTheirOwn() throws IOException {
    DfeData data = DfeData.load(DATA);
    org.caseload.core.data.Area area =
        data.area("North Northamptonshire / West Northamptonshire");
    Calibration c2021 = Calibrator.calibrate(data, area, 2021, 12);
    assertThat(c2021.notes()).anyMatch(n -> n.contains("are Northamptonshire's (E10000021)"))
        .noneMatch(n -> n.startsWith("referrals: not published"))
        .anyMatch(n -> n.contains("11,724 referrals in the year to 31 March 2021"))
        .anyMatch(n -> n.startsWith("referral trend: log-linear fit over 6 years"));
    assertThat(c2021.yearsRead()).contains(2016, 2020, 2021);
    Trajectory t = ExpectedProjection.of(MonthPlan.of(c2021.scenario()));
    assertThat(t.value(1, Metric.referrals)).isCloseTo(11_724 / 12.0, within(11_724 / 12.0 * 0.05));
    Calibration c2022 = Calibrator.calibrate(data, area, 2022, 12);
    assertThat(c2022.notes()).anyMatch(n -> n.contains("14,258 referrals in the year to 31 March"
        + " 2022")).anyMatch(n -> n.startsWith("referral trend: log-linear fit over 6 years"));
    // a council with no predecessor reads only its own
    assertThat(Calibrator.calibrate(data, data.area("Medway"), 2019, 12).notes())
        .noneMatch(n -> n.contains("the council they replaced"));
    assertThat(Calibrator.calibrate(data, data.area("Northamptonshire"), 2019, 12).notes())
        .noneMatch(n -> n.contains("the council they replaced"));
  }

  /**
   * Before 2021 North and West Northamptonshire's area is Northamptonshire under its
   * successors' name, so each year's calibration is the county's but for the name and area:
   * its spreads too (the county's return had counted twice in the councils' typical spread,
   * once as itself and once read as the area's: an analyst found annualTurnover's sd 0.029759
   * for 0.030007).
   */
  @Test
  void northAndWestNorthamptonshire_before2021_isTheCountysCalibration() throws IOException {
    DfeData data = DfeData.load(DATA);
    for (int year = 2017; year <= 2020; year++) {
      Scenario county = Calibrator.calibrate(data, data.area("Northamptonshire"), year, 24)
          .scenario();
      Scenario joint = Calibrator.calibrate(data,
          data.area("North Northamptonshire / West Northamptonshire"), year, 24).scenario();
      assertThat(joint.uncertainty()).as("%d", year).isEqualTo(county.uncertainty());
      assertThat(joint.withName(county.name()).teams()).isEqualTo(county.teams());
      assertThat(joint.parameters()).as("%d", year).isEqualTo(county.parameters());
    }
  }

  @Test
  void medway2019_startsFromItsPublishedWorkforce() throws IOException {
    DfeData data = DfeData.load(DATA);
    Calibration c = Calibrator.calibrate(data, data.area("Medway"), 2019, 36);
    Scenario s = c.scenario();
    assertThat(s.baseDate().toString()).isEqualTo("2019-09-30");
    double establishment = s.teams().stream().mapToDouble(t -> t.establishment()).sum();
    assertThat(establishment).isCloseTo(162.1 + 41.5, within(1e-9));
    int permanent = s.teams().stream().mapToInt(t -> t.permanentCount()).sum();
    assertThat(permanent).isBetween(161, 163);
    Trajectory t = ExpectedProjection.of(MonthPlan.of(s));
    assertThat(t.value(1, Metric.caseload)).isCloseTo(20.3, within(1.0));
    assertThat(t.value(1, Metric.referrals)).isCloseTo(4025 / 12.0, within(4025 / 12.0 * 0.05));
    assertThat(c.yearsRead()).isNotEmpty().allMatch(y -> y <= 2019);
    assertThat(s.uncertainty()).isNotEmpty();
    assertThat(c.notes()).anyMatch(n -> n.contains("looked-after share"));
    // the council and its area in the scenario, counts of thousands grouped as the page's are
    assertThat(s.area()).isEqualTo("Medway");
    assertThat(c.notes().get(0)).contains(" 4,025 referrals in the year to 31 March 2019");
    // every figure the notes give is as uncertain as the runs draw it: each sd, in its unit
    String spreads = c.notes().stream().filter(n -> n.startsWith("uncertain across"))
        .findFirst().orElseThrow();
    assertThat(s.uncertainty()).hasSize(8);
    for (Uncertainty u : s.uncertainty()) {
      String expected = switch (u.parameter()) {
        case referralLevel -> String.format(Locale.ROOT, "referralLevel %.1f%% (of its log)",
            100 * u.sd());
        case fillProbability -> String.format(Locale.ROOT, "fillProbability %.3f a month",
            u.sd());
        case referralGrowth, establishmentGrowth -> String.format(Locale.ROOT,
            "%s %.1f points a year", u.parameter(), 100 * u.sd());
        default -> String.format(Locale.ROOT, "%s %.1f points", u.parameter(), 100 * u.sd());
      };
      assertThat(spreads).contains(expected);
    }
    assertThat(spreads).contains("fillProbability 0.090 a month", "agencyCoverShare 16.6 points");
    assertThat(c.notes().get(0)).contains(String.format(Locale.ROOT,
        "(sd across replications %.1f points)", 100 * s.uncertainty().stream()
            .filter(u -> u.parameter() == Uncertainty.Parameter.referralGrowth).findFirst()
            .orElseThrow().sd()));
  }

  /**
   * 2017 is the first year of workforce figures: no council has a spread of its own, so
   * turnover, fill probability and agency cover take the typical council's of 2017-2019
   * (RateSpread's constants, recomputed here from the data at base year 2019) and say so.
   */
  @Test
  void firstWorkforceYear_takesTheTypicalSpreadOfTheFirstYears() throws IOException {
    DfeData data = DfeData.load(DATA);
    Figures later = new Figures(data, data.area("Medway"), 2019);
    assertThat(TypicalSpread.of(later, "leavers_fte", "inpost_fte", (n, d) -> n / d))
        .isCloseTo(RateSpread.FIRST_YEARS_TURNOVER, within(0.0005));
    assertThat(TypicalSpread.of(later, "starters_fte", "vacancy_fte",
        StaffFlows::fillProbability)).isCloseTo(RateSpread.FIRST_YEARS_FILL, within(0.0005));
    assertThat(TypicalSpread.of(later, "agency_cover_fte", "vacancy_fte",
        (n, d) -> Math.min(1, n / d))).isCloseTo(RateSpread.FIRST_YEARS_COVER, within(0.0005));
    for (String council : List.of("Medway", "Worcestershire")) {
      Calibration c = Calibrator.calibrate(data, data.area(council), 2017, 36);
      for (Uncertainty.Parameter p : List.of(Uncertainty.Parameter.annualTurnover,
          Uncertainty.Parameter.fillProbability, Uncertainty.Parameter.agencyCoverShare)) {
        assertThat(c.scenario().uncertainty()).filteredOn(u -> u.parameter() == p)
            .singleElement().satisfies(u -> assertThat(u.sd()).as(council + " " + p)
                .isGreaterThan(0.01));
      }
      assertThat(c.notes()).anyMatch(n -> n.contains("typical council's over 2017-2019"));
    }
    assertThat(Calibrator.calibrate(data, data.area("Medway"), 2019, 36).notes())
        .noneMatch(n -> n.contains("typical council's over 2017-2019"));
  }

  /** Rows after the base year are replaced by absurd values: the scenario must not change. */
  @Test
  void neverReadsAYearAfterTheBaseYear() throws IOException {
    Path poisoned = dir.resolve("poisoned");
    Files.createDirectories(poisoned);
    try (Stream<Path> files = Files.list(DATA)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
        List<String> lines = Files.readAllLines(file);
        StringBuilder out = new StringBuilder(lines.get(0)).append('\n');
        for (String line : lines.subList(1, lines.size())) {
          int year = Integer.parseInt(line.substring(0, 4));
          out.append(year > 2018 ? line.replaceAll(",\\d+(\\.\\d+)?(?=,|$)", ",99999") : line)
              .append('\n');
        }
        Files.writeString(poisoned.resolve(file.getFileName()), out);
      }
    }
    DfeData real = DfeData.load(DATA);
    DfeData fake = DfeData.load(poisoned);
    // Kingston upon Thames / Richmond upon Thames reads its two councils' referrals
    for (String council : List.of("Medway", "Northamptonshire", "Worcestershire", "England",
        "Kingston upon Thames / Richmond upon Thames")) {
      String a = ScenarioJson.write(Calibrator.calibrate(real, real.area(council), 2018, 24)
          .scenario());
      String b = ScenarioJson.write(Calibrator.calibrate(fake, fake.area(council), 2018, 24)
          .scenario());
      assertThat(b).as(council).isEqualTo(a);
    }
  }

  @Test
  void missingWorkforce_isRefusedWithTheReason() throws IOException {
    DfeData data = DfeData.load(DATA);
    assertThatThrownBy(() -> Calibrator.calibrate(data, data.area("Medway"), 2015, 36))
        .isInstanceOfSatisfying(UncalibratableException.class, e -> assertThat(e.reason())
            .isEqualTo(UncalibratableException.Reason.NOT_PUBLISHED))
        .hasMessage("Medway 2015: the workforce return is not published for that year"
            + " (returns published: 2017-2022)");
  }

  /**
   * A figure no table could hold (a hostile 1e300 in post, a referral count of an earlier
   * year) is refused naming its column, area and year; it had been refused as an invalid
   * scenario naming derived fields ("teams[0].establishment: must be <= 100000, was
   * 1.3241611158027348E299"). England's child population, the largest real figure, is read.
   */
  @Test
  void absurdFigures_areRefusedNamingTheirColumn() throws IOException {
    DfeData huge = DfeData.load(EditedDfeData.workforce(dir.resolve("huge"), "Medway", 2019,
        "1e300", EditedDfeData.INPOST_FTE));
    assertThatThrownBy(() -> Calibrator.calibrate(huge, huge.area("Medway"), 2019, 36))
        .isInstanceOfSatisfying(UncalibratableException.class, e -> assertThat(e.reason())
            .isEqualTo(UncalibratableException.Reason.UNUSABLE_FIGURES))
        .hasMessage("Medway 2019: inpost_fte is 1.00e+300 in the data: a published figure is"
            + " from 0 to 100,000,000");

    Path edited = Files.createDirectory(dir.resolve("referrals"));
    try (var files = Files.list(DATA)) {
      for (Path file : files.toList()) {
        Files.copy(file, edited.resolve(file.getFileName().toString()));
      }
    }
    Path c1 = edited.resolve("c1_children_in_need_referrals_and_rereferrals_2013_to_2022.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(c1));
    int changed = 0;
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).startsWith("2018,") && lines.get(i).contains(",Medway,")) {
        lines.set(i, lines.get(i).replaceFirst(",Medway,([^,]*),[0-9]+,", ",Medway,$1,100000001,"));
        changed++;
      }
    }
    assertThat(changed).isEqualTo(1);
    Files.write(c1, lines);
    DfeData many = DfeData.load(edited);
    assertThatThrownBy(() -> Calibrator.calibrate(many, many.area("Medway"), 2019, 36))
        .hasMessage("Medway 2019: referral_count of Medway 2018 is 100000001 in the data: a"
            + " published figure is from 0 to 100,000,000");
    assertThat(org.caseload.core.data.PublishedFigure.MAX).isGreaterThan(8 * many.value(DfeTable.POPULATION,
        many.area("England"), 2022, "population_estimate"));
  }

  @Test
  void workforcePublishedOnlyJointly_saysSo_andNamesTheJointArea() throws IOException {
    DfeData data = DfeData.load(DATA);
    assertThatThrownBy(() -> Calibrator.calibrate(data, data.area("West Northamptonshire"),
        2021, 36)).isInstanceOfSatisfying(UncalibratableException.class, e -> assertThat(
            e.reason()).isEqualTo(UncalibratableException.Reason.PUBLISHED_JOINTLY))
        .hasMessage("West Northamptonshire 2021: the workforce figures are published only"
            + " jointly with North Northamptonshire, as 'North Northamptonshire / West"
            + " Northamptonshire' (E06000061 / E06000062), which can be calibrated");
    assertThat(Calibrator.calibrate(data, data.area("North Northamptonshire / West"
        + " Northamptonshire"), 2021, 36).scenario()).isNotNull();
  }

  /**
   * Westminster's 2022 return suppresses agency FTE ('x') but publishes 17 agency workers; in
   * 2019-2021 it published 9, 4 and 1 agency FTE of 13, 25 and 14 agency workers: agency FTE
   * is 17 x 14 / 52, noted. Without those years' agency figures, its permanent staff's FTE per
   * head (149.5 FTE of 153 in 2022) stands in.
   */
  @Test
  void suppressedAgencyFte_isEstimatedFromTheHeadcount_andNoted() throws IOException {
    DfeData data = DfeData.load(DATA);
    Figures figures = new Figures(data, data.area("Westminster"), 2022);
    assertThat(WorkforceReturn.read(figures).agency()).isEqualTo(17 * (14.0 / 52));
    assertThat(figures.notes()).contains("agency FTE: not published for 2022; estimated as"
        + " 4.6 from 17 agency workers at its own agency FTE per head in 2019-2021, 0.269"
        + " (14.0 FTE of 52 heads)");
    Calibration calibration = Calibrator.calibrate(data, data.area("Westminster"), 2022, 36);
    assertThat(calibration.notes()).anyMatch(n -> n.startsWith("agency FTE: not published"));
    assertThat(calibration.notes().get(0)).contains("4.6 agency");

    DfeData twoYears = DfeData.load(EditedDfeData.workforce(dir.resolve("two"),
        "Westminster", 2021, "x", EditedDfeData.AGENCY_FTE));
    assertThat(WorkforceReturn.read(new Figures(twoYears, twoYears.area("Westminster"), 2022))
        .agency()).isEqualTo(17 * (13.0 / 38)); // 2019 and 2020
    DfeData none = DfeData.load(EditedDfeData.workforce(dir.resolve("none"), "Westminster",
        List.of(2019, 2020, 2021), "x", EditedDfeData.AGENCY_FTE));
    Figures permanent = new Figures(none, none.area("Westminster"), 2022);
    assertThat(WorkforceReturn.read(permanent).agency()).isEqualTo(17 * (149.5 / 153));
    assertThat(permanent.notes()).anyMatch(n -> n.endsWith("at its permanent staff's FTE per"
        + " head, 0.977"));
  }

  @Test
  void figuresTheReturnCannotDoWithout_areNamed() throws IOException {
    Path data = EditedDfeData.workforce(dir.resolve("edited"), "Medway", 2019, "x",
        EditedDfeData.VACANCY_FTE, EditedDfeData.AGENCY_FTE, EditedDfeData.AGENCY_HEADCOUNT);
    DfeData edited = DfeData.load(data);
    assertThatThrownBy(() -> Calibrator.calibrate(edited, edited.area("Medway"), 2019, 36))
        .isInstanceOfSatisfying(UncalibratableException.class, e -> assertThat(e.reason())
            .isEqualTo(UncalibratableException.Reason.NOT_PUBLISHED))
        .hasMessage("Medway 2019: vacancy FTE, agency FTE and headcount are not published in"
            + " that year's workforce return (returns published: 2017-2022)");
  }

  @Test
  void figuresGivingAnInvalidScenario_areRefusedWithTheValidatorsProblems() throws IOException {
    Path data = EditedDfeData.workforce(dir.resolve("edited"), "Medway", 2019, "900000",
        EditedDfeData.INPOST_FTE);
    DfeData edited = DfeData.load(data);
    assertThatThrownBy(() -> Calibrator.calibrate(edited, edited.area("Medway"), 2019, 36))
        .isInstanceOfSatisfying(UncalibratableException.class, e -> {
          assertThat(e.reason()).isEqualTo(UncalibratableException.Reason.UNUSABLE_FIGURES);
          assertThat(e.problems()).isNotEmpty();
          assertThat(e.getMessage()).startsWith("Medway 2019: the published figures give an"
              + " invalid scenario: ").contains(e.problems().get(0).toString());
        });
  }

}
