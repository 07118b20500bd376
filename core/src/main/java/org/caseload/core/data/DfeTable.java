package org.caseload.core.data;

import java.util.List;

/**
 * The DfE tables Caseload reads, each recognised by columns of its header (so a renamed or
 * newer file is found), with the value columns it keeps.
 */
public enum DfeTable {
  WORKFORCE(List.of("inpost_fte", "vacancy_fte"), List.of("inpost_fte", "inpost_headcount",
      "starters_fte", "leavers_fte", "turnover_rate_fte", "agency_fte", "agency_headcount",
      "agency_rate_fte", "agency_cover_fte",
      "vacancy_fte", "vacancy_rate_fte", "case_holders_fte", "cases", "caseload_fte",
      "absence_rate_fte")),
  // the counts behind the percentages too: a joint area's percentage is recomputed from its
  // councils' summed counts (calibration.JointArea), never averaged
  REFERRALS(List.of("referral_count", "no_further_action_percent"), List.of("referral_count",
      "rereferral_percent", "no_further_action_percent", "not_in_need_percent",
      "rereferral_count", "no_further_action_count", "not_in_need_count")),
  CHILDREN_IN_NEED(List.of("At31_episodes"), List.of("Started_episodes", "Ended_episodes",
      "At31_episodes", "awaiting_assessment")),
  PROTECTION_STARTS(List.of("CPP_start"), List.of("CPP_start")),
  PROTECTION_AT_31_MARCH(List.of("CPP_At31"), List.of("CPP_At31")),
  LOOKED_AFTER(List.of("population_type", "children_count"), List.of("children_count")),
  POPULATION(List.of("age_group", "population_estimate"), List.of("population_estimate"));

  private final List<String> signature;
  private final List<String> columns;

  DfeTable(List<String> signature, List<String> columns) {
    this.signature = signature;
    this.columns = columns;
  }

  /** The value columns kept. */
  public List<String> columns() {
    return columns;
  }

  /** The table a header belongs to, or null if none. */
  static DfeTable recognise(List<String> header) {
    for (DfeTable table : values()) {
      if (header.containsAll(table.signature)) {
        return table;
      }
    }
    return null;
  }
}
