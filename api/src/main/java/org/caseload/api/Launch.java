package org.caseload.api;

import java.io.PrintWriter;
import org.caseload.sim.cli.CaseloadCommand;
import org.caseload.sim.cli.Stdout;
import org.caseload.sim.cli.UserError;
import org.caseload.sim.cli.WholeNumbers;
import org.caseload.sim.cli.WordWrapHelp;
import picocli.CommandLine;

/**
 * How the API module's commands ({@code serve}, {@code worker}, the cluster {@code sweep})
 * start, as the command-line tool's do: whole-number flags read strictly, a bad flag or value
 * ({@link BadSettingException}, or the command-line tool's {@code UserError}) exits 2 with one
 * line naming it ({@code caseload NAME: --flag: reason}); anything else is a failure of ours
 * (picocli prints it, exit 1), never blamed on the user's flags.
 */
public final class Launch {

  private Launch() {}

  /**
   * Runs {@code command} with {@code args}, its output on {@code out} (null: standard output)
   * and its errors on {@code err}; returns the exit code.
   */
  public static int execute(String name, Object command, PrintWriter out, PrintWriter err,
      String... args) {
    CommandLine line = WordWrapHelp.registerOn(WholeNumbers.registerOn(new CommandLine(command)));
    line.setParameterExceptionHandler(CaseloadCommand.oneLineErrors());
    if (out != null) {
      line.setOut(out);
    }
    line.setErr(err);
    line.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof UserError userError) { // the sim CLI's shared checks
        userError.lines().forEach(l -> cmd.getErr().println("caseload " + name + ": " + l));
      } else if (e instanceof BadSettingException bad) { // this module's flags
        cmd.getErr().println("caseload " + name + ": " + bad.getMessage());
      } else {
        throw e;
      }
      cmd.getErr().flush();
      return 2;
    });
    int code = line.execute(args);
    return out == null ? code : Stdout.exitCode(out, err, code);
  }
}
