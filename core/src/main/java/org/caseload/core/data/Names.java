package org.caseload.core.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean" for names: the closest by edit distance, ignoring case.
 *
 * @implNote Stateless and thread-safe.
 */
public final class Names {

  private Names() {}

  /**
   * Up to {@code count} of {@code names} closest to {@code wanted}, each once, closest first:
   * names that start with it (ignoring case), then names with a word that does ("Hull" finds
   * Kingston upon Hull, City of, which a trial's suggestions had left out), then the others,
   * each by edit distance, so "Worcester" finds Worcestershire before the short names a few
   * edits away.
   */
  public static List<String> closest(String wanted, Collection<String> names, int count) {
    String key = wanted.strip().toLowerCase(Locale.ROOT);
    List<String> sorted = new ArrayList<>(new LinkedHashSet<>(names));
    sorted.sort(Comparator.comparingInt((String n) -> rank(key, n.toLowerCase(Locale.ROOT)))
        .thenComparingInt(n -> distance(key, n.toLowerCase(Locale.ROOT)))
        .thenComparing(Comparator.naturalOrder()));
    return List.copyOf(sorted.subList(0, Math.min(count, sorted.size())));
  }

  /** 0 for a name that starts with {@code key}, 1 for one with a word that does, else 2. */
  private static int rank(String key, String name) {
    if (key.isEmpty() || name.startsWith(key)) {
      return key.isEmpty() ? 2 : 0;
    }
    for (int at = name.indexOf(key); at > 0; at = name.indexOf(key, at + 1)) {
      if (!Character.isLetterOrDigit(name.charAt(at - 1))) {
        return 1;
      }
    }
    return 2;
  }

  /** Levenshtein distance. */
  public static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1),
            previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
