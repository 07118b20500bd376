package org.caseload.sim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.caseload.core.scenario.Scenario;
import org.caseload.sim.engine.Comparison;
import org.caseload.sim.engine.ComparisonResult;
import org.caseload.sim.engine.MonteCarlo;
import org.caseload.sim.presets.Presets;
import org.caseload.sim.target.Target;
import org.caseload.sim.target.UnevaluableTargetException;
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
        + " differences by month, the probabilities each variant is better, the same or worse,"
        + " its extra cost, and with --target each target's probability in every scenario."
        + " --set changes the baseline and so its --with variants; a --variant scenario is"
        + " compared as its preset or file has it (as a comparison's variant with a scenario"
        + " of its own in the API).")
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
          + " array, as in the scenario format; docs/levers.md gives every lever's units and"
          + " typical range); repeatable")
  List<String> additions = new ArrayList<>();

  @Mixin
  ScenarioEditOptions edits;

  @Mixin
  RunFlags flags;

  @Mixin
  OutputFormat output;

  @Mixin
  TargetOptions targets;

  @Override
  public Integer call() {
    output.check();
    RunFlags.checkNotInput(flags.out, "--scenario", baseline.file);
    RunFlags.checkNotPreset(flags.out);
    for (String source : variantSources) {
      if (Presets.description(source) == null) {
        RunFlags.checkNotInput(flags.out, "--variant", Path.of(source));
      }
    }
    Scenario base = flags.horizon(edits.apply(baseline.resolve()));
    List<Scenario> variants = new ArrayList<>();
    for (String source : variantSources) {
      variants.add(flags.horizon(ScenarioChoice.presetOrFile("--variant", source)));
    }
    for (int i = 0; i < additions.size(); i++) {
      variants.add(InterventionOptions.add(base, additions.get(i), i + 1));
    }
    if (variants.isEmpty()) {
      throw new UserError("compare: give at least one --variant (a preset or a file) or --with"
          + " JSON");
    }
    List<Scenario> all = new ArrayList<>(List.of(base));
    all.addAll(variants);
    flags.confirmLongRun(all);
    List<Target> goals = targets.parse();
    try {
      MonteCarlo.checkTargets(base, goals);
    } catch (UnevaluableTargetException e) {
      throw new UserError("--target: " + e.getMessage());
    }
    ProgressBar bar = flags.progressBar(spec.commandLine().getErr());
    ComparisonResult result;
    try {
      result = Comparison.run(base, variants, flags.options(bar), true, goals);
    } catch (IllegalArgumentException e) {
      throw new UserError("--variant: " + e.getMessage());
    } finally {
      bar.finish();
    }
    flags.emit(spec.commandLine().getOut(), output.render(result));
    return 0;
  }
}
