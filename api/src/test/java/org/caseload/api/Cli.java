package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.caseload.sim.cli.CaseloadCommand;

/** The command-line tool, run in-process: what an analyst would get for the same request. */
final class Cli {

  private Cli() {}

  static String run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = CaseloadCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
    assertThat(code).as(err.toString()).isZero();
    return out.toString();
  }
}
