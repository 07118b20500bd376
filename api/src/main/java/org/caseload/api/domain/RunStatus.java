package org.caseload.api.domain;

import java.util.Locale;

/** Where a run is in its life: queued, running, then one of three ends. */
public enum RunStatus {
  QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

  public boolean finished() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }

  /** The lower-case name used in the database and the API. */
  public String text() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RunStatus of(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }
}
