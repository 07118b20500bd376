package org.caseload.sim.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command-line tool in-process, capturing its output. */
final class CliRunner {

  record Result(int code, String out, String err) {}

  private CliRunner() {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = CaseloadCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }
}
