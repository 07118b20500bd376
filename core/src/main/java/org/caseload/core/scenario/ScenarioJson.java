package org.caseload.core.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.ContentReference;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of a scenario, documented in {@code docs/scenario-format.md}. Reading reports
 * every problem (malformed JSON, missing, unknown, mistyped, non-finite and out-of-range
 * fields) at once, each with its path ({@link ScenarioReader}); writing ({@link ScenarioWriter})
 * then reading gives an equal scenario.
 *
 * @implNote Stateless and thread-safe.
 */
public final class ScenarioJson {

  /**
   * The most tokens (brackets, names and values) a user's JSON text may hold (a file, a flag's
   * value): a scenario has a few hundred, one of a thousand teams about 50,000. It bounds the
   * memory a text can take when read into a tree (8 MiB of empty objects, 2.7 million, took
   * 300 MB). What the program wrote itself (a cluster's chunk of 256 scenarios) is not held
   * to it ({@link #readOwn}).
   */
  static final long MAX_TOKENS = 1_000_000;

  private static final ObjectMapper MAPPER = builder(StreamReadConstraints.defaults()).build();

  /**
   * What a user's JSON is read with: {@link #MAPPER}'s rules, the token limit, and numbers
   * with a point or an exponent as {@link WrittenDecimal}, so that whole-number fields read
   * what was written, not its double alone. (JSON the program wrote itself is read with
   * {@link #MAPPER}: its whole numbers are written as such.)
   */
  private static final ObjectMapper INPUT = builder(StreamReadConstraints.builder()
      .maxTokenCount(MAX_TOKENS).build())
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .nodeFactory(new WrittenDecimal.Factory())
      .build();

  private ScenarioJson() {}

  private static JsonMapper.Builder builder(StreamReadConstraints limits) {
    return JsonMapper.builder(JsonFactory.builder().streamReadConstraints(limits).build())
        .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .enable(SerializationFeature.INDENT_OUTPUT);
  }

  /** The mapper used for scenarios, shared so that other JSON follows the same rules. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * The mapper a user's JSON is read with where {@link #readTree} does not suit (an API body,
   * whose text the server has checked already): as {@link #mapper()}, with the token limit and
   * numbers as {@link WrittenDecimal}.
   */
  public static ObjectMapper inputMapper() {
    return INPUT;
  }

  /** The limits a user's JSON is read within ({@link #readTree}), for messages about them. */
  static StreamReadConstraints inputLimits() {
    return INPUT.getFactory().streamReadConstraints();
  }

  /**
   * JSON the program wrote itself (a cluster's chunk of work), read without the token limit
   * on a user's text: a chunk of 256 scenarios of many teams may hold millions.
   *
   * @throws JsonProcessingException if it is not JSON
   */
  public static JsonNode readOwn(String json) throws JsonProcessingException {
    return MAPPER.readTree(json);
  }

  /**
   * The JSON value {@code json} holds, a missing node if it holds only white space. Every reader
   * of a user's JSON goes through here: text after the value (a second object, a stray
   * {@code ]}, a word) is an error, {@link JsonSyntax#describe} says {@code unexpected text
   * after the value} and where it starts, rather than being ignored.
   *
   * @throws JsonProcessingException if it is not one JSON value
   */
  public static JsonNode readTree(String json) throws JsonProcessingException {
    try (JsonParser parser = INPUT.createParser(json)) {
      JsonNode root = INPUT.readTree(parser);
      if (root == null) {
        return MissingNode.getInstance();
      }
      JsonLocation end = parser.currentLocation();
      int line = end.getLineNr();
      int column = end.getColumnNr();
      for (long i = end.getCharOffset(); i < json.length(); i++) {
        char c = json.charAt((int) i);
        if (c == '\n') {
          line++;
          column = 1;
        } else if (c == ' ' || c == '\t' || c == '\r') {
          column++;
        } else {
          throw new JsonParseException(parser, JsonSyntax.TRAILING,
              new JsonLocation(ContentReference.unknown(), -1, i, line, column));
        }
      }
      return root;
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw new IllegalStateException("reading a String cannot fail", e);
    }
  }

  /**
   * Reads and validates a scenario.
   *
   * @throws InvalidScenarioException listing every problem, if there is any
   */
  public static Scenario read(String json) {
    JsonNode root;
    try {
      root = readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidScenarioException(
          List.of(Problem.of("$", "is not valid JSON: " + JsonSyntax.describe(e))));
    }
    if (root == null || root.isMissingNode()) {
      throw new InvalidScenarioException(List.of(Problem.of("$", "is empty")));
    }
    return fromTree(root);
  }

  /**
   * Reads and validates a scenario from a parsed JSON tree.
   *
   * @throws InvalidScenarioException listing every problem, if there is any
   */
  public static Scenario fromTree(JsonNode root) {
    if (!root.isObject()) {
      throw new InvalidScenarioException(List.of(
          Problem.of("$", "must be an object, was " + JsonFields.describe(root))));
    }
    Checks checks = new Checks();
    Scenario scenario = ScenarioReader.scenario(JsonFields.of(root, "", checks), checks);
    List<Problem> problems = new ArrayList<>(checks.problems());
    if (checks.overflowed()) {
      // more problems than are listed: what the validator would add is not read
      throw new InvalidScenarioException(problems);
    }
    // The validator sees defaults where a field or object could not be read: its problems
    // there (a NaN number, a blank name, a zero cap, a role missing from the teams) follow
    // from one already reported and would only hide it.
    Checks validated = ScenarioValidator.check(scenario);
    for (Problem p : validated.listed()) {
      if (!checks.follows(p)) {
        problems.add(p);
      }
    }
    if (!problems.isEmpty()) {
      // the reader's and the validator's together, at most a hundred listed
      throw new InvalidScenarioException(Checks.capped(problems, validated.omitted()));
    }
    return scenario;
  }

  /** The JSON form, indented, with every field written out. */
  public static String write(Scenario scenario) {
    try {
      return MAPPER.writeValueAsString(toTree(scenario));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write scenario JSON", e);
    }
  }

  /** The JSON form as a tree. */
  public static ObjectNode toTree(Scenario scenario) {
    return ScenarioWriter.toTree(scenario, false);
  }

  /**
   * The JSON form as a tree with every field written out, those {@link #toTree(Scenario)}
   * leaves out at their defaults included (the same scenario when read): what
   * {@link ScenarioEdits} sets fields in.
   */
  public static ObjectNode toFullTree(Scenario scenario) {
    return ScenarioWriter.toTree(scenario, true);
  }
}
