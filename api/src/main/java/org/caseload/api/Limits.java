package org.caseload.api;

/**
 * What the API accepts at most, configurable per server (messages name the serve flags).
 *
 * @param maxReplications replications of one run or comparison
 * @param maxMonths months of one run
 * @param maxBodyBytes size of a request body
 */
public record Limits(long maxReplications, int maxMonths, long maxBodyBytes) {

  public static final Limits DEFAULT = new Limits(100_000, 120, 1L << 20);

  public Limits {
    if (maxReplications < 1 || maxReplications > org.caseload.sim.engine.RunOptions.MAX_REPLICATIONS) {
      throw new IllegalArgumentException("--max-replications: must be between 1 and "
          + org.caseload.sim.engine.RunOptions.MAX_REPLICATIONS + ", was " + maxReplications);
    }
    if (maxMonths < 1 || maxMonths > org.caseload.core.scenario.Scenario.MAX_HORIZON_MONTHS) {
      throw new IllegalArgumentException("--max-months: must be between 1 and "
          + org.caseload.core.scenario.Scenario.MAX_HORIZON_MONTHS + ", was " + maxMonths);
    }
    if (maxBodyBytes < 1024) {
      throw new IllegalArgumentException("--max-body-bytes: must be at least 1024 bytes, was "
          + maxBodyBytes);
    }
  }
}
