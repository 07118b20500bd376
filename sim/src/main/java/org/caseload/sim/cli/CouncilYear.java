package org.caseload.sim.cli;

import picocli.CommandLine.Option;

/** {@code --la NAME --year Y}: the council (or region, or England) and base year. */
final class CouncilYear {

  @Option(names = "--la", paramLabel = "NAME", required = true,
      description = "council name or code; also a region or England")
  String council;

  @Option(names = "--year", paramLabel = "Y", required = true,
      description = "base year: the state at 30 September Y")
  int year;
}
