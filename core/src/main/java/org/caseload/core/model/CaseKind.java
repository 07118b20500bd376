package org.caseload.core.model;

/**
 * The kinds of open case, in the order long-term queues are served (child protection first,
 * as the most urgent).
 */
public enum CaseKind {
  ASSESSMENT,
  CHILD_PROTECTION,
  LOOKED_AFTER,
  CHILD_IN_NEED;

  /** How many kinds there are (a test checks it against {@code values()}). */
  public static final int COUNT = 4;

  /** Every kind, in order ({@code values()} without its copy: the model loops over it). */
  static final CaseKind[] ALL = values();

  /** The three long-term kinds, in allocation priority. */
  public static final CaseKind[] LONG_TERM = {CHILD_PROTECTION, LOOKED_AFTER, CHILD_IN_NEED};
}
