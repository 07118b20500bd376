package org.caseload.core.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects problems found while checking values; one per field at most, and at most
 * {@link #MAX_LISTED} in all: a file of a million empty interventions had made a million
 * problems, which ran the command-line tool out of memory, and checking each new one against
 * those recorded took time growing with their square.
 */
final class Checks {

  /** The most problems listed; the rest are counted (see {@link #problems}). */
  static final int MAX_LISTED = 100;

  private final List<Problem> problems = new ArrayList<>();
  private long omitted;
  private final List<String> unreadable = new ArrayList<>();
  private final java.util.Map<String, String> defaultedFrom = new java.util.HashMap<>();
  private final List<KnockOn> knockOns = new ArrayList<>();

  /**
   * Problems at {@code path} whose reason starts with {@code reasonStart} follow from one at
   * {@code source}: what a value read in another's place implies, and nothing else there.
   */
  private record KnockOn(String path, String reasonStart, String source) {}

  void add(String path, String reason) {
    if (problems.size() < MAX_LISTED) {
      problems.add(Problem.of(path, reason));
    } else {
      omitted++;
    }
  }

  /** Whether problems were found beyond those listed. */
  boolean overflowed() {
    return omitted > 0;
  }

  /** The problems listed, as found ({@link #problems} says how many more there were). */
  List<Problem> listed() {
    return List.copyOf(problems);
  }

  /** How many problems were found beyond those listed. */
  long omitted() {
    return omitted;
  }

  /**
   * A problem with an object that could not be read at all (null, a string): its fields are
   * read as defaults in its place, which say nothing about what was sent.
   */
  void addUnreadable(String path, String reason) {
    add(path, reason);
    unreadable.add(path);
  }

  /**
   * Whether a problem at {@code path} found later, by checking the values read, follows from
   * one already recorded: it lies at or below a path with a problem (teams[0].caseloadCap
   * below teams[0]), or above an object that could not be read (teams, whose list lost
   * teams[0]).
   */
  boolean follows(Problem problem) {
    for (KnockOn k : knockOns) {
      if (k.path().equals(problem.path()) && problem.reason().startsWith(k.reasonStart())
          && follows(k.source())) {
        return true;
      }
    }
    return follows(problem.path());
  }

  /**
   * Records that problems at {@code path} whose reason starts with {@code reasonStart} follow
   * from one at {@code source}: a team role that could not be read is read as long-term in its
   * place, and what that implies of its cases and of the teams' roles is not the planner's.
   */
  void knockOn(String path, String reasonStart, String source) {
    knockOns.add(new KnockOn(path, reasonStart, source));
  }

  private boolean follows(String path) {
    String source = defaultedFrom.get(path);
    if (source != null && follows(source)) {
      return true;
    }
    for (Problem p : problems) {
      if (path.equals(p.path()) || below(path, p.path())) {
        return true;
      }
    }
    for (String object : unreadable) {
      if (below(object, path)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Records that the field at {@code path} was left out and took the value of {@code source}
   * (a hard limit its cap's): a problem with it follows from one with the source.
   */
  void defaulted(String path, String source) {
    defaultedFrom.put(path, source);
  }

  /** Whether {@code path} is a field or element of {@code parent}, at any depth. */
  private static boolean below(String path, String parent) {
    return !parent.isEmpty() && path.length() > parent.length() && path.startsWith(parent)
        && (path.charAt(parent.length()) == '.' || path.charAt(parent.length()) == '[');
  }

  /**
   * The problems listed, the last saying how many more were found and not listed, if any:
   * "interventions[99].type: is required (and 999,900 more problems not listed)".
   */
  List<Problem> problems() {
    return capped(problems, omitted);
  }

  /**
   * At most {@link #MAX_LISTED} of {@code problems}, the last saying how many more there were
   * (those beyond the first {@link #MAX_LISTED}, and {@code more} found and not listed).
   */
  static List<Problem> capped(List<Problem> problems, long more) {
    long beyond = more + Math.max(0, problems.size() - MAX_LISTED);
    if (beyond == 0) {
      return List.copyOf(problems);
    }
    List<Problem> listed = new ArrayList<>(problems.subList(0,
        Math.min(problems.size(), MAX_LISTED)));
    Problem last = listed.remove(listed.size() - 1);
    listed.add(Problem.of(last.path(), last.reason() + String.format(java.util.Locale.ROOT,
        " (and %,d more problems not listed)", beyond)));
    return List.copyOf(listed);
  }

  /** A finite number in {@code [min, max]}. */
  boolean between(String path, double value, double min, double max) {
    if (!finite(path, value)) {
      return false;
    }
    if (value < min) {
      add(path, "must be >= " + Problem.show(min) + ", was " + Problem.show(value));
      return false;
    }
    if (value > max) {
      add(path, "must be <= " + Problem.show(max) + ", was " + Problem.show(value));
      return false;
    }
    return true;
  }

  /** A finite number at least {@code min}. */
  boolean atLeast(String path, double value, double min) {
    return between(path, value, min, Double.MAX_VALUE);
  }

  /** A finite number above {@code min}. */
  boolean above(String path, double value, double min) {
    if (!finite(path, value)) {
      return false;
    }
    if (value <= min) {
      add(path, "must be > " + Problem.show(min) + ", was " + Problem.show(value));
      return false;
    }
    return true;
  }

  /** A limit that is either {@code +Infinity} (no limit) or a finite number >= 0. */
  void limit(String path, double value) {
    if (value != Double.POSITIVE_INFINITY) {
      atLeast(path, value, 0);
    }
  }

  private boolean finite(String path, double value) {
    if (Double.isNaN(value)) {
      add(path, "must be a number, was NaN");
      return false;
    }
    if (Double.isInfinite(value)) {
      add(path, "must be finite, was " + (value > 0 ? "Infinity" : "-Infinity"));
      return false;
    }
    return true;
  }
}
