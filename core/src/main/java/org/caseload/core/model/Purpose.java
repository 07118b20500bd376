package org.caseload.core.model;

/**
 * What a keyed group of draws is for: part of the key (see {@link State#key}) so that each
 * worker's or team's draws of a month are their own, in step across scenarios.
 * The order is part of the random streams: append, never reorder.
 */
enum Purpose {
  LEAVE,
  ABSENT,
  CLOSE,
  COMPLETE,
  COMPLETE_NEW,
  STARTS,
  FILLS,
  NEWLY_QUALIFIED,
  AGENCY_STARTS,
  QUEUES,
  REFERRALS,
  OUTCOMES,
  FEEDBACK,
  /** New cases shared among a role's local teams. */
  SPLIT,
  /** Assessments given to a case holder of another team after waiting (pooling). */
  COMPLETE_POOLED;

  /** Room in a key for this many purposes. */
  static final int SLOTS = 16;
}
