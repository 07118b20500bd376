package org.caseload.sim.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.caseload.core.model.MonthPlan;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.ScenarioJson;
import org.caseload.core.scenario.ScenarioValidator;
import org.caseload.sim.random.Streams;
import org.caseload.sim.target.Target;
import org.caseload.sim.target.TargetParser;

/**
 * A run or comparison as chunks that any process can compute: what it is (scenarios,
 * targets, seed, replications; {@link #toJson} and {@link #fromJson} carry it between
 * processes) and {@link #compute}, which runs one chunk into its accumulator and writes it
 * compactly. Chunk c holds replications 64c to 64c + 63, the chunks of a local run.
 *
 * @implNote Thread-safe: {@link #compute} may be called from many threads at once; each
 *     call borrows a simulation from a pool.
 */
public final class ChunkWork implements ChunkJob {

  /** A run of one scenario, or a comparison of a baseline with variants. */
  public enum Kind {
    RUN, COMPARISON
  }

  private final Kind kind;
  private final List<Scenario> scenarios;
  private final List<Target> targets;
  private final long seed;
  private final long replications;
  private final boolean commonRandomNumbers;
  private final Computer<?, ?> computer;

  private ChunkWork(Kind kind, List<Scenario> scenarios, List<Target> targets, long seed,
      long replications, boolean commonRandomNumbers) {
    if (replications < 1 || replications > RunOptions.MAX_REPLICATIONS) {
      throw new IllegalArgumentException("replications must be between 1 and "
          + RunOptions.MAX_REPLICATIONS + ", was " + replications);
    }
    this.kind = kind;
    this.scenarios = List.copyOf(scenarios);
    this.targets = List.copyOf(targets);
    this.seed = seed;
    this.replications = replications;
    this.commonRandomNumbers = commonRandomNumbers;
    this.computer = kind == Kind.RUN ? runComputer() : comparisonComputer();
  }

  /** A run of {@code scenario}. */
  public static ChunkWork run(Scenario scenario, List<Target> targets, long seed,
      long replications) {
    ScenarioValidator.requireValid(scenario);
    MonteCarlo.checkTargets(scenario, targets);
    return new ChunkWork(Kind.RUN, List.of(scenario), targets, seed, replications, true);
  }

  /** A comparison of {@code baseline} with {@code variants}. */
  public static ChunkWork comparison(Scenario baseline, List<Scenario> variants,
      List<Target> targets, long seed, long replications, boolean commonRandomNumbers) {
    Comparison.checkVariants(baseline, variants);
    MonteCarlo.checkTargets(baseline, targets);
    List<Scenario> all = new ArrayList<>();
    all.add(baseline);
    all.addAll(variants);
    return new ChunkWork(Kind.COMPARISON, all, targets, seed, replications,
        commonRandomNumbers);
  }

  public Kind kind() {
    return kind;
  }

  public long replications() {
    return replications;
  }

  public long seed() {
    return seed;
  }

  /** The number of chunks: replications / 64, rounded up. */
  @Override
  public long chunks() {
    return (replications + RunOptions.CHUNK - 1) / RunOptions.CHUNK;
  }

  /**
   * Computes chunk {@code chunk} and returns its accumulator's bytes.
   *
   * @throws IllegalArgumentException if there is no such chunk
   * @throws java.util.concurrent.CancellationException if {@code cancelled} turns true
   */
  @Override
  public byte[] compute(long chunk, BooleanSupplier cancelled) {
    if (chunk < 0 || chunk >= chunks()) {
      throw new IllegalArgumentException("chunk " + chunk + " is not one of 0.." + (chunks() - 1));
    }
    return computer.compute(chunk, cancelled);
  }

  /** The work as JSON: kind, seed, replications, common random numbers, scenarios, targets. */
  @Override
  public String toJson() {
    ObjectNode root = ScenarioJson.mapper().createObjectNode();
    root.put("kind", kind.name());
    root.put("seed", seed);
    root.put("replications", replications);
    root.put("commonRandomNumbers", commonRandomNumbers);
    ArrayNode list = root.putArray("scenarios");
    scenarios.forEach(s -> list.add(ScenarioJson.toTree(s)));
    ArrayNode texts = root.putArray("targets");
    targets.forEach(t -> texts.add(t.text()));
    return root.toString();
  }

  /**
   * The work {@link #toJson} wrote.
   *
   * @throws IllegalArgumentException if {@code json} is not such work
   */
  public static ChunkWork fromJson(String json) {
    JsonNode root;
    try {
      root = ScenarioJson.readOwn(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("chunk work is not JSON: " + e.getMessage(), e);
    }
    return fromTree(root);
  }

  /**
   * The work {@link #toJson} wrote, parsed.
   *
   * @throws IllegalArgumentException if {@code root} is not such work
   */
  static ChunkWork fromTree(JsonNode root) {
    Kind kind = Kind.valueOf(root.path("kind").asText());
    List<Scenario> scenarios = new ArrayList<>();
    root.path("scenarios").forEach(n -> scenarios.add(ScenarioJson.fromTree(n)));
    List<Target> targets = new ArrayList<>();
    root.path("targets").forEach(n -> targets.add(TargetParser.parse(n.asText())));
    long seed = root.path("seed").asLong();
    long replications = root.path("replications").asLong();
    if (scenarios.isEmpty()) {
      throw new IllegalArgumentException("chunk work has no scenarios");
    }
    return kind == Kind.RUN
        ? run(scenarios.get(0), targets, seed, replications)
        : comparison(scenarios.get(0), scenarios.subList(1, scenarios.size()), targets, seed,
            replications, root.path("commonRandomNumbers").asBoolean(true));
  }

  /** Options for a chunked runner of this work: its replications, seed and the cancel flag. */
  RunOptions options(BooleanSupplier cancelled) {
    return RunOptions.builder().replications(replications).seed(seed).threads(1)
        .cancelled(cancelled).build();
  }

  /** Merges this work's chunks from {@code source} into a run's result. */
  RunResult mergeRun(ChunkSource source, RunOptions options,
      java.util.function.Predicate<Outcomes> enough) {
    Scenario scenario = scenarios.get(0);
    ChunkedRunner<MonteCarlo.Replicator, Outcomes> runner = new ChunkedRunner<>(options,
        () -> null, () -> new Outcomes(scenario, targets), (w, r, into) -> { });
    Outcomes total = new Outcomes(scenario, targets);
    boolean early = runner.runFrom(source, (bytes, into) -> into.mergeFrom(input(bytes)), total,
        enough);
    return MonteCarlo.result(scenario, options, targets, total, early);
  }

  /** Merges this work's chunks from {@code source} into a comparison's accumulator. */
  Paired mergeComparison(ChunkSource source, RunOptions options) {
    Scenario baseline = scenarios.get(0);
    List<Scenario> variants = scenarios.subList(1, scenarios.size());
    ChunkedRunner<List<MonteCarlo.Replicator>, Paired> runner = new ChunkedRunner<>(options,
        () -> null, () -> new Paired(baseline, variants, targets), (w, r, into) -> { });
    Paired total = new Paired(baseline, variants, targets);
    runner.runFrom(source, (bytes, into) -> into.mergeFrom(input(bytes)), total, p -> false);
    return total;
  }

  private static org.caseload.sim.summary.Wire.In input(byte[] bytes) {
    return new org.caseload.sim.summary.Wire.In(bytes);
  }

  private Computer<MonteCarlo.Replicator, Outcomes> runComputer() {
    Scenario scenario = scenarios.get(0);
    MonthPlan plan = MonthPlan.of(scenario);
    Streams streams = Streams.of(seed);
    return new Computer<>(() -> new MonteCarlo.Replicator(plan, streams),
        () -> new Outcomes(scenario, targets),
        (worker, replication, into) -> into.record(worker.replicate(replication)),
        Outcomes::writeTo);
  }

  private Computer<List<MonteCarlo.Replicator>, Paired> comparisonComputer() {
    Scenario baseline = scenarios.get(0);
    List<Scenario> variants = scenarios.subList(1, scenarios.size());
    List<MonthPlan> plans = scenarios.stream().map(MonthPlan::of).toList();
    return new Computer<>(() -> Comparison.replicators(plans, seed, commonRandomNumbers),
        () -> new Paired(baseline, variants, targets), Comparison::replicate,
        Paired::writeTo);
  }

  private interface Writer<A> {
    void write(A accumulator, org.caseload.sim.summary.Wire.Out out);
  }

  /** Computes chunks with pooled workers and accumulators. */
  private final class Computer<W, A extends ChunkedRunner.Accumulator<A>> {
    private final Supplier<W> workers;
    private final Supplier<A> accumulators;
    private final ChunkedRunner.Replicator<W, A> replicator;
    private final Writer<A> writer;
    private final ConcurrentLinkedQueue<W> idleWorkers = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<A> idleAccumulators = new ConcurrentLinkedQueue<>();
    private volatile int lastSize = 64 * 1024;

    Computer(Supplier<W> workers, Supplier<A> accumulators,
        ChunkedRunner.Replicator<W, A> replicator, Writer<A> writer) {
      this.workers = workers;
      this.accumulators = accumulators;
      this.replicator = replicator;
      this.writer = writer;
    }

    byte[] compute(long chunk, BooleanSupplier cancelled) {
      W worker = idleWorkers.poll();
      if (worker == null) {
        worker = workers.get();
      }
      A into = idleAccumulators.poll();
      if (into == null) {
        into = accumulators.get();
      }
      try {
        new ChunkedRunner<>(options(cancelled), workers, accumulators, replicator)
            .runOne(worker, chunk, into);
        org.caseload.sim.summary.Wire.Out out =
            new org.caseload.sim.summary.Wire.Out(lastSize);
        writer.write(into, out);
        lastSize = out.size();
        return out.toByteArray();
      } finally {
        into.clear();
        idleAccumulators.offer(into);
        idleWorkers.offer(worker);
      }
    }
  }
}
