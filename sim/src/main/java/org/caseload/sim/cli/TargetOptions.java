package org.caseload.sim.cli;

import java.util.ArrayList;
import java.util.List;
import org.caseload.sim.target.Target;
import org.caseload.sim.target.TargetParser;
import picocli.CommandLine.Option;

/** {@code --target EXPR}, repeatable: the targets whose probabilities a run reports. */
final class TargetOptions {

  @Option(names = "--target", paramLabel = "EXPR",
      description = "a target, e.g. 'caseload <= 18 at month 12', 'vacancyRate <= 0.15 at"
          + " snapshot 2021-09-30', 'unallocatedCases == 0 in every month'; repeatable")
  List<String> texts = new ArrayList<>();

  /** The parsed targets, or a user error naming the one that does not parse. */
  List<Target> parse() {
    List<Target> targets = new ArrayList<>();
    for (String text : texts) {
      try {
        targets.add(TargetParser.parse(text));
      } catch (IllegalArgumentException e) {
        throw new UserError("--target: " + e.getMessage());
      }
    }
    return targets;
  }
}
