package org.caseload.core.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleBiFunction;
import org.caseload.core.data.Area;
import org.caseload.core.data.DfeData;
import org.caseload.core.data.DfeTable;

/**
 * An area whose workforce return the DfE publishes jointly for several councils (Kingston
 * upon Thames / Richmond upon Thames from 2017, North / West Northamptonshire from 2021;
 * which councils, {@link Area#memberCodes()} reads from its code). The councils publish the
 * other tables apart, so the area's figures of those are its councils' combined: counts
 * summed, a percentage recomputed from the summed counts (an average of the councils'
 * percentages would weigh a council of few referrals as much as one of many), and a figure
 * some of the councils publish and others do not (suppressed or missing) not published for
 * the area that year, as the others' alone are not the area's. Without this the area was
 * calibrated on defaults, its referrals "not published" (an outside audit: Kingston and
 * Richmond 2019, 2,087 referrals assumed for the 2,259 published, and no trend).
 *
 * @implNote Immutable and thread-safe.
 */
final class JointArea {

  /**
   * Each percentage the calibration reads of a table the councils publish apart, with the
   * counts it is recomputed from (numerator, denominator): in the DfE's referrals table each
   * is a count over the year's referrals (Kingston upon Thames 2013: 357 re-referrals of
   * 1,948 referrals, 18.3%). Every other figure read of those tables is a count.
   */
  private static final Map<String, List<String>> PERCENTAGES = Map.of(
      "rereferral_percent", List.of("rereferral_count", "referral_count"),
      "no_further_action_percent", List.of("no_further_action_count", "referral_count"),
      "not_in_need_percent", List.of("not_in_need_count", "referral_count"));

  /**
   * A figure of the area, and the councils that do not publish it where the others do (empty
   * when all or none publish it).
   */
  record Combined(double value, List<Area> lacking) {}

  private final Area area;
  private final List<Area> councils;

  private JointArea(Area area, List<Area> councils) {
    this.area = area;
    this.councils = List.copyOf(councils);
  }

  /** {@code area} as a joint area, or empty where it is published on its own. */
  static Optional<JointArea> of(DfeData data, Area area) {
    List<Area> councils = data.members(area);
    return councils.isEmpty() ? Optional.empty() : Optional.of(new JointArea(area, councils));
  }

  /** Whether {@code council} is one of the area's councils. */
  boolean hasCouncil(Area council) {
    return councils.contains(council);
  }

  /**
   * Whether the area's figures of {@code table} and {@code year} are its councils': those of
   * every table but the workforce return (the one published jointly, of which the councils
   * have none), where the area has no row of its own that year.
   */
  boolean fromCouncils(DfeData data, DfeTable table, int year) {
    return table != DfeTable.WORKFORCE && !data.years(table, area).contains(year);
  }

  /**
   * The area's figure of {@code column}, from each council's figures of the counts behind it
   * as {@code figure} reads them (NaN when missing).
   *
   * @throws IllegalArgumentException for a percentage or rate with no counts to recompute it
   *     from here: it must not be averaged
   */
  Combined combine(String column, ToDoubleBiFunction<Area, String> figure) {
    List<String> counts = PERCENTAGES.getOrDefault(column, List.of(column));
    if (counts.size() == 1 && (column.contains("percent") || column.contains("rate"))) {
      throw new IllegalArgumentException("no counts to recompute " + column + " from for "
          + area.name() + "; add them to JointArea.PERCENTAGES");
    }
    double[] sums = new double[counts.size()];
    List<Area> lacking = new ArrayList<>();
    for (Area council : councils) {
      for (int i = 0; i < counts.size(); i++) {
        double v = figure.applyAsDouble(council, counts.get(i));
        if (Double.isNaN(v)) {
          lacking.add(council);
          break;
        }
        sums[i] += v;
      }
    }
    if (!lacking.isEmpty()) {
      return new Combined(Double.NaN,
          lacking.size() < councils.size() ? List.copyOf(lacking) : List.of());
    }
    double value = counts.size() == 1 ? sums[0]
        : sums[1] > 0 ? 100 * sums[0] / sums[1] : Double.NaN;
    return new Combined(value, List.of());
  }

  /** The note naming the councils whose figures are combined. */
  String note() {
    return area.name() + ": demand figures are its " + number(councils.size())
        + " councils' summed (" + names(councils) + " publish them apart; only the workforce"
        + " return is joint), percentages recomputed from the summed counts";
  }

  /** The note that {@code column} of {@code year} is not used, as {@code lacking} lack it. */
  String partlyPublishedNote(String column, int year, List<Area> lacking) {
    List<Area> others = councils.stream().filter(c -> !lacking.contains(c)).toList();
    return area.name() + ": " + column + " of " + year + " not used: " + names(lacking)
        + (lacking.size() == 1 ? " does" : " do") + " not publish it (suppressed or missing),"
        + " and " + String.join(" and ", others.stream().map(c -> c.name() + "'s").toList())
        + " alone " + (others.size() == 1 ? "is" : "are") + " not the area's";
  }

  private static String names(List<Area> areas) {
    return String.join(" and ", areas.stream().map(Area::name).toList());
  }

  private static String number(int n) {
    return switch (n) {
      case 2 -> "two";
      case 3 -> "three";
      case 4 -> "four";
      default -> String.valueOf(n);
    };
  }
}
