package org.caseload.core.calibration;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.caseload.core.data.Area;
import org.caseload.core.data.DfeData;

/**
 * A council abolished and replaced by councils that cover exactly its area, whose figures
 * stand for theirs in the years before they published any: Northamptonshire (E10000021),
 * abolished on 1 April 2021 and replaced by North Northamptonshire (E06000061) and West
 * Northamptonshire (E06000062) (The Northamptonshire (Structural Changes) Order 2020, SI
 * 2020/156, article 3; the two councils' areas are the county's districts, all of them). The
 * DfE publishes the two jointly from the workforce return of 2021 and apart in the other
 * tables from 2022; the county's rows run to 2020 and, for the year to 31 March 2021, 2021.
 * Without it their calibration of 2021 had read the referrals "not published" and assumed
 * 5,835 where the county had published 11,724 (an outside audit), and no trend from its
 * years. A council split or merged with part of another (Bournemouth, Christchurch and Poole
 * took Christchurch from Dorset) is not listed: no council's figures are its area's.
 *
 * @param code the abolished council's code
 * @param successors the codes of the councils that replaced it, covering exactly its area
 * @implNote Immutable and thread-safe.
 */
record Predecessor(String code, Set<String> successors) {

  /** Every such succession the DfE's tables span (2013 to 2022). */
  static final List<Predecessor> ALL = List.of(
      new Predecessor("E10000021", Set.of("E06000061", "E06000062")));

  /**
   * The council whose figures stand for {@code area}'s where it has none: the predecessor
   * of exactly its councils (a jointly published area's, or its own code), if the data have
   * it.
   */
  static Optional<Area> of(DfeData data, Area area) {
    Set<String> codes = area.memberCodes().isEmpty() ? Set.of(area.code())
        : Set.copyOf(area.memberCodes());
    return ALL.stream().filter(p -> p.successors.equals(codes)).findFirst()
        .flatMap(p -> data.areas().stream().filter(a -> a.code().equals(p.code)).findFirst());
  }

  /** The note saying whose figures the years before the area's own are. */
  static String note(Area area, Area predecessor) {
    return area.name() + ": figures of the years before its councils published any are "
        + predecessor.name() + "'s (" + predecessor.code() + "), the council they replaced,"
        + " whose area theirs cover exactly";
  }
}
