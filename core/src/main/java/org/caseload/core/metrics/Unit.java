package org.caseload.core.metrics;

/** What a metric counts, which decides how it is summarised and shown. */
public enum Unit {
  /** Whole children or events. */
  COUNT,
  /** Full-time equivalent staff. */
  FTE,
  /** A fraction in [0, 1]. */
  RATE,
  /** Cases per case-holding FTE. */
  CASELOAD,
  /** Months. */
  MONTHS,
  /** Pounds in the month (or year, for snapshots), at that month's prices. */
  MONEY
}
