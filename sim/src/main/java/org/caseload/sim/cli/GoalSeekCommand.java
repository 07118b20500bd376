package org.caseload.sim.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.caseload.core.scenario.InvalidScenarioException;
import org.caseload.core.scenario.Scenario;
import org.caseload.sim.decide.GoalSeek;
import org.caseload.sim.decide.GoalSeekRequest;
import org.caseload.sim.decide.GoalSeekResult;
import org.caseload.sim.decide.Lever;
import org.caseload.sim.decide.LeverParser;
import org.caseload.sim.decide.Objective;
import org.caseload.sim.decide.UnmovableTargetException;
import org.caseload.sim.output.GoalSeekOutput;
import org.caseload.sim.target.Target;
import org.caseload.sim.target.UnevaluableTargetException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code caseload goal-seek}: the cheapest plan of levers that meets the targets. */
@Command(name = "goal-seek", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Find the cheapest plan of levers whose probability of meeting every"
        + " --target is at least --probability, on common random numbers (docs/decide.md).",
        "",
        "Levers: NAME[:TEAM]=FROM..TO[/STEP][,KEY=VALUE...], weakest value first (upwards;"
        + " retention downwards; caseloadCap, agencyCover and agencyCap either way, as the"
        + " targets decide; the last value is TO), e.g."
        + " posts:assessment=0..20; campaign=1..3/0.5,months=12; retention=1..0.8/0.05;"
        + " campaignMonths=0..24/6; agencyCover=0.5..1/0.1; agencyCap=0..60/10;"
        + " caseloadCap:longTerm=25..18 (hard limit the cap, or hardLimit=N);"
        + " nqCohort=0..20/5."})
final class GoalSeekCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  DecisionBase base;

  @Mixin
  DataFlags data;

  @Mixin
  ScenarioEditOptions edits;

  @Mixin
  InterventionOptions interventions;

  @Mixin
  TargetOptions targets;

  @Option(names = "--probability", paramLabel = "P", required = true,
      description = "the required probability of meeting every target, strictly between 0"
          + " and 1, written as a fraction: 0.8 for 80%% ('80%%' is refused)")
  double probability;

  @Option(names = "--lever", paramLabel = "LEVER", required = true,
      description = "a lever that may move, with its range (see above); repeatable")
  List<String> leverTexts = new ArrayList<>();

  @Option(names = "--objective", paramLabel = "cost|posts", defaultValue = "cost",
      description = "cost: the lowest total cost over the horizon; posts: the fewest posts"
          + " added, then cost (default ${DEFAULT-VALUE})")
  String objective;

  @Option(names = "--screen-replications", paramLabel = "N", defaultValue = "256",
      description = "replications of every plan's first look, a multiple of 64 (default"
          + " ${DEFAULT-VALUE})")
  int screen;

  @Option(names = "--max-replications", paramLabel = "N", defaultValue = "4096",
      description = "replications a plan near the goal is refined to (default"
          + " ${DEFAULT-VALUE})")
  int max;

  @Option(names = "--yes", description = "search when it may simulate more than 1,000,000"
      + " replications in all, without asking; without it such a search stops at once")
  boolean yes;

  @Mixin
  DecideFlags flags;

  @Override
  public Integer call() {
    flags.format();
    RunFlags.checkNotInput(flags.out, "--scenario", base.file);
    RunFlags.checkNotPreset(flags.out);
    Scenario base = this.base.resolve(data, flags.months, spec.commandLine().getErr(),
        flags.quiet, flags.out);
    Scenario scenario = interventions.apply(flags.horizon(edits.apply(base)));
    GoalSeekRequest request = request(scenario);
    double planned = request.replicationsPlanned();
    if (planned > RunFlags.CONFIRM_ABOVE && !yes) {
      // a grid of millions of plans had searched for hours with nothing said
      throw new UserError(String.format(java.util.Locale.ROOT, "--lever: the search may"
          + " simulate about %,.0f replications (every combination of the levers' steps"
          + " screened at %,d, the answer refined to %,d); add --yes to search, or use"
          + " coarser steps, fewer levers or fewer --screen-replications", planned,
          request.screenReplications(), request.maxReplications()));
    }
    ProgressBar bar = flags.progressBar(spec.commandLine().getErr());
    GoalSeekResult result;
    try {
      result = GoalSeek.run(request);
    } catch (UnmovableTargetException e) {
      throw new UserError("--target: " + e.getMessage());
    } finally {
      bar.finish();
    }
    flags.emit(spec.commandLine().getOut(), switch (flags.format) {
      case table -> GoalSeekOutput.table(result);
      case json -> GoalSeekOutput.json(result);
      case csv -> GoalSeekOutput.csv(result);
    });
    return 0;
  }

  /** The request, its inputs and plans checked before anything is simulated. */
  private GoalSeekRequest request(Scenario scenario) {
    List<Target> parsed = targets.parse();
    Objective chosen = Objective.byLabel(objective);
    if (chosen == null) {
      throw new UserError("--objective: must be cost or posts, was '" + objective + "'");
    }
    List<Lever> levers;
    try {
      levers = LeverParser.parseAll(leverTexts, scenario);
    } catch (LeverParser.BadLeverException e) {
      throw new UserError("--lever '" + leverTexts.get(e.index()) + "': " + e.getMessage());
    }
    try {
      GoalSeekRequest.checkNumbers(probability, screen, max, GoalSeekRequest.MOST_REPLICATIONS,
          spec.commandLine().getParseResult().hasMatchedOption("--max-replications"));
      GoalSeekRequest request = new GoalSeekRequest(scenario, parsed, probability, levers,
          chosen, flags.seed, flags.threads(), screen, max, () -> false);
      request.checkPlans();
      return request;
    } catch (GoalSeekRequest.InputException e) {
      throw new UserError(switch (e.input()) {
        case PROBABILITY -> "--probability";
        case TARGETS -> "--target";
        case LEVERS -> "--lever";
        case SCREEN_REPLICATIONS -> "--screen-replications";
        case MAX_REPLICATIONS -> "--max-replications";
      } + ": " + e.getMessage());
    } catch (InvalidScenarioException e) {
      throw new UserError(e.problems().stream().map(p -> "--lever: " + p).toList());
    } catch (UnevaluableTargetException e) {
      throw new UserError("--target: " + e.getMessage());
    }
  }
}
