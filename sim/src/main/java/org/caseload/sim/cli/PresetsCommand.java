package org.caseload.sim.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.caseload.sim.presets.Presets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code caseload presets}: the preset scenarios. */
@Command(name = "presets", mixinStandardHelpOptions = true,
    description = "List the preset scenarios (use with --preset NAME).")
final class PresetsCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    int width = Presets.names().stream().mapToInt(String::length).max().orElse(0);
    for (String name : Presets.names()) { // descriptions in one column, however long a name
      out.printf("%-" + width + "s  %s%n", name, Presets.description(name));
    }
    return 0;
  }
}
