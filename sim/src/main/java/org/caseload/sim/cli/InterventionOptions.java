package org.caseload.sim.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseload.core.scenario.InvalidScenarioException;
import org.caseload.core.scenario.JsonSyntax;
import org.caseload.core.scenario.Problem;
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
      added = ScenarioJson.readTree(json);
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
      throw new UserError("--with #" + index + ": " + oneLine(e.problems(), first));
    }
    var late = Comparison.startingAfter(result, first, base.horizonMonths());
    if (!late.isEmpty()) {
      throw new UserError("--with #" + index + ": " + oneLine(late, first));
    }
    return result;
  }

  /**
   * The problems of one --with on one line, joined by "; ", the fields an intervention lacks
   * said once ({@code intervention 1: startMonth, team and fte are required}).
   */
  private static String oneLine(List<Problem> problems, int first) {
    Map<String, List<String>> missing = new LinkedHashMap<>();
    List<String> parts = new ArrayList<>();
    for (Problem p : problems) {
      String path = renumber(p.path(), first);
      int dot = path.lastIndexOf('.');
      if (p.reason().equals("is required") && dot > 0) {
        String owner = path.substring(0, dot);
        if (!missing.containsKey(owner)) {
          missing.put(owner, new ArrayList<>());
          parts.add(owner);
        }
        missing.get(owner).add(path.substring(dot + 1));
      } else {
        parts.add(path + ": " + p.reason());
      }
    }
    return String.join("; ", parts.stream().map(part -> {
      List<String> fields = missing.get(part);
      if (fields == null) {
        return part;
      }
      return fields.size() == 1 ? part + "." + fields.get(0) + ": is required"
          : part + ": " + String.join(", ", fields.subList(0, fields.size() - 1)) + " and "
              + fields.get(fields.size() - 1) + " are required";
    }).toList());
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
