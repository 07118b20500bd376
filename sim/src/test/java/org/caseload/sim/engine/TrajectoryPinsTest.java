package org.caseload.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.caseload.core.metrics.Trajectory;
import org.caseload.core.model.ExpectedProjection;
import org.caseload.core.model.MonthPlan;
import org.caseload.core.scenario.Scenario;
import org.caseload.sim.presets.Presets;
import org.junit.jupiter.api.Test;

/**
 * Pins of today's model, the safety net for refactoring the engine: for every preset, the
 * SHA-256 of the sampled trajectories of replications 0-3 of seeds 1 and 2 (12 months; the
 * England preset 3 months) and of the expected-value projection, against
 * {@code trajectory-pins.txt}. A refactor must leave them equal; a deliberate change of the
 * random streams or of the model re-baselines them, saying so in its commit: run with
 * {@code -Dcaseload.pins.write=true} to rewrite the file.
 */
class TrajectoryPinsTest {

  private static final Path PINS = Path.of("src", "test", "resources", "trajectory-pins.txt");

  @Test
  void trajectoriesAndProjections_equalTheirPins() throws IOException {
    Map<String, String> now = new LinkedHashMap<>();
    for (String name : Presets.names()) {
      Scenario scenario = Presets.load(name).orElseThrow();
      Scenario shortened = scenario.withHorizon(name.startsWith("england") ? 3 : 12);
      for (long seed : new long[] {1, 2}) {
        MessageDigest digest = sha256();
        for (long r = 0; r < 4; r++) {
          add(digest, MonteCarlo.replicate(shortened, seed, r));
        }
        now.put(name + " seed " + seed, HexFormat.of().formatHex(digest.digest()));
      }
      MessageDigest projection = sha256();
      add(projection, ExpectedProjection.of(MonthPlan.of(shortened)));
      now.put(name + " projection", HexFormat.of().formatHex(projection.digest()));
    }
    StringBuilder text = new StringBuilder();
    now.forEach((k, v) -> text.append(k).append(" = ").append(v).append('\n'));
    if (Boolean.getBoolean("caseload.pins.write")) {
      Files.writeString(PINS, text.toString(), StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(PINS, StandardCharsets.UTF_8))
        .as("pins changed: a refactor must not change them; a deliberate change rewrites them"
            + " with -Dcaseload.pins.write=true")
        .isEqualTo(text.toString());
  }

  private static void add(MessageDigest digest, Trajectory trajectory) {
    ByteBuffer bytes = ByteBuffer.allocate(8);
    for (int t = 1; t <= trajectory.months(); t++) {
      for (double v : trajectory.row(t)) {
        bytes.clear();
        digest.update(bytes.putDouble(v).array());
      }
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
