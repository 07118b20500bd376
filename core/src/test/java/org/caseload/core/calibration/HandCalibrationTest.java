package org.caseload.core.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caseload.core.data.DfeData;
import org.caseload.core.scenario.Demand;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.Team;
import org.caseload.core.scenario.TeamRole;
import org.caseload.core.scenario.WorkerCohort;
import org.caseload.core.scenario.Workforce;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Medway 2019's calibrated parameters recomputed by hand from the CSV rows of
 * {@code data/dfe}, each formula as docs/calibration.md states it, written out here (no
 * production helper is called; the only shared inputs are the defaults of {@link Demand} and
 * {@link Workforce} and the plausible ranges, none of which binds for Medway 2019 except where
 * said). Tolerance 1e-12 relative: the production code takes means incrementally
 * (commons-math3) and a regression by updating formulas, which differ from the sums here only
 * by rounding; whole numbers are compared exactly.
 */
class HandCalibrationTest {

  private static final Path DATA = Path.of("..", "data", "dfe");
  private static final int YEAR = 2019;

  private static Scenario scenario;
  private static List<Map<String, String>> workforce;
  private static List<Map<String, String>> referralRows;

  @BeforeAll
  static void calibrate() throws IOException {
    DfeData data = DfeData.load(DATA);
    scenario = Calibrator.calibrate(data, data.area("Medway"), YEAR, 36).scenario();
    workforce = rows("csww_indicators_2017_to_2022.csv");
    referralRows = rows("c1_children_in_need_referrals_and_rereferrals_2013_to_2022.csv");
  }

  @Test
  void medway2019_parametersFollowTheDocumentedFormulas() throws IOException {
    Demand defaults = Demand.defaults(0);
    Workforce wDefaults = Workforce.defaults();

    // The workforce return of 2019.
    double inPost = medway(workforce, YEAR, "inpost_fte");
    double vacancies = medway(workforce, YEAR, "vacancy_fte");
    double agency = medway(workforce, YEAR, "agency_fte");
    double holders = medway(workforce, YEAR, "case_holders_fte");
    double cases = medway(workforce, YEAR, "cases");
    double starters = medway(workforce, YEAR, "starters_fte");
    double cover = medway(workforce, YEAR, "agency_cover_fte");
    double caseload = cases / holders;

    // Front door: referrals of the year, shares the means of the last three years.
    double referrals = medway(referralRows, YEAR, "referral_count");
    double reReferral = meanOverHistory(referralRows, "rereferral_percent") / 100;
    double nfa = meanOverHistory(referralRows, "no_further_action_percent") / 100;
    double notInNeed = meanOverHistory(referralRows, "not_in_need_percent") / 100;
    assertThat(notInNeed).as("not in need below its cap").isLessThan(0.95 - nfa);
    Demand d = scenario.parameters().demand();
    assertClose(d.baseMonthly(), referrals / 12 * (1 - reReferral), "external referrals");
    assertClose(d.reReferralShare(), reReferral, "re-referral share");
    assertClose(d.nfaShare(), nfa, "NFA share");
    assertClose(d.notInNeedShare(), notInNeed, "not in need share");

    // Referral trend: least squares of log(referrals) on the year over 2014-2019, the slope
    // shrunk by slope^2 / (slope^2 + se^2) and a quarter of it carried forward.
    double sx = 0;
    double sy = 0;
    int n = 0;
    for (int y = YEAR - 5; y <= YEAR; y++) {
      sx += y;
      sy += Math.log(medway(referralRows, y, "referral_count"));
      n++;
    }
    double xBar = sx / n;
    double yBar = sy / n;
    double sxx = 0;
    double sxy = 0;
    for (int y = YEAR - 5; y <= YEAR; y++) {
      sxx += (y - xBar) * (y - xBar);
      sxy += (y - xBar) * (Math.log(medway(referralRows, y, "referral_count")) - yBar);
    }
    double slope = sxy / sxx;
    double sse = 0;
    for (int y = YEAR - 5; y <= YEAR; y++) {
      double residual = Math.log(medway(referralRows, y, "referral_count"))
          - (yBar + slope * (y - xBar));
      sse += residual * residual;
    }
    double se = Math.sqrt(sse / (n - 2) / sxx);
    double shrunk = slope * slope / (slope * slope + se * se) * slope;
    assertClose(d.annualGrowth(), Math.exp(shrunk / 4) - 1, "referral growth");

    // Cases: assessments under way from the referral flow, the rest long-term.
    double perMonthlyStart = (1 - defaults.assessmentSameMonthShare())
        / defaults.assessmentLaterHazard();
    double assessments = perMonthlyStart * referrals / 12 * (1 - nfa);
    assertThat(assessments).isLessThan(0.5 * cases);
    double longTermHeld = cases - assessments;
    double newLongTerm = referrals * (1 - nfa - notInNeed);
    double cpStarts = medway(rows("d3_cpps_subsequent_plan_2013_to_2022.csv"), YEAR,
        "CPP_start");
    double cpStock = medway(rows("d5_cpps_at31march_by_duration_2013_to_2022.csv"), YEAR,
        "CPP_At31");
    double cpShare = cpStarts / newLongTerm;
    double cpMonths = cpStock * 12 / cpStarts;
    // Looked after: published from 2021 only, so the defaults.
    double lacShare = defaults.lookedAfterShare();
    double lacMonths = defaults.lookedAfterMonths();
    double lacStock = newLongTerm * lacShare * lacMonths / 12;
    double cinStock = medway(rows("b1_children_in_need_2013_to_2022.csv"), YEAR,
        "At31_episodes") - cpStock - lacStock;
    assertThat(cinStock).isGreaterThan(0.1 * longTermHeld);
    double cinMonths = cinStock / (newLongTerm * (1 - cpShare - lacShare) / 12);
    // Durations scaled so the flows sustain the long-term cases held, times the anchor:
    // the pooled mean caseload (half Medway's 2017-2019 mean, half England's) plus 0.3 of
    // today's gap from it, over today's.
    double ownMean = 0;
    double englandMean = 0;
    for (int y = YEAR - 2; y <= YEAR; y++) {
      ownMean += medway(workforce, y, "cases") / medway(workforce, y, "case_holders_fte") / 3;
      englandMean += england(workforce, y, "cases")
          / england(workforce, y, "case_holders_fte") / 3;
    }
    double pooledCaseload = 0.5 * ownMean + 0.5 * englandMean;
    double anchor = (pooledCaseload + 0.3 * (caseload - pooledCaseload)) / caseload;
    double stocks = cpStock + lacStock + cinStock;
    double scale = longTermHeld * anchor / stocks;
    assertClose(d.childProtectionShare(), cpShare, "child protection share");
    assertClose(d.lookedAfterShare(), lacShare, "looked-after share");
    assertClose(d.childProtectionMonths(), cpMonths * scale, "child protection months");
    assertClose(d.lookedAfterMonths(), lacMonths * scale, "looked-after months");
    assertClose(d.childInNeedMonths(), cinMonths * scale, "children in need months");

    // Turnover and vacancy rate: Medway's 2017-2019 means pooled with England's, Medway's
    // weight staff-years / (staff-years + 300).
    double staffYears = 0;
    double ownTurnover = 0;
    double ownVacancy = 0;
    double englandTurnover = 0;
    double englandVacancy = 0;
    for (int y = YEAR - 2; y <= YEAR; y++) {
      double in = medway(workforce, y, "inpost_fte");
      staffYears += in;
      ownTurnover += medway(workforce, y, "leavers_fte") / in / 3;
      ownVacancy += medway(workforce, y, "vacancy_fte")
          / (medway(workforce, y, "vacancy_fte") + in) / 3;
      double inEngland = england(workforce, y, "inpost_fte");
      englandTurnover += england(workforce, y, "leavers_fte") / inEngland / 3;
      englandVacancy += england(workforce, y, "vacancy_fte")
          / (england(workforce, y, "vacancy_fte") + inEngland) / 3;
    }
    double weight = staffYears / (staffYears + 300);
    double turnover = weight * ownTurnover + (1 - weight) * englandTurnover;
    double pressure = Math.exp(wDefaults.pressureBeta()
        * Math.max(0, caseload - wDefaults.caseloadReference()));
    Workforce w = scenario.parameters().workforce();
    assertClose(w.annualTurnover(), turnover / pressure, "turnover at the reference caseload");

    // Funded posts grow by half England's mean annual log change (2017-2019).
    double englandChange = (Math.log(englandPosts(2018) / englandPosts(2017))
        + Math.log(englandPosts(2019) / englandPosts(2018))) / 2;
    double postsGrowth = Math.exp(englandChange / 2) - 1;
    assertClose(scenario.parameters().funding().establishmentGrowth(), postsGrowth,
        "growth of funded posts");

    // Fill probability: the balance at a vacancy rate halfway between today's and the
    // pooled mean: hires replace leavers of the filled posts and fill the posts added, the
    // open posts being the vacancies less three months' hires.
    double today = vacancies / (vacancies + inPost);
    double pooledVacancy = weight * ownVacancy + (1 - weight) * englandVacancy;
    double target = pooledVacancy + 0.5 * (today - pooledVacancy);
    double posts = inPost + vacancies;
    double hires = posts * (1 - target)
        * (1 - Math.exp(-turnover / 12) + Math.log(1 + postsGrowth) / 12);
    double open = posts * target - 3 * hires;
    assertThat(open).isPositive();
    assertClose(w.fillProbability(), hires / open, "fill probability");

    // Absence and agency: the published rate; cover share = cover / vacancies (clamped to
    // 1: Medway's agency covered every vacancy), the other agency FTE extra.
    assertClose(w.absenceShare(), medway(workforce, YEAR, "absence_rate_fte") / 100,
        "absence share");
    assertClose(w.agencyCoverShare(), Math.min(1, cover / vacancies), "agency cover share");
    assertClose(w.agencyExtraFte(), agency - cover, "agency extra FTE");

    // Teams: split in proportion to the cases held; case-holder share of staff, caps,
    // tenure and pipeline (starters / 12 x 3).
    double assessmentShare = assessments / cases;
    int cap = (int) Math.max(20, Math.ceil(caseload * 1.1));
    double pipeline = starters / 12 * 3;
    int cp = (int) Math.round(longTermHeld * cpStock / stocks);
    int lac = (int) Math.round(longTermHeld * lacStock / stocks);
    int cin = (int) Math.round(longTermHeld) - cp - lac;
    assertThat(scenario.teams()).hasSize(2);
    for (Team team : scenario.teams()) {
      boolean assessing = team.role() == TeamRole.ASSESSMENT;
      double part = assessing ? assessmentShare : 1 - assessmentShare;
      String what = team.name();
      assertClose(team.establishment(), posts * part, what + " establishment");
      assertClose(team.caseHolderShare(), holders / (inPost + agency),
          what + " case-holder share");
      assertThat(team.caseloadCap()).as(what + " cap").isEqualTo(assessing ? cap + 3 : cap);
      assertThat(team.hardLimit()).as(what + " hard limit")
          .isEqualTo(team.caseloadCap() + 15);
      int permanent = (int) Math.round(inPost * part);
      int recent = (int) Math.min(permanent, Math.round(starters * part));
      assertThat(team.permanent()).as(what + " cohorts").containsExactly(
          WorkerCohort.of(recent, 6, false), WorkerCohort.of(permanent - recent, 48, false));
      assertThat(team.agencyWorkers()).as(what + " agency")
          .isEqualTo((int) Math.round(agency * part));
      assertThat(team.pipeline()).as(what + " pipeline")
          .isEqualTo((int) Math.round(pipeline * part));
      if (assessing) {
        assertThat(team.cases().assessment()).isEqualTo((int) Math.round(assessments));
        assertThat(team.cases().longTerm()).isZero();
      } else {
        assertThat(team.cases().assessment()).isZero();
        assertThat(team.cases().childProtection()).isEqualTo(cp);
        assertThat(team.cases().lookedAfter()).isEqualTo(lac);
        assertThat(team.cases().childInNeed()).isEqualTo(cin);
      }
    }
    assertThat(scenario.queues().assessment()).as("awaiting assessment")
        .isEqualTo((int) medway(rows("b1_children_in_need_2013_to_2022.csv"), YEAR,
            "awaiting_assessment"));
  }

  private static void assertClose(double actual, double expected, String what) {
    assertThat(actual).as(what).isCloseTo(expected, within(1e-12 * Math.max(1,
        Math.abs(expected))));
  }

  private static double englandPosts(int year) {
    return england(workforce, year, "inpost_fte") + england(workforce, year, "vacancy_fte");
  }

  /** The mean of a Medway column over the three years to the base year. */
  private static double meanOverHistory(List<Map<String, String>> table, String column) {
    double sum = 0;
    for (int y = YEAR - 2; y <= YEAR; y++) {
      sum += medway(table, y, column);
    }
    return sum / 3;
  }

  private static double medway(List<Map<String, String>> table, int year, String column) {
    return value(table, year, column, "Local authority", "Medway");
  }

  private static double england(List<Map<String, String>> table, int year, String column) {
    return value(table, year, column, "National", "");
  }

  /** The one row of that level, area and year; its column as a number (it must be one). */
  private static double value(List<Map<String, String>> table, int year, String column,
      String level, String la) {
    List<Map<String, String>> found = table.stream()
        .filter(r -> r.get("time_period").equals(Integer.toString(year))
            && r.get("geographic_level").equals(level) && r.get("la_name").equals(la))
        .toList();
    assertThat(found).as(la + " " + level + " " + year).hasSize(1);
    return Double.parseDouble(found.get(0).get(column));
  }

  private static List<Map<String, String>> rows(String file) throws IOException {
    List<String> lines = Files.readAllLines(DATA.resolve(file));
    List<String> header = split(lines.get(0));
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> cells = split(line);
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), i < cells.size() ? cells.get(i) : "");
      }
      rows.add(row);
    }
    return rows;
  }

  /** Splits a CSV line, honouring double quotes. */
  private static List<String> split(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }
}
