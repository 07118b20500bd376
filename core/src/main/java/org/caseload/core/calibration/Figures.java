package org.caseload.core.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.caseload.core.data.Area;
import org.caseload.core.data.DfeData;
import org.caseload.core.data.DfeTable;
import org.caseload.core.data.PublishedFigure;

/**
 * The DfE figures a calibration may read: one area's (and England's) up to the base year,
 * never later. Every read goes through {@link #read(Area, DfeTable, int, String)}, which
 * refuses a later year and a figure no table could hold ({@link PublishedFigure}); it also
 * keeps the notes of how figures were derived and the years of the area's own figures read.
 *
 * @implNote Not thread-safe: one calibration's working state.
 */
final class Figures {

  /** Years of history used for rates and their year-to-year variation. */
  static final int HISTORY = 3;

  private final DfeData data;
  private final Area area;
  private final int year;
  private final List<String> notes = new ArrayList<>();
  private final TreeSet<Integer> yearsRead = new TreeSet<>();
  /** The area's councils where its workforce return is published jointly, else null. */
  private final JointArea joint;
  /** The council the area's councils replaced, whose figures stand for theirs before, or null. */
  private final Area predecessor;

  Figures(DfeData data, Area area, int year) {
    this.data = data;
    this.area = area;
    this.year = year;
    this.joint = JointArea.of(data, area).orElse(null);
    if (joint != null) {
      note(joint.note());
    }
    this.predecessor = Predecessor.of(data, area).orElse(null);
  }

  Area area() {
    return area;
  }

  /** The base year. */
  int year() {
    return year;
  }

  /** The area's workforce figure {@code column} of the base year. */
  double workforce(String column) {
    return read(DfeTable.WORKFORCE, year, column);
  }

  /** The area's figure of year {@code y}; NaN when missing. */
  double read(DfeTable table, int y, String column) {
    return read(area, table, y, column);
  }

  /**
   * {@code where}'s figure of year {@code y}; NaN when missing. Where the area's workforce
   * return is published jointly, its figures of the other tables are its councils' combined
   * ({@link JointArea}; a figure only some of them publish is missing, and noted).
   *
   * @throws IllegalStateException if {@code y} is after the base year
   * @throws UncalibratableException if the area's, one of its councils' or England's figure is
   *     negative or above {@link PublishedFigure#MAX} (another council's, read for the spread of
   *     councils, is then taken as missing, so that one council's bad row leaves the others
   *     calibrated)
   */
  double read(Area where, DfeTable table, int y, String column) {
    if (y > year) {
      throw new IllegalStateException("calibration must not read " + y + " for base year "
          + year);
    }
    double v = joint != null && where.equals(area) && joint.fromCouncils(data, table, y)
        ? fromCouncils(table, y, column) : published(where, table, y, column);
    if (Double.isNaN(v) && where.equals(area) && predecessor != null
        && !data.years(table, predecessor).isEmpty() && beforeOwn(table, y)) {
      v = published(predecessor, table, y, column);
      String note = Predecessor.note(area, predecessor);
      if (!Double.isNaN(v) && !notes.contains(note)) {
        note(note);
      }
    }
    if (!Double.isNaN(v) && where.equals(area)) {
      yearsRead.add(y);
    }
    return v;
  }

  /**
   * Whether year {@code y} of {@code table} is before the area or any of its councils
   * published a row of it: where the predecessor's figures stand for theirs, never where
   * theirs are missing or suppressed.
   */
  private boolean beforeOwn(DfeTable table, int y) {
    List<Area> own = new ArrayList<>(joint == null ? List.of() : data.members(area));
    own.add(area);
    return own.stream().allMatch(a -> data.years(table, a).stream().allMatch(first -> first > y));
  }

  /** The joint area's figure from its councils', noting where only some publish it. */
  private double fromCouncils(DfeTable table, int y, String column) {
    JointArea.Combined combined = joint.combine(column,
        (council, count) -> published(council, table, y, count));
    if (!combined.lacking().isEmpty()) {
      String note = joint.partlyPublishedNote(column, y, combined.lacking());
      if (!notes.contains(note)) { // read again by another part of the calibration
        note(note);
      }
    }
    return combined.value();
  }

  /** {@code where}'s figure as the data give it, refused or missing when impossible. */
  private double published(Area where, DfeTable table, int y, String column) {
    double v = data.value(table, where, y, column);
    boolean own = where.equals(area) || joint != null && joint.hasCouncil(where)
        || where.equals(predecessor);
    if (!PublishedFigure.possible(v) && !own && where.level() == Area.Level.LOCAL_AUTHORITY) {
      return Double.NaN; // another council's, read for a spread: as if suppressed
    }
    if (!PublishedFigure.possible(v)) {
      throw new UncalibratableException(UncalibratableException.Reason.UNUSABLE_FIGURES,
          area, year, PublishedFigure.refusal(column
          + (where.equals(area) && y == year ? "" : " of " + where.name() + " " + y), v));
    }
    return v;
  }

  /** Values of a column over the history years up to the base year (missing ones skipped). */
  SummaryStatistics history(DfeTable table, String column, double scale) {
    SummaryStatistics stats = new SummaryStatistics();
    for (int y = year - HISTORY + 1; y <= year; y++) {
      double v = read(table, y, column);
      if (!Double.isNaN(v)) {
        stats.addValue(v * scale);
      }
    }
    return stats;
  }

  /** {@code value}, or {@code fallback} (named in the notes) when it is missing. */
  double orDefault(double value, double fallback, String what) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      note(String.format(Locale.ROOT, "%s: not published for %s; default %s used", what,
          year, fallback));
      return fallback;
    }
    return value;
  }

  /** England, or null when the data have no national rows. */
  Area england() {
    return data.areas().stream().filter(a -> a.level() == Area.Level.NATIONAL).findFirst()
        .orElse(null);
  }

  /**
   * Every council (local authority) of the data, each return once: but the council the area
   * replaced, whose figures {@link #read} gives as the area's for the years before its own
   * (they had counted twice in the councils' typical spreads).
   */
  List<Area> councils() {
    return data.areas().stream().filter(a -> a.level() == Area.Level.LOCAL_AUTHORITY)
        .filter(a -> !a.equals(predecessor)).toList();
  }

  /** The years of {@code table} published for the area. */
  List<Integer> published(DfeTable table) {
    return data.years(table, area);
  }

  /** The area publishing the base year's {@code table} jointly for this one and others. */
  Optional<Area> publishedJointlyAs(DfeTable table) {
    return data.jointlyWith(table, area, year);
  }

  void note(String note) {
    notes.add(note);
  }

  void noteFirst(String note) {
    notes.add(0, note);
  }

  List<String> notes() {
    return List.copyOf(notes);
  }

  List<Integer> yearsRead() {
    return List.copyOf(yearsRead);
  }

  /** The mean, NaN when there are no values. */
  static double mean(SummaryStatistics stats) {
    return stats.getN() == 0 ? Double.NaN : stats.getMean();
  }
}
