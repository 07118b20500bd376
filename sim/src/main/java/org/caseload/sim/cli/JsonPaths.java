package org.caseload.sim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sets a value at a path such as {@code parameters.demand.annualGrowth} or
 * {@code teams[0].establishment} in a scenario's full JSON form. The path must exist.
 */
final class JsonPaths {

  private static final Pattern STEP = Pattern.compile("([A-Za-z][A-Za-z0-9]*)((?:\\[\\d+\\])*)");
  private static final Pattern INDEX = Pattern.compile("\\[(\\d+)\\]");

  private JsonPaths() {}

  /** Sets {@code value} at {@code path}; throws IllegalArgumentException if there is no such field. */
  static void set(ObjectNode root, String path, JsonNode value) {
    List<Object> steps = parse(path);
    JsonNode node = root;
    for (int i = 0; i < steps.size() - 1; i++) {
      node = child(node, steps.get(i), path);
    }
    Object last = steps.get(steps.size() - 1);
    if (last instanceof String field && node instanceof ObjectNode object && object.has(field)) {
      object.set(field, value);
    } else if (last instanceof Integer index && node instanceof ArrayNode array
        && index < array.size()) {
      array.set(index, value);
    } else {
      throw new IllegalArgumentException("'" + path + "' is not a field of the scenario");
    }
  }

  private static JsonNode child(JsonNode node, Object step, String path) {
    JsonNode child = step instanceof String field ? node.get(field) : node.get((Integer) step);
    if (child == null || !(child.isObject() || child.isArray())) {
      throw new IllegalArgumentException("'" + path + "' is not a field of the scenario");
    }
    return child;
  }

  private static List<Object> parse(String path) {
    List<Object> steps = new ArrayList<>();
    for (String part : path.split("\\.", -1)) {
      Matcher m = STEP.matcher(part);
      if (!m.matches()) {
        throw new IllegalArgumentException("'" + path + "' is not a path like"
            + " parameters.demand.annualGrowth or teams[0].establishment");
      }
      steps.add(m.group(1));
      Matcher index = INDEX.matcher(m.group(2));
      while (index.find()) {
        steps.add(Integer.parseInt(index.group(1)));
      }
    }
    return steps;
  }
}
