package org.caseload.sim.output;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
import org.caseload.core.metrics.Metric;
import org.caseload.sim.engine.ComparisonResult;
import org.caseload.sim.engine.RunResult;

/**
 * Mean cost by year of the horizon (months 1-12, 13-24, ...; the last year may be short) and
 * over the whole horizon: sums of the monthly means of {@code cost}, which are the means of
 * the yearly and cumulative sums, since a mean of sums is the sum of the means.
 *
 * @param years one per year of the horizon
 * @param total the sum over the horizon
 * @implNote Immutable and thread-safe.
 */
record CostYears(List<Year> years, double total) {

  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy",
      Locale.ENGLISH);

  CostYears {
    years = List.copyOf(years);
  }

  /** One year of the horizon: months {@code first} to {@code last} and their summed cost. */
  record Year(int first, int last, LocalDate from, LocalDate to, double sum) {
    /** {@code "year 1, Oct 2019-Sep 2020"}, with the months when the year is short. */
    String label() {
      int months = last - first + 1;
      return "year " + ((first - 1) / 12 + 1) + ", " + MONTH.format(from) + "-"
          + MONTH.format(to) + (months < 12 ? " (" + months + " months)" : "");
    }
  }

  /** The mean cost of a run. */
  static CostYears of(RunResult result) {
    return of(result.months(), t -> result.summary(t, Metric.cost).mean(),
        t -> result.monthly().get(t - 1).date());
  }

  /** The mean extra cost of a variant over the baseline (variant - baseline). */
  static CostYears extra(RunResult baseline, ComparisonResult.Variant variant) {
    return of(baseline.months(), t -> variant.difference(t, Metric.cost).summary().mean(),
        t -> baseline.monthly().get(t - 1).date());
  }

  private static CostYears of(int months, IntToDoubleFunction monthly,
      IntFunction<LocalDate> dateOf) {
    List<Year> years = new ArrayList<>();
    double total = 0;
    for (int first = 1; first <= months; first += 12) {
      int last = Math.min(months, first + 11);
      double sum = 0;
      for (int t = first; t <= last; t++) {
        sum += monthly.applyAsDouble(t);
      }
      years.add(new Year(first, last, dateOf.apply(first), dateOf.apply(last), sum));
      total += sum;
    }
    return new CostYears(years, total);
  }

  /** Months in the horizon. */
  int months() {
    return years.isEmpty() ? 0 : years.get(years.size() - 1).last();
  }

  /** The horizon's label: {@code "36 months, Oct 2019-Sep 2022"}. */
  String horizonLabel() {
    return months() + " months, " + MONTH.format(years.get(0).from()) + "-"
        + MONTH.format(years.get(years.size() - 1).to());
  }
}
