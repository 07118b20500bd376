package org.caseload.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of intervention, found by reflection on the sealed interface, has an example
 * here and survives the JSON form unchanged: a new kind without an example fails.
 */
class InterventionJsonTest {

  /** One lever of each kind, every field away from its default. */
  private static final Map<Class<?>, Intervention> EXAMPLES = examples();

  private static Map<Class<?>, Intervention> examples() {
    Map<Class<?>, Intervention> map = new LinkedHashMap<>();
    for (Intervention lever : List.of(
        new Intervention.ReferralGrowth(2, 30, 0.08),
        new Intervention.ReferralShock(1, 6, 1.15),
        new Intervention.Posts(3, null, "children", 4.5),
        new Intervention.FundingChange(1, 24, "children", 440_000),
        new Intervention.RecruitmentCampaign(1, 12, 2.0, 10_000, "children"),
        new Intervention.RetentionPayment(4, 24, 0.8, 2_000, "frontDoor"),
        new Intervention.AgencyPolicy(2, null, 1.0 / 3, 90_000, Double.POSITIVE_INFINITY,
            "children"),
        new Intervention.CaseloadCap(4, 12, "children", 16, 22),
        new Intervention.NqCohort(1, 36, 6),
        new Intervention.FrontDoor(3, null, 0.1))) {
      map.put(lever.getClass(), lever);
    }
    return map;
  }

  static Stream<Class<?>> kinds() {
    return Arrays.stream(Intervention.class.getPermittedSubclasses());
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void everyKind_roundTripsThroughJson(Class<?> kind) {
    assertThat(EXAMPLES).as("an example of %s in this test", kind.getSimpleName())
        .containsKey(kind);
    Intervention lever = EXAMPLES.get(kind);
    Scenario scenario = Examples.synthetic().withInterventions(List.of(lever));
    ScenarioValidator.requireValid(scenario);

    String json = ScenarioJson.write(scenario);
    Scenario reread = ScenarioJson.read(json);

    assertThat(reread.interventions()).containsExactly(lever);
    assertThat(ScenarioJson.write(reread)).isEqualTo(json);
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void everyKind_writesEveryComponentUnderItsName(Class<?> kind) {
    Intervention lever = EXAMPLES.get(kind);
    JsonNode written = ScenarioJson.toTree(Examples.synthetic()
        .withInterventions(List.of(lever))).get("interventions").get(0);

    Set<String> expected = new HashSet<>(List.of("type"));
    for (RecordComponent component : kind.getRecordComponents()) {
      expected.add(component.getName());
    }
    List<String> fields = new ArrayList<>();
    written.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(written.get("type").asText()).isEqualTo(lever.kind().type());
  }

  @Test
  void kinds_andRecords_correspondOneToOne() {
    Set<Intervention.Kind> seen = new HashSet<>();
    for (Intervention lever : EXAMPLES.values()) {
      assertThat(seen.add(lever.kind())).as("kind of %s", lever).isTrue();
      assertThat(Intervention.Kind.ofType(lever.type())).contains(lever.kind());
    }
    assertThat(seen).containsExactlyInAnyOrder(Intervention.Kind.values());
    assertThat(Intervention.class.getPermittedSubclasses()).hasSameSizeAs(
        Intervention.Kind.values());
  }
}
