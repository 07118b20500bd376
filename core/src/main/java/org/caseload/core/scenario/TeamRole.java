package org.caseload.core.scenario;

/** What a team does: assesses new referrals, or holds long-term cases. */
public enum TeamRole {
  /** Holds assessments of accepted referrals (the "front door" and assessment teams). */
  ASSESSMENT,
  /** Holds child in need, child protection and looked-after cases. */
  LONG_TERM;

  /** The name used in JSON: {@code assessment} or {@code longTerm}. */
  public String jsonName() {
    return this == ASSESSMENT ? "assessment" : "longTerm";
  }

  /** The role with the given JSON name, or {@code null} if there is none. */
  public static TeamRole fromJson(String name) {
    for (TeamRole role : values()) {
      if (role.jsonName().equals(name)) {
        return role;
      }
    }
    return null;
  }
}
