package org.caseload.core.model;

import java.util.Arrays;

/**
 * Every social worker of a model, permanent and agency, as parallel arrays indexed by entity:
 * a stable id (in order of joining, the key of the worker's draws), weight (1 for a sampled
 * worker, the expected number of workers of a projected cohort), team, kind, case holding,
 * absent weight this month, tenure, newly qualified months left, and the cases held by
 * {@link CaseKind} ({@code cases[kind.ordinal()][i]}, for the whole entity).
 * Removing an entity moves the last one into its place.
 *
 * @implNote Mutable, not thread-safe; owned by one model. Arrays grow by doubling and
 *     are kept across {@link #clear()}, so a reused model stops allocating.
 */
final class Workers {

  private static final int KINDS = CaseKind.COUNT;

  int size;
  long nextId;
  long[] id;
  double[] weight;
  int[] team;
  boolean[] agency;
  boolean[] holder;
  double[] absent;
  int[] tenure;
  int[] nqLeft;
  /** Cases by kind: {@code cases[kind.ordinal()]} is one of the four arrays below. */
  final double[][] cases = new double[KINDS][];
  // The same arrays by name, for the hot sums (a loop over cases[] costs 15% of a run).
  private double[] assessments;
  private double[] childProtection;
  private double[] lookedAfter;
  private double[] childInNeed;

  private int[] scratch = new int[0];

  /**
   * An array of at least {@link #size} indices in which a step lists the entities it visits;
   * the same array on every call, so a step must be done with it before the next one asks.
   */
  int[] scratch() {
    if (scratch.length < size) {
      scratch = new int[capacity()];
    }
    return scratch;
  }

  Workers(int capacity) {
    allocate(Math.max(16, capacity));
  }

  private void allocate(int capacity) {
    id = Arrays.copyOf(id == null ? new long[0] : id, capacity);
    weight = Arrays.copyOf(weight == null ? new double[0] : weight, capacity);
    team = Arrays.copyOf(team == null ? new int[0] : team, capacity);
    agency = Arrays.copyOf(agency == null ? new boolean[0] : agency, capacity);
    holder = Arrays.copyOf(holder == null ? new boolean[0] : holder, capacity);
    absent = Arrays.copyOf(absent == null ? new double[0] : absent, capacity);
    tenure = Arrays.copyOf(tenure == null ? new int[0] : tenure, capacity);
    nqLeft = Arrays.copyOf(nqLeft == null ? new int[0] : nqLeft, capacity);
    for (int k = 0; k < KINDS; k++) {
      cases[k] = Arrays.copyOf(cases[k] == null ? new double[0] : cases[k], capacity);
    }
    assessments = of(CaseKind.ASSESSMENT);
    childProtection = of(CaseKind.CHILD_PROTECTION);
    lookedAfter = of(CaseKind.LOOKED_AFTER);
    childInNeed = of(CaseKind.CHILD_IN_NEED);
  }

  void clear() {
    size = 0;
    nextId = 0;
  }

  int capacity() {
    return team.length;
  }

  /** Adds an entity of {@code w} workers holding no cases; returns its index. */
  int add(int teamIndex, boolean isAgency, boolean isHolder, double w, int tenureMonths,
      int nqMonths) {
    if (size == team.length) {
      allocate(team.length * 2);
    }
    int i = size++;
    id[i] = nextId++;
    weight[i] = w;
    team[i] = teamIndex;
    agency[i] = isAgency;
    holder[i] = isHolder;
    absent[i] = 0;
    tenure[i] = tenureMonths;
    nqLeft[i] = nqMonths;
    for (int k = 0; k < KINDS; k++) {
      cases[k][i] = 0;
    }
    return i;
  }

  /** Removes entity {@code i}, moving the last one into its place. */
  void remove(int i) {
    int last = --size;
    id[i] = id[last];
    weight[i] = weight[last];
    team[i] = team[last];
    agency[i] = agency[last];
    holder[i] = holder[last];
    absent[i] = absent[last];
    tenure[i] = tenure[last];
    nqLeft[i] = nqLeft[last];
    for (int k = 0; k < KINDS; k++) {
      cases[k][i] = cases[k][last];
    }
  }

  /** Cases held by entity {@code i}, all kinds. */
  double held(int i) {
    return assessments[i] + heldLongTerm(i);
  }

  /** Long-term cases held by entity {@code i}. */
  double heldLongTerm(int i) {
    return childProtection[i] + lookedAfter[i] + childInNeed[i];
  }

  /** The cases of {@code kind} held, by entity. */
  double[] of(CaseKind kind) {
    return cases[kind.ordinal()];
  }

  /** Cases held by each worker of entity {@code i} (its caseload). */
  double load(int i) {
    double held = held(i);
    return weight[i] == 1 ? held : held / weight[i];
  }
}
