package org.caseload.sim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.caseload.core.scenario.InvalidScenarioException;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.ScenarioJson;
import org.caseload.sim.engine.Comparison;
import org.caseload.sim.engine.ComparisonResult;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code caseload compare}: a baseline against variants on common random numbers. Variants
 * are other scenarios ({@code --variant}) or the baseline with extra interventions
 * ({@code --with}).
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Compare a baseline with variants on common random numbers: paired"
        + " differences by month and the probability each variant is better.")
final class CompareCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1", heading = "Baseline:%n")
  ScenarioChoice baseline;

  @Option(names = "--variant", paramLabel = "PRESET|FILE",
      description = "a variant scenario: a preset name or a file; repeatable")
  List<String> variantSources = new ArrayList<>();

  @Option(names = "--with", paramLabel = "JSON",
      description = "a variant: the baseline plus these interventions (a JSON object or"
          + " array, as in the scenario format); repeatable")
  List<String> additions = new ArrayList<>();

  @Mixin
  RunFlags flags;

  @Mixin
  OutputFormat output;

  @Override
  public Integer call() {
    Scenario base = flags.horizon(baseline.resolve());
    List<Scenario> variants = new ArrayList<>();
    for (String source : variantSources) {
      variants.add(flags.horizon(ScenarioChoice.presetOrFile("--variant", source)));
    }
    for (int i = 0; i < additions.size(); i++) {
      variants.add(withInterventions(base, additions.get(i), i + 1));
    }
    if (variants.isEmpty()) {
      throw new UserError("compare: give at least one --variant (a preset or a file) or --with"
          + " JSON");
    }
    ProgressBar bar = flags.progressBar(spec.commandLine().getErr());
    ComparisonResult result;
    try {
      result = Comparison.run(base, variants, flags.options(bar), true);
    } catch (IllegalArgumentException e) {
      throw new UserError("--variant: " + e.getMessage());
    } finally {
      bar.finish();
    }
    flags.emit(spec.commandLine().getOut(), output.render(result));
    return 0;
  }

  /** The baseline with the interventions of {@code json} appended, validated. */
  static Scenario withInterventions(Scenario base, String json, int index) {
    JsonNode added;
    try {
      added = ScenarioJson.mapper().readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UserError("--with #" + index + ": is not valid JSON"
          + (e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr())
          + ": " + e.getOriginalMessage());
    }
    if (added == null || !(added.isObject() || added.isArray())) {
      throw new UserError("--with #" + index + ": must be a JSON object or array of"
          + " interventions");
    }
    int first = base.interventions().size();
    try {
      return Comparison.withInterventions(base, added);
    } catch (InvalidScenarioException e) {
      throw new UserError(e.problems().stream().map(p -> "--with #" + index + ": "
          + renumber(p.toString(), first)).toList());
    }
  }

  /** Problem paths count interventions in the whole list; say which of the added ones. */
  private static String renumber(String problem, int first) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("^interventions\\[(\\d+)\\]")
        .matcher(problem);
    if (m.find() && Integer.parseInt(m.group(1)) >= first) {
      return "intervention " + (Integer.parseInt(m.group(1)) - first + 1)
          + problem.substring(m.end());
    }
    return problem;
  }
}
