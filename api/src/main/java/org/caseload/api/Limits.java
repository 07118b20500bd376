package org.caseload.api;

import org.caseload.sim.engine.SummaryMemory;

/**
 * What the API accepts at most, configurable per server (messages name the serve flags).
 *
 * @param maxReplications replications of one run or comparison
 * @param maxMonths months of one run
 * @param maxBodyBytes size of a request body
 * @param maxSweepReplications replications of an all-England sweep, summed over its councils
 *     and grid points (one scenario each)
 * @param summaryBytes the memory the summaries of the runs running at once may take, shared
 *     by the run slots ({@link ServerConfig#summaryBytesPerRun()}; {@link SummaryMemory})
 * @param resultBytes the memory the stored results being sent at once may take (read whole
 *     from the database, each held until its client has it): beyond it a download is a 429
 * @param maxWorkerMonths the work one run, comparison, sensitivity study or goal-seek may ask
 *     for (a goal-seek's as planned, {@link org.caseload.sim.decide.GoalSeekRequest#replicationsPlanned}):
 *     replications x the worker-months of a replication
 *     ({@link org.caseload.core.scenario.FundedPosts#workerMonths}), summed over its scenarios
 */
public record Limits(long maxReplications, int maxMonths, long maxBodyBytes,
    long maxSweepReplications, long summaryBytes, long resultBytes, double maxWorkerMonths) {

  /** The default of {@code --max-sweep-replications}: 150 councils x 13 points x 1,000. */
  public static final long DEFAULT_SWEEP_REPLICATIONS = 2_000_000;

  public static final Limits DEFAULT = new Limits(100_000, 120, 1L << 20);

  /**
   * Limits with the default {@link #DEFAULT_SWEEP_REPLICATIONS}, and summaries given 60% of
   * this process's heap ({@link SummaryMemory#defaultBudget()}).
   */
  public Limits(long maxReplications, int maxMonths, long maxBodyBytes) {
    this(maxReplications, maxMonths, maxBodyBytes, DEFAULT_SWEEP_REPLICATIONS,
        SummaryMemory.defaultBudget());
  }

  /**
   * The default of {@code --max-work}: 25 billion worker-months, about 20-25 minutes of one
   * core (Medway 2019 at 100,000 replications x 120 months is 3 billion; England as one
   * service at 1,000 x 120, 5.3 billion).
   */
  public static final double DEFAULT_WORKER_MONTHS = 25e9;

  /** Limits with results given {@link #defaultResultBytes()} and the default work. */
  public Limits(long maxReplications, int maxMonths, long maxBodyBytes,
      long maxSweepReplications, long summaryBytes) {
    this(maxReplications, maxMonths, maxBodyBytes, maxSweepReplications, summaryBytes,
        defaultResultBytes(), DEFAULT_WORKER_MONTHS);
  }

  /**
   * 20% of this process's heap for results being sent: with the summaries' 60%, the rest is
   * the server's own (a 23 MB result held about 47 MB while read and sent).
   */
  public static long defaultResultBytes() {
    return Runtime.getRuntime().maxMemory() / 5;
  }

  /** These limits with another memory for results being sent. */
  public Limits withResultBytes(long value) {
    return new Limits(maxReplications, maxMonths, maxBodyBytes, maxSweepReplications,
        summaryBytes, value, maxWorkerMonths);
  }

  /** These limits with another most work a run may ask for. */
  public Limits withMaxWorkerMonths(double value) {
    return new Limits(maxReplications, maxMonths, maxBodyBytes, maxSweepReplications,
        summaryBytes, resultBytes, value);
  }

  public Limits {
    if (maxReplications < 1 || maxReplications > org.caseload.sim.engine.RunOptions.MAX_REPLICATIONS) {
      throw new BadSettingException("--max-replications", "must be between 1 and "
          + org.caseload.sim.engine.RunOptions.MAX_REPLICATIONS + ", was " + maxReplications);
    }
    if (maxMonths < 1 || maxMonths > org.caseload.core.scenario.Scenario.MAX_HORIZON_MONTHS) {
      throw new BadSettingException("--max-months", "must be between 1 and "
          + org.caseload.core.scenario.Scenario.MAX_HORIZON_MONTHS + ", was " + maxMonths);
    }
    if (!(maxWorkerMonths >= 1)) {
      throw new BadSettingException("--max-work", "must be at least 1 worker-month, was "
          + maxWorkerMonths);
    }
    if (resultBytes < 1) {
      throw new IllegalArgumentException("result memory: must be positive, was " + resultBytes);
    }
    if (summaryBytes < 1) {
      throw new IllegalArgumentException("summary memory: must be positive, was "
          + summaryBytes);
    }
    if (maxSweepReplications < 1) {
      throw new BadSettingException("--max-sweep-replications", "must be at least 1, was "
          + maxSweepReplications);
    }
    if (maxBodyBytes < 1024) {
      throw new BadSettingException("--max-body-bytes", "must be at least 1024 bytes, was "
          + maxBodyBytes);
    }
  }
}
