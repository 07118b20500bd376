package org.caseload.core.model;

/**
 * The model's sources of randomness. Each has its own generator, so that adding draws to one
 * process never shifts the numbers of another (the basis of common random numbers).
 */
public enum RandomProcess {
  /** External referrals and the front-door (no further action) split. */
  REFERRALS,
  /** Re-referrals of closed cases. */
  RE_REFERRALS,
  /** Assessment completion, its outcome and the kind of long-term case opened. */
  ASSESSMENT,
  /** Closure of long-term cases. */
  CLOSURES,
  /** Permanent leavers. */
  LEAVERS,
  /** Recruitment: posts filled, starts after the delay, the newly qualified intake. */
  HIRES,
  /** Agency starts and agency leavers. */
  AGENCY,
  /** Absence of case holders. */
  ABSENCE,
  /** A replication's own draw of the uncertain parameters (see Scenario.uncertainty). */
  PARAMETERS
}
