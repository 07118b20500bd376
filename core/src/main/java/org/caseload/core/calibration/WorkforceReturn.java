package org.caseload.core.calibration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
   * Reads the return of the base year. Agency FTE the return suppresses (published as 'x':
   * Kensington and Chelsea 2021-2022, Westminster 2022) is estimated from the agency
   * headcount, which is published ({@link #agencyFte}, named in the notes).
   *
   * @throws UncalibratableException if the return is published only jointly with other
   *     councils, or in post FTE, vacancy FTE or agency FTE (and headcount) are not published,
   *     or a figure is negative or absurd ({@link org.caseload.core.data.PublishedFigure#MAX})
   */
  static WorkforceReturn read(Figures figures) {
    double inPost = figures.workforce("inpost_fte");
    double vacancies = figures.workforce("vacancy_fte");
    double agency = Double.isNaN(inPost) ? Double.NaN : agencyFte(figures, inPost);
    List<String> missing = new ArrayList<>();
    if (Double.isNaN(inPost)) {
      missing.add("in post FTE");
    }
    if (Double.isNaN(vacancies)) {
      missing.add("vacancy FTE");
    }
    if (Double.isNaN(agency) && !Double.isNaN(inPost)) {
      missing.add("agency FTE and headcount");
    }
    if (!missing.isEmpty()) {
      Optional<Area> joint = figures.publishedJointlyAs(DfeTable.WORKFORCE);
      if (joint.isPresent()) {
        String others = String.join(" and ", Arrays.stream(joint.get().name().split("/"))
            .map(String::trim).filter(name -> !name.equals(figures.area().name())).toList());
        throw new UncalibratableException(UncalibratableException.Reason.PUBLISHED_JOINTLY,
            figures.area(), figures.year(), "the workforce figures are"
            + " published only jointly with " + others + ", as '" + joint.get().name() + "' ("
            + joint.get().code() + "), which can be calibrated");
      }
      List<Integer> published = figures.published(DfeTable.WORKFORCE);
      String what = published.contains(figures.year())
          ? String.join(", ", missing) + (missing.size() > 1 || missing.get(0).contains(" and ")
              ? " are" : " is")
              + " not published in that year's workforce return"
          : "the workforce return is not published for that year";
      throw new UncalibratableException(UncalibratableException.Reason.NOT_PUBLISHED,
          figures.area(), figures.year(), what + (published.isEmpty()
              ? "" : " (returns published: " + published.get(0) + "-"
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

  /**
   * Agency FTE; when the return suppresses it, the agency headcount times the council's own
   * agency FTE per head over the {@link Figures#HISTORY} years before (pooled: their FTE over
   * their heads), or, where none of those publish both, its permanent staff's FTE per head
   * (1 when their headcount is not published either); noted. NaN when the headcount is not
   * published either.
   */
  private static double agencyFte(Figures figures, double inPost) {
    double fte = figures.workforce("agency_fte");
    if (!Double.isNaN(fte)) {
      return fte;
    }
    double heads = figures.workforce("agency_headcount");
    if (Double.isNaN(heads)) {
      return Double.NaN;
    }
    double earlierFte = 0;
    double earlierHeads = 0;
    List<Integer> years = new ArrayList<>();
    for (int y = figures.year() - Figures.HISTORY; y < figures.year(); y++) {
      double f = figures.read(DfeTable.WORKFORCE, y, "agency_fte");
      double h = figures.read(DfeTable.WORKFORCE, y, "agency_headcount");
      if (!Double.isNaN(f) && !Double.isNaN(h) && h > 0) {
        earlierFte += f;
        earlierHeads += h;
        years.add(y);
      }
    }
    double ftePerHead;
    String basis;
    if (earlierHeads > 0) {
      ftePerHead = Math.min(1, earlierFte / earlierHeads);
      basis = String.format(Locale.ROOT, "its own agency FTE per head in %d-%d, %.3f (%.1f FTE"
          + " of %.0f heads)", years.get(0), years.get(years.size() - 1), ftePerHead,
          earlierFte, earlierHeads);
    } else {
      double inPostHeads = figures.workforce("inpost_headcount");
      ftePerHead = Double.isNaN(inPostHeads) || inPostHeads <= 0 ? 1
          : Math.min(1, inPost / inPostHeads);
      basis = String.format(Locale.ROOT, "its permanent staff's FTE per head, %.3f",
          ftePerHead);
    }
    double estimate = heads * ftePerHead;
    figures.note(String.format(Locale.ROOT, "agency FTE: not published for %d; estimated as"
        + " %.1f from %.0f agency workers at %s", figures.year(), estimate, heads, basis));
    return estimate;
  }

  /** Cases per case holder. */
  double caseload() {
    return cases / Math.max(holders, 1);
  }
}
