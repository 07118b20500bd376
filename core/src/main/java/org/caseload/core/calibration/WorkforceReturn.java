package org.caseload.core.calibration;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.caseload.core.data.Area;
import org.caseload.core.data.DfeTable;
import org.caseload.core.scenario.Workforce;

/**
 * The area's workforce return at 30 September of the base year, with defaults for the
 * figures it leaves out (docs/calibration.md, "The starting state").
 *
 * @param inPost permanent FTE in post
 * @param vacancies vacant FTE
 * @param agency agency FTE
 * @param holders case-holding FTE
 * @param cases cases held
 * @param starters permanent starters in the year (FTE)
 * @param absencePercent absence rate, percent
 * @param cover agency FTE covering vacancies (NaN when not published)
 */
record WorkforceReturn(double inPost, double vacancies, double agency, double holders,
    double cases, double starters, double absencePercent, double cover) {

  /**
   * Case holders per FTE in post or agency when not published: England 2022, 0.526 (DfE
   * children's social work workforce, case_holders_fte / (inpost_fte + agency_fte)).
   */
  static final double CASE_HOLDER_SHARE = 0.53;
  /**
   * Cases per case holder when not published: England 2022 (docs/specification.md section
   * 11).
   */
  static final double CASELOAD = 16.6;
  /**
   * Starters per FTE in post when not published: England 2020-2022, 0.15-0.17 (DfE children's
   * social work workforce, starters_fte / inpost_fte).
   */
  static final double STARTERS_PER_IN_POST = 0.16;

  /**
   * Reads the return of the base year.
   *
   * @throws IllegalArgumentException if in post, vacancies or agency FTE are missing
   */
  static WorkforceReturn read(Figures figures) {
    double inPost = figures.workforce("inpost_fte");
    double vacancies = figures.workforce("vacancy_fte");
    double agency = figures.workforce("agency_fte");
    if (Double.isNaN(inPost) || Double.isNaN(vacancies) || Double.isNaN(agency)) {
      Optional<Area> joint = figures.publishedJointlyAs(DfeTable.WORKFORCE);
      if (joint.isPresent()) {
        String others = String.join(" and ", Arrays.stream(joint.get().name().split("/"))
            .map(String::trim).filter(name -> !name.equals(figures.area().name())).toList());
        throw new IllegalArgumentException(figures.area().name() + " " + figures.year()
            + ": the workforce figures are published only jointly with " + others + ", as '"
            + joint.get().name() + "' (" + joint.get().code() + "), which can be calibrated");
      }
      List<Integer> published = figures.published(DfeTable.WORKFORCE);
      throw new IllegalArgumentException(figures.area().name() + " " + figures.year()
          + ": the workforce figures (in post, vacancies, agency FTE) are not published for"
          + " that year" + (published.isEmpty() ? "" : " (published: " + published.get(0) + "-"
              + published.get(published.size() - 1) + ")"));
    }
    double holders = figures.orDefault(figures.workforce("case_holders_fte"),
        CASE_HOLDER_SHARE * (inPost + agency), "case-holding FTE");
    double cases = figures.orDefault(figures.workforce("cases"), CASELOAD * holders,
        "cases held");
    double starters = figures.orDefault(figures.workforce("starters_fte"),
        STARTERS_PER_IN_POST * inPost, "starters");
    double absence = figures.orDefault(figures.workforce("absence_rate_fte"),
        100 * Workforce.defaults().absenceShare(), "absence rate");
    double cover = figures.workforce("agency_cover_fte");
    return new WorkforceReturn(inPost, vacancies, agency, holders, cases, starters, absence,
        cover);
  }

  /** Cases per case holder. */
  double caseload() {
    return cases / Math.max(holders, 1);
  }
}
