package org.caseload.core.calibration;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.caseload.core.data.Area;
import org.caseload.core.data.DfeData;
import org.caseload.core.scenario.CaseCounts;
import org.caseload.core.scenario.Demand;
import org.caseload.core.scenario.Funding;
import org.caseload.core.scenario.Parameters;
import org.caseload.core.scenario.Problem;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.ScenarioValidator;
import org.caseload.core.scenario.Team;
import org.caseload.core.scenario.Uncertainty;
import org.caseload.core.scenario.Workforce;

/**
 * Builds a scenario at 30 September of a base year from the DfE figures of that year and
 * earlier (never later): the workforce, cases and flows, and the uncertainty of the rates.
 * The derivation is documented in {@code docs/calibration.md}; every figure that was missing
 * and replaced by a default is named in the notes. Each part is its own class: the
 * workforce return ({@link WorkforceReturn}), the front door ({@link FrontDoor}), the
 * referral trend ({@link ReferralTrend}), the cases ({@link CaseMix}), leaving and hiring
 * ({@link StaffFlows}), the teams ({@link TeamSplit}), funded posts
 * ({@link EstablishmentTrend}) and the uncertainty ({@link RateSpread}); the parameters the
 * data do not give are the defaults of {@link Demand} and {@link Workforce}.
 *
 * @implNote Stateless and thread-safe.
 */
public final class Calibrator {

  /** Plausible re-referral share. */
  static final Bounds RE_REFERRAL_SHARE = new Bounds(0, 0.9);
  /** Plausible agency cover share of vacancies. */
  static final Bounds COVER_SHARE = new Bounds(0, 1);
  /** Plausible absence share. */
  static final Bounds ABSENCE_SHARE = new Bounds(0, 0.5);

  private Calibrator() {}

  /**
   * The horizon of a calibrated council's scenario when none is asked for: three years, as
   * the command line, the API and the page calibrate.
   */
  public static final int DEFAULT_HORIZON_MONTHS = 36;

  /**
   * Calibrates {@code area} at 30 September {@code year}.
   *
   * @throws UncalibratableException if the figures of that year do not give a scenario: the
   *     workforce return, or a figure it cannot do without, is not published, is published
   *     only jointly with other councils, or the scenario is invalid
   */
  public static Calibration calibrate(DfeData data, Area area, int year, int horizonMonths) {
    Figures figures = new Figures(data, area, year);
    WorkforceReturn now = WorkforceReturn.read(figures);
    FrontDoor door = FrontDoor.read(figures, now.cases());
    Trend referrals = ReferralTrend.fit(figures);
    CaseMix mix = CaseMix.derive(figures, now, door);
    Trend posts = EstablishmentTrend.fit(figures);
    StaffFlows flows = StaffFlows.derive(figures, now, posts);
    double pipeline = StaffFlows.pipeline(now.starters());
    List<Team> teams = TeamSplit.split(figures, now, mix, pipeline);
    List<Uncertainty> uncertainty = RateSpread.of(figures, referrals, door, flows, posts);

    Funding funding = Funding.defaults().withEstablishmentGrowth(posts.growth());
    Scenario scenario = new Scenario(area.name() + " at 30 September " + year,
        LocalDate.of(year, 9, 30), horizonMonths, teams, CaseCounts.of(mix.waiting(), 0, 0, 0),
        new Parameters(demand(door, referrals, mix), workforce(now, flows), funding),
        List.of(), uncertainty, area.name());
    figures.noteFirst(String.format(Locale.ROOT, "%s at 30 September %d: %,.1f FTE in post,"
        + " %,.1f agency, %,.1f vacancies, %,.1f case holders, %,.0f cases (caseload %.1f); %,.0f"
        + " referrals in the year to 31 March %d, trend %+.1f%% a year (sd across replications %.1f points)",
        area.name(), year, now.inPost(), now.agency(), now.vacancies(), now.holders(),
        now.cases(), now.caseload(), door.referrals(), year, 100 * referrals.growth(),
        100 * referrals.growthSd()));
    List<Problem> problems = ScenarioValidator.problems(scenario);
    if (!problems.isEmpty()) {
      throw UncalibratableException.invalid(area, year, problems);
    }
    return new Calibration(area, year, scenario, figures.yearsRead(), figures.notes());
  }

  private static Demand demand(FrontDoor door, Trend referrals, CaseMix mix) {
    return Demand.builder(door.externalMonthly())
        .annualGrowth(referrals.growth())
        .nfaShare(door.nfaShare())
        .notInNeedShare(door.notInNeedShare())
        .reReferralShare(RE_REFERRAL_SHARE.clamp(door.reReferralShare()))
        .childProtectionShare(mix.cpShare())
        .lookedAfterShare(mix.lacShare())
        .childProtectionMonths(mix.cpMonths())
        .lookedAfterMonths(mix.lacMonths())
        .childInNeedMonths(mix.cinMonths())
        .build();
  }

  /**
   * The workforce parameters: the data's turnover, fill, absence and agency; no tenure
   * effect (the data do not give one); everything else {@link Workforce#defaults()}.
   */
  private static Workforce workforce(WorkforceReturn now, StaffFlows flows) {
    Workforce defaults = Workforce.defaults();
    double cover = now.cover();
    double coverShare = Double.isNaN(cover) || now.vacancies() <= 0
        ? defaults.agencyCoverShare() : COVER_SHARE.clamp(cover / now.vacancies());
    return Workforce.builder()
        .annualTurnover(flows.annualTurnover())
        .earlyTenureFactor(1)
        .laterTenureFactor(1)
        .fillProbability(flows.fillProbability())
        .absenceShare(ABSENCE_SHARE.clamp(now.absencePercent() / 100))
        .agencyCoverShare(coverShare)
        .agencyExtraFte(Double.isNaN(cover) ? 0 : Math.max(0, now.agency() - cover))
        .build();
  }
}
