package org.caseload.sim.cli;

import org.caseload.sim.engine.ComparisonResult;
import org.caseload.sim.engine.RunResult;
import org.caseload.sim.output.ComparisonOutput;
import org.caseload.sim.output.RunCsv;
import org.caseload.sim.output.RunJson;
import org.caseload.sim.output.RunTable;
import picocli.CommandLine.Option;

/** {@code --format table|json|csv} and the rendering of results in it. */
final class OutputFormat {

  enum Format { table, json, csv }

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table, json or csv (default ${DEFAULT-VALUE})")
  Format format;

  String render(RunResult result) {
    return switch (format) {
      case json -> RunJson.write(result);
      case csv -> RunCsv.write(result);
      case table -> RunTable.write(result);
    };
  }

  String render(ComparisonResult result) {
    return switch (format) {
      case json -> ComparisonOutput.json(result);
      case csv -> ComparisonOutput.csv(result);
      case table -> ComparisonOutput.table(result);
    };
  }
}
