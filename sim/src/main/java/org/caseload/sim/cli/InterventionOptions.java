package org.caseload.sim.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseload.core.scenario.InvalidScenarioException;
import org.caseload.core.scenario.JsonSyntax;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.ScenarioJson;
import org.caseload.sim.engine.Comparison;
import picocli.CommandLine.Option;

/**
 * {@code --with JSON}, repeatable: interventions added to the scenario (a JSON object or an
 * array of them, in the scenario format; docs/levers.md gives their ranges).
 */
final class InterventionOptions {

  private static final Pattern INTERVENTION = Pattern.compile("^interventions\\[(\\d+)\\]");

  @Option(names = "--with", paramLabel = "JSON",
      description = "add interventions: a JSON object or array as in the scenario format, e.g."
          + " '{\"type\": \"posts\", \"startMonth\": 1, \"team\": \"assessment\", \"fte\": 8}';"
          + " every lever with its units and typical range: docs/levers.md; repeatable")
  List<String> additions = new ArrayList<>();

  /** {@code scenario} with every --with added in order. */
  Scenario apply(Scenario scenario) {
    Scenario result = scenario;
    for (int i = 0; i < additions.size(); i++) {
      result = add(result, additions.get(i), i + 1);
    }
    return result;
  }

  /**
   * The scenario with the interventions of {@code json} appended, validated; none may start
   * after {@code base}'s horizon (give {@code base} its final horizon first).
   */
  static Scenario add(Scenario base, String json, int index) {
    JsonNode added;
    try {
      added = ScenarioJson.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new UserError("--with #" + index + ": is not valid JSON: " + JsonSyntax.describe(e));
    }
    if (added == null || !(added.isObject() || added.isArray()) || added.isEmpty()) {
      throw new UserError("--with #" + index + ": must be an intervention (a JSON object) or a"
          + " non-empty array of them");
    }
    int first = base.interventions().size();
    Scenario result;
    try {
      result = Comparison.withInterventions(base, added);
    } catch (InvalidScenarioException e) {
      throw new UserError(e.problems().stream().map(p -> "--with #" + index + ": "
          + renumber(p.toString(), first)).toList());
    }
    var late = Comparison.startingAfter(result, first, base.horizonMonths());
    if (!late.isEmpty()) {
      throw new UserError(late.stream().map(p -> "--with #" + index + ": "
          + renumber(p.toString(), first)).toList());
    }
    return result;
  }

  /** Problem paths count interventions in the whole list; say which of the added ones. */
  private static String renumber(String problem, int first) {
    Matcher m = INTERVENTION.matcher(problem);
    if (m.find() && Integer.parseInt(m.group(1)) >= first) {
      return "intervention " + (Integer.parseInt(m.group(1)) - first + 1)
          + problem.substring(m.end());
    }
    return problem;
  }
}
