package org.caseload.bench;

import org.caseload.core.scenario.Scenario;
import org.caseload.sim.presets.Presets;

/** The standard workload: Medway (preset {@code medway-2019}), 36 months, 10,000 replications. */
public final class Workload {

  public static final int MONTHS = 36;
  public static final int REPLICATIONS = 10_000;
  public static final long SEED = 20261123L;

  private Workload() {}

  /** Medway, the calibrated preset {@code medway-2019}, with a 36-month horizon. */
  public static Scenario medway() {
    return preset("medway-2019");
  }

  /**
   * England as one service, the preset {@code england-2022} (about 38,000 workers: 31,634
   * permanent and 6,759 agency at the start), with a 36-month horizon.
   */
  public static Scenario england() {
    return preset("england-2022");
  }

  private static Scenario preset(String name) {
    return Presets.load(name).orElseThrow().withHorizon(MONTHS);
  }
}
