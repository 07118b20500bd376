package org.caseload.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseload.sim.cli.CliRunner.run;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Help text is wrapped at spaces only: picocli's default wrapping (the JDK's line
 * BreakIterator) had printed "annualGrowth=0." and "08" on two lines, or ". /caseload".
 */
class HelpWrappingTest {

  private static final String WIDTH = "picocli.usage.width";

  @AfterEach
  void defaultWidth() {
    System.clearProperty(WIDTH);
  }

  @Test
  void help_atTheDefaultWidth_neverBreaksAWord() {
    everyCommandsHelp_keepsEveryWordWhole(0);
  }

  @ParameterizedTest
  @ValueSource(ints = {80, 100, 160})
  void help_atOtherWidths_neverBreaksAWord(int width) {
    System.setProperty(WIDTH, Integer.toString(width));
    everyCommandsHelp_keepsEveryWordWhole(width);
  }

  @Test
  void help_keepsAnExampleValueOnOneLine() {
    assertThat(run("goal-seek", "--help").out())
        .contains("parameters.demand.annualGrowth=0.08")
        .doesNotContain("0.\n");
  }

  @Test
  void synopsis_atANarrowWidth_keepsAnOptionWhole() {
    System.setProperty(WIDTH, "60");
    assertThat(run("run", "--help").out()).contains("[--metrics=NAME,NAME[,NAME,NAME...]]...");
  }

  private void everyCommandsHelp_keepsEveryWordWhole(int width) {
    CommandLine root = new CommandLine(new CaseloadCommand());
    List<CommandLine> commands = new ArrayList<>();
    commands.add(root);
    commands.addAll(root.getSubcommands().values());
    for (CommandLine command : commands) {
      CommandSpec spec = command.getCommandSpec();
      String name = spec.qualifiedName();
      String[] args = spec == root.getCommandSpec() ? new String[] {"--help"}
          : new String[] {spec.name(), "--help"};
      CliRunner.Result help = run(args);
      assertThat(help.code()).as(name).isZero();
      for (String line : help.out().split("\n")) {
        assertThat(line.length()).as(name + " at width " + width + ": " + line)
            .isLessThanOrEqualTo(width == 0 ? 80 : width);
      }
      for (String word : words(spec)) {
        assertThat(help.out()).as(name + " at width " + width).contains(word);
      }
    }
  }

  /**
   * Every whitespace-separated word of a command's description and of its options' and
   * parameters' descriptions, but for those picocli fills in (${DEFAULT-VALUE}, %n).
   */
  private static Set<String> words(CommandSpec spec) {
    List<String> texts = new ArrayList<>(List.of(spec.usageMessage().description()));
    texts.addAll(List.of(spec.usageMessage().header()));
    texts.addAll(List.of(spec.usageMessage().footer()));
    for (ArgSpec arg : spec.args()) {
      texts.addAll(List.of(arg.description()));
    }
    Set<String> words = new LinkedHashSet<>();
    for (String text : texts) {
      for (String word : text.split("\\s+")) {
        if (!word.isEmpty() && !word.contains("$") && !word.contains("%")) {
          words.add(word);
        }
      }
    }
    return words;
  }
}
