package org.caseload.api.domain;

import java.util.Locale;

/** A single scenario's run, or a comparison of a baseline with variants. */
public enum RunKind {
  RUN, COMPARISON;

  public String text() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RunKind of(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }
}
