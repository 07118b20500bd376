package org.caseload.core.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseload.core.data.Names;

/**
 * Edits a scenario field by field ({@link FieldSetting}) in its full JSON form, then reads
 * the result as a scenario file is read: the same checks, the same problems with the same
 * paths. Every field of the JSON form can be set, an optional one the scenario leaves out
 * too (a team's {@code demandShare}, a campaign's {@code team}: the reader decides what is a
 * field); a path that is not a field is a problem that names the closest field. Used by
 * {@code caseload run --set}, the sweep's grid axes and the API.
 *
 * @implNote Stateless and thread-safe.
 */
public final class ScenarioEdits {

  private static final Pattern STEP = Pattern.compile("([A-Za-z][A-Za-z0-9]*)((?:\\[\\d+\\])*)");
  private static final Pattern INDEX = Pattern.compile("\\[(\\d+)\\]");

  private ScenarioEdits() {}

  /**
   * {@code base} with every setting applied in order, named {@code "BASE with PATH=VALUE,
   * ..."} (unless a setting sets {@code name}), and validated.
   *
   * @throws InvalidScenarioException listing every problem: paths that are not fields, then
   *     (when all are) the problems of the edited scenario, as for a file
   */
  public static Scenario apply(Scenario base, List<FieldSetting> settings) {
    if (settings.isEmpty()) {
      return ScenarioValidator.requireValid(base);
    }
    ObjectNode tree = ScenarioJson.toFullTree(base);
    if (!tree.has("uncertainty")) {
      tree.putArray("uncertainty");
    }
    List<Problem> unknown = new ArrayList<>();
    List<Problem> added = new ArrayList<>();
    boolean named = false;
    for (FieldSetting setting : settings) {
      try {
        Problem ifNotAField = set(tree, setting);
        if (ifNotAField != null) {
          added.add(ifNotAField);
        }
        named |= setting.path().equals("name");
      } catch (InvalidScenarioException e) {
        unknown.addAll(e.problems());
      }
    }
    // a field added, then replaced with the object it was in by a later setting, was never
    // read: not a field as it was written (it had been dropped without a word)
    for (Problem ifNotAField : added) {
      if (!present(tree, ifNotAField.path())) {
        unknown.add(ifNotAField);
      }
    }
    if (!unknown.isEmpty()) {
      throw new InvalidScenarioException(unknown);
    }
    if (!named) {
      tree.put("name", name(base.name(), settings));
    }
    try {
      return ScenarioJson.fromTree(tree);
    } catch (InvalidScenarioException e) {
      throw notKnown(e, added);
    }
  }

  /**
   * The problems of an edited scenario, where a field a setting added is not one the reader
   * knows: only those, as for a path that is not a field, each naming the field the reader
   * suggests (an optional one the scenario left out, such as {@code demandShare}) or else the
   * fields the object has; otherwise the reader's.
   */
  private static InvalidScenarioException notKnown(InvalidScenarioException e,
      List<Problem> added) {
    List<Problem> notFields = new ArrayList<>();
    for (Problem problem : e.problems()) {
      if (!problem.reason().startsWith(JsonFields.UNKNOWN)) {
        continue;
      }
      for (Problem ifNotAField : added) {
        if (samePath(problem.path(), ifNotAField.path())) {
          String suggested = JsonFields.suggested(problem.reason());
          String path = ifNotAField.path();
          notFields.add(suggested == null ? ifNotAField : Problem.of(path,
              "is not a field of the scenario; did you mean '"
                  + path.substring(0, path.lastIndexOf('.') + 1) + suggested + "'?"));
        }
      }
    }
    return notFields.isEmpty() ? e : new InvalidScenarioException(notFields);
  }

  /** Whether the field at {@code path} (a path {@link #steps} reads) is in {@code tree}. */
  private static boolean present(JsonNode tree, String path) {
    JsonNode node = tree;
    for (Object step : steps(path)) {
      node = step instanceof String field ? node.get(field) : node.get((Integer) step);
      if (node == null) {
        return false;
      }
    }
    return true;
  }

  private static boolean samePath(String a, String b) {
    try {
      return steps(a).equals(steps(b));
    } catch (InvalidScenarioException e) {
      return false;
    }
  }

  /** The name of an edited scenario: {@code "BASE with PATH=VALUE, ..."}, at most 200 characters. */
  public static String name(String base, List<FieldSetting> settings) {
    StringBuilder name = new StringBuilder(base);
    for (int i = 0; i < settings.size(); i++) {
      name.append(i == 0 ? " with " : ", ").append(settings.get(i));
    }
    return Scenario.fittedName(name.toString());
  }

  /**
   * Sets one field of a scenario's JSON form. The objects on its path must exist; the field
   * itself may be one the form leaves out (an optional field not given), added then.
   *
   * @return null where the field was there; where it was added, the problem to report should
   *     the reader not know it (it names the closest field the object has)
   * @throws InvalidScenarioException with one problem at the setting's path, naming the
   *     closest field, if the path is malformed or not a field
   */
  public static Problem set(ObjectNode tree, FieldSetting setting) {
    String path = setting.path();
    List<Object> steps = steps(path);
    JsonNode node = tree;
    StringBuilder at = new StringBuilder();
    for (int i = 0; i < steps.size(); i++) {
      Object step = steps.get(i);
      JsonNode child = step instanceof String field ? node.get(field) : node.get((Integer) step);
      boolean last = i == steps.size() - 1;
      if (last && child == null && node instanceof ObjectNode object
          && step instanceof String field) {
        Problem ifNotAField = notAField(path, node, step, at.toString()).problems().get(0);
        object.set(field, setting.value());
        return ifNotAField;
      }
      if (child == null || !last && !(child.isObject() || child.isArray())) {
        throw notAField(path, node, step, at.toString());
      }
      if (last) {
        if (node instanceof ObjectNode object) {
          object.set((String) step, setting.value());
        } else {
          ((ArrayNode) node).set((Integer) step, setting.value());
        }
        return null;
      }
      at.append(step instanceof String field ? (at.isEmpty() ? "" : ".") + field
          : "[" + step + "]");
      node = child;
    }
    return null;
  }

  /**
   * Whether settings of {@code a} and {@code b} would reach the same field: the same path
   * however written ({@code teams[1]} and {@code teams[01]}), or one a field inside the other
   * ({@code parameters.demand} and {@code parameters.demand.baseMonthly}), so that the later
   * setting replaces what the earlier one set. A path that is not a path overlaps nothing (it
   * fails on its own when set).
   */
  public static boolean overlap(String a, String b) {
    List<Object> first;
    List<Object> second;
    try {
      first = steps(a);
      second = steps(b);
    } catch (InvalidScenarioException e) {
      return false;
    }
    if (first.contains(BEYOND_ANY_LIST) || second.contains(BEYOND_ANY_LIST)) {
      return false; // fails on its own as not a field (two such indices are not one)
    }
    int n = Math.min(first.size(), second.size());
    return first.subList(0, n).equals(second.subList(0, n));
  }

  /** The step an index of ten digits or more reads as: beyond any list. */
  private static final Integer BEYOND_ANY_LIST = Integer.MAX_VALUE;

  private static List<Object> steps(String path) {
    List<Object> steps = new ArrayList<>();
    for (String part : path.split("\\.", -1)) {
      Matcher m = STEP.matcher(part);
      if (!m.matches()) {
        throw new InvalidScenarioException(List.of(Problem.of(path, "is not a path like"
            + " parameters.demand.annualGrowth or teams[0].establishment")));
      }
      steps.add(m.group(1));
      Matcher index = INDEX.matcher(m.group(2));
      while (index.find()) {
        String digits = index.group(1);
        // An index of ten digits or more is beyond any list: it fails as "not a field".
        steps.add(digits.length() > 9 ? BEYOND_ANY_LIST : Integer.parseInt(digits));
      }
    }
    return steps;
  }

  private static InvalidScenarioException notAField(String path, JsonNode parent, Object step,
      String at) {
    String where = at.isEmpty() ? "the scenario" : at;
    String reason;
    if (step instanceof Integer index) {
      reason = parent.isArray()
          ? "is not a field of the scenario: " + where + " has " + parent.size()
              + (parent.size() == 1 ? " element" : " elements")
              + (parent.isEmpty() ? "" : " ([0] to [" + (parent.size() - 1) + "])")
          : "is not a field of the scenario: " + where + " is not a list";
    } else if (!parent.isObject()) {
      reason = "is not a field of the scenario: " + where + " is a list; use " + where + "[0]";
    } else {
      String field = (String) step;
      List<String> names = new ArrayList<>();
      parent.fieldNames().forEachRemaining(names::add);
      String prefix = at.isEmpty() ? "" : at + ".";
      String close = closest(field, names);
      reason = close != null && parent.has(field)
          ? "is not a field of the scenario: " + prefix + field + " holds a value, not fields"
          : close != null
              ? "is not a field of the scenario; did you mean '" + prefix + close + "'?"
              : "is not a field of the scenario; " + where + " has " + String.join(", ", names);
    }
    return new InvalidScenarioException(List.of(Problem.of(path, reason)));
  }

  /** The name most like {@code wanted}: containing it, contained in it, or a few edits away. */
  private static String closest(String wanted, List<String> names) {
    if (names.contains(wanted)) {
      return wanted;
    }
    String key = wanted.toLowerCase(Locale.ROOT);
    for (String name : names) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.contains(key) || key.contains(lower)) {
        return name;
      }
    }
    List<String> close = Names.closest(wanted, names, 1);
    if (close.isEmpty()) {
      return null;
    }
    int distance = Names.distance(key, close.get(0).toLowerCase(Locale.ROOT));
    return distance <= Math.max(2, wanted.length() / 3) ? close.get(0) : null;
  }
}
