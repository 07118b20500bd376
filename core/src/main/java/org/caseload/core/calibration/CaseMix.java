package org.caseload.core.calibration;

import java.util.Locale;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.caseload.core.data.Area;
import org.caseload.core.data.DfeTable;
import org.caseload.core.scenario.Demand;

/**
 * The cases held at the base date and the flows that sustain them: assessments under way
 * from the referral flow, the rest long-term, split between child protection, looked after
 * and other children in need in proportion to the census stocks, with their shares of new
 * cases and durations (docs/calibration.md, "The starting state" and "Flows").
 *
 * @param assessments assessments under way
 * @param longTermHeld long-term cases held
 * @param cpShare child protection share of new long-term cases
 * @param lacShare looked-after share of new long-term cases
 * @param cpMonths child protection duration, months
 * @param lacMonths looked-after duration, months
 * @param cinMonths other children in need's duration, months
 * @param cp child protection cases held
 * @param lac looked-after cases held
 * @param cin other children in need cases held
 * @param waiting children awaiting assessment at 31 March (0 when not published)
 */
record CaseMix(double assessments, double longTermHeld, double cpShare, double lacShare,
    double cpMonths, double lacMonths, double cinMonths, int cp, int lac, int cin,
    int waiting) {

  /** At most this share of the cases held are assessments: an assumption. */
  static final double MAX_ASSESSMENT_SHARE = 0.5;
  /** Plausible child protection share of new long-term cases. */
  static final Bounds CP_SHARE = new Bounds(0.02, 0.6);
  /** Plausible child protection duration, months. */
  static final Bounds CP_MONTHS = new Bounds(2, 36);
  /** Plausible looked-after share of new long-term cases. */
  static final Bounds LAC_SHARE = new Bounds(0.01, 0.4);
  /** Plausible looked-after duration, months. */
  static final Bounds LAC_MONTHS = new Bounds(6, 120);
  /** Most of new long-term cases that may be child protection or looked after: assumption. */
  static final double MAX_CP_AND_LAC_SHARE = 0.95;
  /** Other children in need are at least this share of long-term cases: an assumption. */
  static final double MIN_CIN_SHARE = 0.1;
  /** Plausible duration of other children in need, months. */
  static final Bounds CIN_MONTHS = new Bounds(2, 60);
  /** Plausible scale of the durations (cases held / census stock). */
  static final Bounds STOCK_SCALE = new Bounds(0.3, 3);
  /**
   * Share of the gap between today's caseload and the area's pooled mean that the flows
   * sustain in the long run: an assumption, chosen by the backtest among 0, 0.3 and 0.5
   * (docs/backtest.md).
   */
  static final double CASELOAD_PERSISTENCE = 0.3;
  /** Weight of the area's own mean caseload against England's: an assumption. */
  static final double OWN_CASELOAD_WEIGHT = 0.5;
  /** Plausible long-run caseload over today's. */
  static final Bounds ANCHOR_RATIO = new Bounds(0.5, 2);
  /** Plausible durations after scaling, months. */
  static final Bounds SCALED_MONTHS = new Bounds(1, 600);

  /**
   * Assessments under way per assessment started a month, in the steady state of the
   * defaults' completion: those not done in the month of allocation, over the later hazard.
   */
  static double assessmentsPerMonthlyStart() {
    Demand d = Demand.defaults(0);
    return (1 - d.assessmentSameMonthShare()) / d.assessmentLaterHazard();
  }

  static CaseMix derive(Figures figures, WorkforceReturn now, FrontDoor door) {
    double cases = now.cases();
    Demand defaults = Demand.defaults(0);
    int year = figures.year();
    double assessments = Math.min(assessmentsPerMonthlyStart() * door.monthly()
        * (1 - door.nfaShare()), MAX_ASSESSMENT_SHARE * cases);
    double longTermHeld = cases - assessments;
    double newLongTermPerYear = door.newLongTermPerYear();
    double cpStock = figures.read(DfeTable.PROTECTION_AT_31_MARCH, year, "CPP_At31");
    double cpStarts = figures.read(DfeTable.PROTECTION_STARTS, year, "CPP_start");
    double cpShare = figures.orDefault(CP_SHARE.ratio(cpStarts, newLongTermPerYear),
        defaults.childProtectionShare(),
        "child protection share of new cases (plans started / new cases)");
    double cpMonths = figures.orDefault(CP_MONTHS.ratio(cpStock * 12, cpStarts),
        defaults.childProtectionMonths(),
        "child protection duration (plans at 31 March / plans started)");
    if (Double.isNaN(cpStock)) {
      cpStock = newLongTermPerYear * cpShare * cpMonths / 12;
    }
    double lacStock = figures.read(DfeTable.LOOKED_AFTER, year, "looked_after_at_31_march");
    double lacStarts = figures.read(DfeTable.LOOKED_AFTER, year, "started_to_be_looked_after");
    double lacShare = figures.orDefault(LAC_SHARE.ratio(lacStarts, newLongTermPerYear),
        defaults.lookedAfterShare(),
        "looked-after share of new cases (starts are published from 2021)");
    double lacMonths = figures.orDefault(LAC_MONTHS.ratio(lacStock * 12, lacStarts),
        defaults.lookedAfterMonths(), "looked-after duration (published from 2021)");
    if (Double.isNaN(lacStock)) {
      lacStock = newLongTermPerYear * lacShare * lacMonths / 12;
    }
    lacShare = Math.min(lacShare, MAX_CP_AND_LAC_SHARE - cpShare);
    double cinAt31 = figures.read(DfeTable.CHILDREN_IN_NEED, year, "At31_episodes");
    double cinStock = Double.isNaN(cinAt31) ? longTermHeld - cpStock - lacStock
        : cinAt31 - cpStock - lacStock;
    cinStock = Math.max(cinStock, MIN_CIN_SHARE * longTermHeld);
    double cinNewPerMonth = newLongTermPerYear * (1 - cpShare - lacShare) / 12;
    double cinMonths = CIN_MONTHS.clamp(cinStock / Math.max(cinNewPerMonth, 1e-9));
    double stocks = cpStock + lacStock + cinStock;
    // The children in need census (31 March) and the cases workers hold (30 September) are
    // counted differently; durations are scaled so that the stock the flows sustain is the
    // cases held, which anchors the caseload to the workforce return, moved part of the way
    // towards the area's usual caseload.
    double anchor = caseloadAnchor(figures, now);
    double scale = STOCK_SCALE.clamp(longTermHeld * anchor / stocks);
    if (longTermHeld * anchor / stocks < STOCK_SCALE.min()) {
      noteDoubtfulReturn(figures, cases, stocks);
    }
    figures.note(String.format(Locale.ROOT, "durations scaled by %.2f so the long-term cases"
        + " the flows sustain are %,.0f, the %,.0f held times %.3f (caseload towards the pooled"
        + " mean; census stock %,.0f): %s", scale, longTermHeld * anchor, longTermHeld, anchor,
        stocks, settling(anchor)));
    int cp = (int) Math.round(longTermHeld * cpStock / stocks);
    int lac = (int) Math.round(longTermHeld * lacStock / stocks);
    int cin = (int) Math.max(0, Math.round(longTermHeld) - cp - lac);
    double waiting = figures.read(DfeTable.CHILDREN_IN_NEED, year, "awaiting_assessment");
    noteWaiting(figures, now, waiting, door.monthly() * (1 - door.nfaShare()));
    return new CaseMix(assessments, longTermHeld, cpShare, lacShare,
        SCALED_MONTHS.clamp(cpMonths * scale), SCALED_MONTHS.clamp(lacMonths * scale),
        SCALED_MONTHS.clamp(cinMonths * scale), cp, lac, cin,
        Double.isNaN(waiting) ? 0 : (int) Math.round(waiting));
  }

  /** How a note that the workforce return is doubtful begins: the page shows these apart. */
  static final String DOUBTFUL_RETURN = "doubtful return:";

  /**
   * Notes that the return's cases held are too few for the children the census counts for the
   * durations to be scaled to them: the flows then bring in more cases than the return says
   * are held, and the caseload climbs from the published one over the first year (Cumbria
   * 2018: 417 cases held by 29.2 case holders of 244 in post, where the census counts 3,305;
   * forecast to 748 cases and 410 waiting by 2019, when Cumbria published 3,410 held by 192.4
   * holders: a planner's trial had found nothing said).
   */
  private static void noteDoubtfulReturn(Figures figures, double cases, double stocks) {
    figures.note(String.format(Locale.ROOT, "%s the %,.0f cases held are %.0f%% of the %,.0f"
        + " children the census counts (in need, on plans, looked after), too few for the flows"
        + " to be scaled to: the caseload will climb from the published one over the first"
        + " year. Check the council's return (cases and case holders) before relying on the"
        + " run", DOUBTFUL_RETURN, cases, 100 * cases / stocks, stocks));
  }

  /**
   * Children waiting for assessment per case holder from which the notes say what the
   * waiting do to the first months' caseload: half a case each.
   */
  static final double WAITING_NOTED_PER_HOLDER = 0.5;

  /**
   * Says, where they are many (at least {@link #WAITING_NOTED_PER_HOLDER} a case holder),
   * what the children awaiting assessment at 31 March, carried to the base date as waiting,
   * do: the model allocates them from month 1 as room allows, so the first months' caseload
   * is above the published one (West Sussex 2022: 1,300 waiting, 16.3 published, 20.4 at
   * month 1, 16.3 with none waiting; for 2022, 43 of 150 councils' published caseload is
   * outside month 1's 5-95% band: docs/calibration.md). Nothing is published of them at 30
   * September.
   */
  static void noteWaiting(Figures figures, WorkforceReturn now, double waiting,
      double assessedPerMonth) {
    double holders = now.holders();
    if (!(waiting >= WAITING_NOTED_PER_HOLDER * holders) || !(holders > 0)) {
      return;
    }
    figures.note(String.format(Locale.ROOT, "children awaiting assessment at 31 March %d:"
        + " %,.0f (%.1f months of assessed referrals), carried to 30 September as waiting; the"
        + " model allocates them from month 1 as room allows, up to %.1f more cases a case"
        + " holder than the published caseload of %.1f in the first months (the DfE publishes"
        + " no 30 September figure; to start with another number, set queues.assessment)",
        figures.year(),
        waiting, waiting / Math.max(assessedPerMonth, 1e-9), waiting / holders,
        now.caseload()));
  }

  /**
   * What {@code anchor} means to a planner: where long-term caseloads go with nothing changed
   * (an outside trial had read "held times 0.850" and not seen a fall from 23.4 to about 20.8
   * that its targets' probabilities rested on).
   */
  static String settling(double anchor) {
    long percent = Math.round(Math.abs(anchor - 1) * 100);
    return String.format(Locale.ROOT, "with staffing as it is, long-term caseloads settle %s,"
        + " as the model moves a council's caseload %.0f%% of the way to its own and England's"
        + " usual levels (caseloads revert so: docs/calibration.md)", percent == 0
            ? "near today's" : "about " + percent + "% " + (anchor < 1 ? "below" : "above")
            + " today's", 100 * (1 - CASELOAD_PERSISTENCE));
  }

  /**
   * Caseload held over the caseload the flows sustain in the long run: today's is carried
   * {@link #CASELOAD_PERSISTENCE} of the way from the area's pooled mean, so that the model
   * moves a council's caseload back towards its usual level as councils' caseloads do
   * (docs/backtest.md: caseloads revert faster than staffing).
   */
  static double caseloadAnchor(Figures figures, WorkforceReturn now) {
    SummaryStatistics own = caseloads(figures, figures.area());
    Area england = figures.england();
    SummaryStatistics national = england == null ? new SummaryStatistics()
        : caseloads(figures, england);
    double today = now.caseload();
    if (own.getN() == 0 || !(today > 0)) {
      return 1;
    }
    double mean = national.getN() == 0 ? own.getMean()
        : OWN_CASELOAD_WEIGHT * own.getMean() + (1 - OWN_CASELOAD_WEIGHT) * national.getMean();
    double target = mean + CASELOAD_PERSISTENCE * (today - mean);
    return ANCHOR_RATIO.clamp(target / today);
  }

  /** Cases per case holder of each history year. */
  private static SummaryStatistics caseloads(Figures figures, Area where) {
    SummaryStatistics caseloads = new SummaryStatistics();
    for (int y = figures.year() - Figures.HISTORY + 1; y <= figures.year(); y++) {
      double c = figures.read(where, DfeTable.WORKFORCE, y, "cases")
          / figures.read(where, DfeTable.WORKFORCE, y, "case_holders_fte");
      if (Double.isFinite(c) && c > 0) {
        caseloads.addValue(c);
      }
    }
    return caseloads;
  }
}
