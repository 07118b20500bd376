package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import java.util.Map;
import java.util.TreeMap;
import org.caseload.core.calibration.Calibrator;
import org.caseload.sim.decide.SensitivityPlan;
import org.caseload.sim.engine.RunOptions;
import org.junit.jupiter.api.Test;

/**
 * The defaults the contract declares are those the server applies: a request's
 * {@code replications} default is {@link RunOptions#DEFAULT_REPLICATIONS} (a sensitivity
 * study's, per point, {@link SensitivityPlan#DEFAULT_REPLICATIONS}) and a {@code months}
 * default, where one is declared, {@link Calibrator#DEFAULT_HORIZON_MONTHS} (a calibrated
 * council's horizon): the constants the command line's flags and the API's readers use.
 */
class ContractDefaultsTest {

  @Test
  void declaredDefaults_areTheServersOwn() {
    Vertx vertx = Vertx.vertx();
    try {
      JsonObject schemas = OpenAPIContract.from(vertx, "openapi.yaml").await().getRawContract()
          .getJsonObject("components").getJsonObject("schemas");
      Map<String, Object> replications = new TreeMap<>();
      Map<String, Object> months = new TreeMap<>();
      for (String schema : schemas.fieldNames()) {
        collectDefaults(schema, schemas.getValue(schema), "replications", replications);
        collectDefaults(schema, schemas.getValue(schema), "months", months);
      }
      assertThat(replications).as("defaults of replications").hasSizeGreaterThanOrEqualTo(4)
          .allSatisfy((schema, value) -> assertThat(value).as(schema).isEqualTo(
              schema.equals("SensitivityRequest") ? SensitivityPlan.DEFAULT_REPLICATIONS
                  : RunOptions.DEFAULT_REPLICATIONS));
      assertThat(months).as("defaults of months").hasSizeGreaterThanOrEqualTo(2)
          .allSatisfy((schema, value) -> assertThat(value).as(schema)
              .isEqualTo(Calibrator.DEFAULT_HORIZON_MONTHS));
    } finally {
      vertx.close().await();
    }
  }

  /**
   * The {@code default} of every property named {@code name} anywhere in {@code node}, the
   * schema {@code schema}, keyed by the schema's name and the property's place in it.
   */
  private static void collectDefaults(String schema, Object node, String name,
      Map<String, Object> into) {
    if (node instanceof JsonObject object) {
      JsonObject properties = object.getJsonObject("properties");
      if (properties != null && properties.getValue(name) instanceof JsonObject property
          && property.containsKey("default")) {
        into.put(schema + (into.containsKey(schema) ? " (" + into.size() + ")" : ""),
            property.getValue("default"));
      }
      object.forEach(entry -> collectDefaults(schema, entry.getValue(), name, into));
    } else if (node instanceof JsonArray array) {
      array.forEach(item -> collectDefaults(schema, item, name, into));
    }
  }
}
