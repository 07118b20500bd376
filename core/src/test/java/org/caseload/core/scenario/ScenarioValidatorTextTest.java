package org.caseload.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text that a database refuses or mangles (NUL, other control characters, lone surrogates)
 * and base dates beyond what a calendar computation can reach are problems of the scenario,
 * reported with their paths like any other.
 */
class ScenarioValidatorTextTest {

  @ParameterizedTest
  @ValueSource(strings = {"a\u0000b", "tab\there", "bell\u0007", "del\u007f", "c1\u0085",
      "lone \ud800 high", "lone \udc00 low", "ends high \ud83d", "Plan \u202eB nalP",
      "isolate \u2067x\u2069", "line\u2028sep", "para\u2029sep"})
  void nameAndTeamNames_mustBePlainText(String text) {
    ObjectNode tree = ScenarioJson.toTree(Examples.synthetic());
    tree.put("name", text);
    ((ObjectNode) tree.withArray("teams").get(0)).put("name", text);
    List<Problem> problems = problems(tree);
    assertThat(problems).extracting(Problem::path).contains("name", "teams[0].name");
    assertThat(problems).extracting(Problem::reason)
        .allMatch(r -> r.startsWith("must not contain control characters")
            || r.startsWith("must be valid Unicode"));
  }

  /**
   * A name may not mix Latin, Cyrillic and Greek letters, which look alike: "Plan A" with a
   * Cyrillic A (U+0410) had been saved beside "Plan A" as a name of its own, the two read as
   * one. A name of one of them, or of Latin beside another script, is a name.
   */
  @org.junit.jupiter.api.Test
  void aNameMixingLettersThatLookAlike_isRefusedNamingTheLetter() {
    ObjectNode tree = ScenarioJson.toTree(Examples.synthetic());
    tree.put("name", "Plan \u0410");
    assertThat(problems(tree)).extracting(Problem::toString).containsExactly("name: must not"
        + " mix Latin and Cyrillic letters, which look alike, had U+0410 CYRILLIC CAPITAL"
        + " LETTER A at 5");
    tree.put("name", "Medway \u03bf\u03bd\u03b5");
    assertThat(problems(tree)).extracting(Problem::reason).singleElement().asString()
        .startsWith("must not mix Latin and Greek letters");
    ((ObjectNode) tree.withArray("teams").get(0)).put("name", "\u0421\u0435\u0432\u0435\u0440 East");
    assertThat(problems(tree)).extracting(Problem::path).containsExactly("name", "teams[0].name");
    for (String name : new String[] {"\u041f\u043b\u0430\u043d \u0410", "Caf\u00e9 \u00c9quipe 2",
        "Medway \u8a08\u753b", "\u03a3\u03c7\u03ad\u03b4\u03b9\u03bf 1", "Plan A \u2013 2019"}) {
      ObjectNode plain = ScenarioJson.toTree(Examples.synthetic());
      plain.put("name", name);
      assertThat(problems(plain)).as(name).isEmpty();
    }
    // a text that is not a name may: a description with a Greek delta and sigma
    assertThat(PlainText.problem("\u0394 +5 posts, \u03c3 0.09")).isNull();
  }

  /** A name of nothing a reader sees (a zero-width space, a no-break space) is blank. */
  @org.junit.jupiter.api.Test
  void nameOfInvisibleCharacters_isBlank() {
    ObjectNode tree = ScenarioJson.toTree(Examples.synthetic());
    for (String invisible : new String[] {"\u200b", " \u00a0 ", "\u2060\u200b"}) {
      tree.put("name", invisible);
      assertThat(problems(tree)).extracting(Problem::path).containsExactly("name");
      assertThat(problems(tree).get(0).reason()).startsWith("must not be blank");
    }
    tree.put("name", "Medway\u200b 2019");
    assertThat(problems(tree)).isEmpty();
  }

  /**
   * Team names a reader cannot tell apart are one name, refused as such: composed and
   * decomposed, with spaces at an end or doubled, a no-break space, a zero-width space, another
   * case, full-width letters (an outside trial had two teams 'Café' with different figures).
   */
  @org.junit.jupiter.api.Test
  void teamNamesThatReadAlike_areOneName() {
    String[][] pairs = {{"Caf\u00e9", "Cafe\u0301"}, {"North", "North "}, {"North", " North"},
        {"North Team", "North  Team"}, {"North Team", "North\u00a0Team"},
        {"North", "No\u200brth"}, {"North", "north"}, {"North", "\uff2eorth"}};
    for (String[] pair : pairs) {
      ObjectNode tree = ScenarioJson.toTree(Examples.synthetic());
      tree.putArray("interventions"); // its lever names a team renamed here
      ((ObjectNode) tree.withArray("teams").get(0)).put("name", pair[0]);
      ((ObjectNode) tree.withArray("teams").get(1)).put("name", pair[1]);
      assertThat(problems(tree)).as(pair[1]).extracting(Problem::toString)
          .containsExactly("teams[1].name: must be unique, '" + pair[1] + "' reads as '"
              + pair[0] + "', another team's name");
    }
    ObjectNode tree = ScenarioJson.toTree(Examples.synthetic());
    tree.putArray("interventions");
    ((ObjectNode) tree.withArray("teams").get(0)).put("name", "North");
    ((ObjectNode) tree.withArray("teams").get(1)).put("name", "North");
    assertThat(problems(tree)).extracting(Problem::toString)
        .containsExactly("teams[1].name: must be unique, 'North' is used twice");
    ((ObjectNode) tree.withArray("teams").get(1)).put("name", "North 2");
    assertThat(problems(tree)).isEmpty();
  }

  /** A name's length is counted in characters as a reader counts them: an emoji is one. */
  @org.junit.jupiter.api.Test
  void nameLength_countsCodePoints() {
    ObjectNode tree = ScenarioJson.toTree(Examples.synthetic());
    String emoji = "\ud83d\ude00";
    tree.put("name", emoji.repeat(150));
    assertThat(problems(tree)).isEmpty();
    tree.put("name", emoji.repeat(201));
    assertThat(problems(tree)).extracting(Problem::toString)
        .containsExactly("name: must be at most 200 characters, was 201");
  }

  /**
   * A team's name is in every row of a run's by-team output: one of 300,000 characters in a
   * 600 KB request made results too large for the server's heap.
   */
  @org.junit.jupiter.api.Test
  void teamName_isAtMost100Characters_andALeverNamingALongOneIsEchoedCut() {
    ObjectNode tree = ScenarioJson.toTree(Examples.synthetic());
    ((ObjectNode) tree.withArray("teams").get(0)).put("name", "A".repeat(101));
    assertThat(problems(tree)).extracting(Problem::toString)
        .containsExactly("teams[0].name: must be at most 100 characters, was 101");
    ((ObjectNode) tree.withArray("teams").get(0)).put("name", "A".repeat(100));
    assertThat(problems(tree)).isEmpty();

    ObjectNode lever = tree.withArray("interventions").addObject();
    lever.put("type", "posts").put("startMonth", 1).put("team", "B".repeat(300_000))
        .put("fte", 1);
    List<Problem> problems = problems(tree);
    assertThat(problems).extracting(Problem::path).containsExactly("interventions[" + (tree.withArray("interventions").size() - 1) + "].team");
    assertThat(problems.get(0).reason()).endsWith("was '" + "B".repeat(100) + "...'");
  }

  /**
   * A hard limit left out takes its cap's value: a cap that is not a whole number is the one
   * problem, not also a hard limit "of 0" the planner never wrote.
   */
  @org.junit.jupiter.api.Test
  void capNotWhole_isTheOnlyProblem_whenTheHardLimitIsLeftOut() {
    ObjectNode tree = ScenarioJson.toTree(Examples.synthetic());
    ObjectNode team = (ObjectNode) tree.withArray("teams").get(0);
    team.put("caseloadCap", 20.5);
    team.remove("hardLimit");
    assertThat(problems(tree)).extracting(Problem::toString)
        .containsExactly("teams[0].caseloadCap: must be a whole number, was 20.5");
    team.put("hardLimit", 0);
    assertThat(problems(tree)).extracting(Problem::path)
        .containsExactly("teams[0].caseloadCap", "teams[0].hardLimit");

    ObjectNode lever = tree.withArray("interventions").addObject();
    team.put("caseloadCap", 20).put("hardLimit", 30);
    lever.put("type", "caseloadCap").put("startMonth", 1).put("team", team.get("name").asText())
        .put("cap", 18.5);
    assertThat(problems(tree)).extracting(Problem::path)
        .containsExactly("interventions[" + (tree.withArray("interventions").size() - 1)
            + "].cap");
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain name", "Medway 2019 \u2013 8 posts", "emoji \ud83d\ude00 ok",
      "\u0641\u0631\u064a\u0642 \u200f(east)"})
  void plainText_isAccepted(String text) {
    ObjectNode tree = ScenarioJson.toTree(Examples.synthetic());
    tree.put("name", text);
    assertThat(problems(tree)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"+999999999-12-31", "1999-12-31", "2101-01-31", "-0001-12-31"})
  void baseDate_outsideTheYearBounds(String date) {
    ObjectNode tree = ScenarioJson.toTree(Examples.synthetic());
    tree.put("baseDate", date);
    assertThat(problems(tree)).extracting(Problem::path).containsExactly("baseDate");
    assertThat(problems(tree).get(0).reason()).contains("2000 to 2100");
  }

  private static List<Problem> problems(ObjectNode tree) {
    try {
      ScenarioJson.read(tree.toString());
      return List.of();
    } catch (InvalidScenarioException e) {
      return e.problems();
    }
  }

  /** A scenario may not carry more interventions than any plan needs (set paths included). */
  @org.junit.jupiter.api.Test
  void tooManyInterventions_isAProblem() {
    ObjectNode tree = ScenarioJson.toTree(Examples.synthetic());
    var levers = tree.putArray("interventions");
    for (int i = 0; i <= ScenarioValidator.MAX_INTERVENTIONS; i++) {
      levers.addObject().put("type", "posts").put("startMonth", 1)
          .put("team", Examples.synthetic().teams().get(0).name()).put("fte", 1);
    }
    assertThat(problems(tree)).extracting(Problem::path).contains("interventions");
    levers.remove(0);
    assertThat(problems(tree)).extracting(Problem::path).doesNotContain("interventions");
  }
}
