package org.caseload.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonSyntaxTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "{\"type\": \"posts\"|the object opened at column 1 is not closed (a '}' is missing)",
      "[1, 2|the list opened at column 1 is not closed (a ']' is missing)",
      "{\"a\": \"abc|a text value is not closed (a '\"' is missing) (at column 11)",
      "{posts|unexpected character 'p': was expecting a field name in double quotes (at column 2)",
      "{\"a\": tru}|unrecognized token 'tru'",
      "{\"a\": [}|unexpected close marker '}': expected ']' for the list opened at column 7",
      "{\"a\": x}|unrecognized token 'x': was expecting (a text, number, list, object, true, false or null) (at column 8)",
      "\uFEFF{\"a\": 1}|unexpected character U+FEFF (an invisible character): expected a valid value (a text, number, list, object, true, false or null)",
      "{\"a\": 1, \"a\": 2}|duplicate key 'a': each key may appear once in an object",
      "{\"a\": +1}|unexpected character '+' in numeric value: JSON numbers have no '+' sign (at column 7)"})
  void describe_saysWhatIsWrongInUserWords(String json, String expected) {
    String described = describe(json);
    assertThat(described).startsWith(expected).doesNotContain("Source")
        .doesNotContain("REDACTED").doesNotContain("StreamReadFeature").doesNotContain("code")
        .doesNotContain("JSON String").doesNotContain("INF").doesNotContain("Feature")
        .doesNotContain("enable").doesNotContain("ALLOW_");
  }

  private static String describe(String json) {
    try {
      ScenarioJson.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      return JsonSyntax.describe(e);
    }
    throw new AssertionError("parsed: " + json);
  }

  @Test
  void describe_aComment_saysCommentsAreNotAllowed_withWhere() {
    assertThat(describe("// c\n{\"a\": 1}"))
        .isEqualTo("comments are not allowed in JSON (at column 1)");
    assertThat(describe("{\"a\": 1,\n  /* c */ \"b\": 2}"))
        .isEqualTo("comments are not allowed in JSON (at line 2, column 3)");
    assertThat(describe("# c\n{\"a\": 1}")).doesNotContain("Feature");
  }

  /**
   * A raw new line or tab inside a text value: the reader's words ("Illegal unquoted character
   * ((CTRL-CHAR, code 10)): has to be escaped using backslash to be included in string
   * value") had reached the API's answers, lower-cased.
   */
  @Test
  void describe_aRawControlCharacterInAText_saysToEscapeIt() {
    assertThat(describe("{\"a\": \"x\ny\"}")).isEqualTo("a text value holds a raw new line"
        + " (U+000A): write it escaped, as \\n (at column 9)");
    assertThat(describe("{\"a\": \"x\ty\"}")).startsWith("a text value holds a raw"
        + " tab (U+0009): write it escaped, as \\t");
    assertThat(describe("{\"a\": \"x\u0001y\"}")).startsWith("a text value holds a raw"
        + " control character U+0001: write it escaped, as \\u0001");
  }

  @Test
  void describe_tooDeep_namesTheLimitNotTheSetting() {
    String described = describe("[".repeat(2_000) + "]".repeat(2_000));
    assertThat(described).startsWith("it is nested more than").endsWith("levels deep")
        .doesNotContain("StreamReadConstraints");
  }
}
