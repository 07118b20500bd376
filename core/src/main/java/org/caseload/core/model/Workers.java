package org.caseload.core.model;

import java.util.Arrays;

/**
 * Every social worker of a simulation, permanent and agency, as parallel arrays indexed by
 * worker: a stable id (in order of joining), team, kind, tenure, newly qualified months
 * left, and the cases held by kind.
 * Removing a worker moves the last one into its place.
 *
 * @implNote Mutable, not thread-safe; owned by one simulation. Arrays grow by doubling and
 *     are kept across {@link #clear()}, so a reused simulation stops allocating.
 */
final class Workers {

  int size;
  long nextId;
  long[] id;
  int[] team;
  boolean[] agency;
  boolean[] holder;
  boolean[] absent;
  int[] tenure;
  int[] nqLeft;
  int[] assessments;
  int[] childProtection;
  int[] lookedAfter;
  int[] childInNeed;

  Workers(int capacity) {
    allocate(Math.max(16, capacity));
  }

  private void allocate(int capacity) {
    id = Arrays.copyOf(id == null ? new long[0] : id, capacity);
    team = Arrays.copyOf(team == null ? new int[0] : team, capacity);
    agency = Arrays.copyOf(agency == null ? new boolean[0] : agency, capacity);
    holder = Arrays.copyOf(holder == null ? new boolean[0] : holder, capacity);
    absent = Arrays.copyOf(absent == null ? new boolean[0] : absent, capacity);
    tenure = Arrays.copyOf(tenure == null ? new int[0] : tenure, capacity);
    nqLeft = Arrays.copyOf(nqLeft == null ? new int[0] : nqLeft, capacity);
    assessments = Arrays.copyOf(assessments == null ? new int[0] : assessments, capacity);
    childProtection = Arrays.copyOf(childProtection == null ? new int[0] : childProtection,
        capacity);
    lookedAfter = Arrays.copyOf(lookedAfter == null ? new int[0] : lookedAfter, capacity);
    childInNeed = Arrays.copyOf(childInNeed == null ? new int[0] : childInNeed, capacity);
  }

  void clear() {
    size = 0;
    nextId = 0;
  }

  int capacity() {
    return team.length;
  }

  /** Adds a worker holding no cases; returns its index. */
  int add(int teamIndex, boolean isAgency, boolean isHolder, int tenureMonths, int nqMonths) {
    if (size == team.length) {
      allocate(team.length * 2);
    }
    int i = size++;
    id[i] = nextId++;
    team[i] = teamIndex;
    agency[i] = isAgency;
    holder[i] = isHolder;
    absent[i] = false;
    tenure[i] = tenureMonths;
    nqLeft[i] = nqMonths;
    assessments[i] = 0;
    childProtection[i] = 0;
    lookedAfter[i] = 0;
    childInNeed[i] = 0;
    return i;
  }

  /** Removes worker {@code i}, moving the last worker into its place. */
  void remove(int i) {
    int last = --size;
    id[i] = id[last];
    team[i] = team[last];
    agency[i] = agency[last];
    holder[i] = holder[last];
    absent[i] = absent[last];
    tenure[i] = tenure[last];
    nqLeft[i] = nqLeft[last];
    assessments[i] = assessments[last];
    childProtection[i] = childProtection[last];
    lookedAfter[i] = lookedAfter[last];
    childInNeed[i] = childInNeed[last];
  }

  /** Cases held by worker {@code i}. */
  int load(int i) {
    return assessments[i] + childProtection[i] + lookedAfter[i] + childInNeed[i];
  }
}
