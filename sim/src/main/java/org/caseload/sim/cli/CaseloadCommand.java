package org.caseload.sim.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintWriter;
import org.caseload.core.scenario.PlainText;
import org.caseload.sim.engine.SummaryMemory;
import org.caseload.sim.output.ToolVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code caseload} command: what-if projections of children's social work caseloads. */
@Command(
    name = "caseload",
    mixinStandardHelpOptions = true,
    version = ToolVersion.TEXT,
    description = "What-if projections of children's social work caseloads, workforce and cost.",
    subcommands = {RunCommand.class, CompareCommand.class, SweepCommand.class,
        GoalSeekCommand.class, SensitivityCommand.class,
        CalibrateCommand.class, ForecastCommand.class, BacktestCommand.class,
        ProjectCommand.class, PresetsCommand.class, MetricsCommand.class,
        ValidateCommand.class, ServeCommand.class, WorkerCommand.class,
        CommandLine.HelpCommand.class})
public final class CaseloadCommand implements java.util.concurrent.Callable<Integer> {

  /** Exit code of a user error: bad flags, unreadable or invalid input. */
  public static final int USER_ERROR = 2;

  /**
   * The default of every {@code --data} flag: the folder named by the system property
   * {@code caseload.dfe}, which the launcher ({@code ./caseload}) sets to the repository's
   * {@code data/dfe} so that commands work from any directory, else {@code data/dfe} under
   * the working directory ({@code java -jar} from the repository).
   */
  public static final String DFE_FOLDER = "${sys:caseload.dfe:-data/dfe}";

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /**
   * No command: a usage error (exit 2), the usage on stderr, so that a script that forgot its
   * command does not go on as if it had run (it had printed the usage and exited 0).
   */
  @Override
  public Integer call() {
    CommandLine line = spec.commandLine();
    line.getErr().println("caseload: give a command (caseload --help lists them)");
    line.usage(line.getErr());
    line.getErr().flush();
    return USER_ERROR;
  }

  /** Runs the tool with {@code args}, writing to the given streams; returns the exit code. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = WordWrapHelp.registerOn(
        WholeNumbers.registerOn(new CommandLine(new CaseloadCommand())));
    // every command's --version prints the tool's (a subcommand's printed nothing)
    String[] version = cli.getCommandSpec().version();
    cli.getSubcommands().values().forEach(sub -> sub.getCommandSpec().version(version));
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(oneLineErrors());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof UserError userError) {
        userError.lines().forEach(line -> commandLine.getErr().println(printable(line)));
        commandLine.getErr().flush();
        return USER_ERROR;
      }
      if (e instanceof SummaryMemory.TooLargeException tooLarge) {
        commandLine.getErr().println(printable("caseload " + commandLine.getCommandName()
            + ": " + tooLarge.getMessage() + " (or give Java more memory:"
            + " CASELOAD_JAVA_OPTS=-Xmx" + SummaryMemory.heapGibFor(tooLarge.estimate()) + "g)"));
        commandLine.getErr().flush();
        return USER_ERROR;
      }
      throw e;
    });
    for (int i = 0; i < args.length; i++) {
      if (args[i].indexOf('\uFFFD') >= 0) {
        // bytes the JVM could not read as text arrive as U+FFFD: a name would be saved so
        err.println(argumentName(args, i) + ": " + unreadable());
        err.flush();
        return USER_ERROR;
      }
    }
    int code = Stdout.exitCode(out, err, cli.execute(args));
    err.flush();
    return code;
  }

  /**
   * Why an argument holds characters that could not be read: bytes that are not UTF-8, or,
   * under a locale of another encoding (LANG=C), characters that locale cannot hold (the JVM
   * reads arguments in the locale's encoding; the launcher asks for a UTF-8 one).
   */
  private static String unreadable() {
    String encoding = System.getProperty("sun.jnu.encoding", "UTF-8");
    if (encoding.equalsIgnoreCase("UTF-8") || encoding.equalsIgnoreCase("UTF8")) {
      return "has bytes that are not UTF-8 text (arguments are read as UTF-8; a file is"
          + " checked the same way)";
    }
    return "has characters this system's locale (" + encoding + ") cannot read: run with a"
        + " UTF-8 locale, e.g. LC_ALL=C.UTF-8 (./caseload does)";
  }

  /** How to name argument {@code i}: its flag ({@code --set}), or its position. */
  private static String argumentName(String[] args, int i) {
    String arg = args[i];
    if (arg.startsWith("--")) {
      int equals = arg.indexOf('=');
      return equals < 0 ? "argument " + (i + 1) : arg.substring(0, equals);
    }
    return i > 0 && args[i - 1].startsWith("--") && args[i - 1].indexOf('=') < 0 ? args[i - 1]
        : "argument " + (i + 1);
  }

  /**
   * Bad flags reported as one line, the command's name, the flag and the reason (and a
   * suggestion for a misspelt one), exit {@link #USER_ERROR}; not picocli's usage dump.
   */
  public static CommandLine.IParameterExceptionHandler oneLineErrors() {
    return (e, args) -> {
      CommandLine command = e.getCommandLine();
      String hint = " (see --help)";
      if (e instanceof CommandLine.UnmatchedArgumentException unmatched
          && !unmatched.getSuggestions().isEmpty()) {
        hint = "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
      }
      String message = e.getMessage();
      if (e instanceof CommandLine.MaxValuesExceededException) {
        String repeated = repeatedGroupOption(command, args);
        if (repeated != null) {
          message = repeated + " is given twice";
        }
      }
      command.getErr().println(printable(command.getCommandName() + ": " + message + hint));
      command.getErr().flush();
      return USER_ERROR;
    };
  }

  /** The most characters of a message line printed: the rest is counted, not echoed. */
  static final int MAX_LINE = 2_000;

  /**
   * A line of a message as it is printed: each control character (a new line, a terminal's
   * escape) and lone surrogate of what the user typed shown as '?', so that it can neither
   * forge a line nor drive the terminal, and at most {@link #MAX_LINE} characters (a value of
   * 120,000 characters had been echoed whole).
   */
  static String printable(String line) {
    String shown = PlainText.shown(line);
    return shown.length() <= MAX_LINE ? shown : shown.substring(0, MAX_LINE)
        + String.format(java.util.Locale.ROOT, "... (%,d characters in all)", shown.length());
  }

  /**
   * The first option of an argument group given more than once in {@code args} (picocli's
   * message for it is "expected only one match but got (--preset=NAME | ...)={...}"), or null.
   */
  private static String repeatedGroupOption(CommandLine command, String[] args) {
    for (CommandLine.Model.OptionSpec option : command.getCommandSpec().options()) {
      if (option.group() == null) {
        continue;
      }
      int count = 0;
      for (String arg : args) {
        for (String name : option.names()) {
          if (arg.equals(name) || arg.startsWith(name + "=")) {
            count++;
          }
        }
      }
      if (count > 1) {
        return option.longestName();
      }
    }
    return null;
  }

  public static void main(String[] args) {
    PrintWriter out = Stdout.over(new FileOutputStream(FileDescriptor.out));
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(execute(out, err, args));
  }
}
