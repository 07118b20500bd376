package org.caseload.sim.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BooleanSupplier;
import org.caseload.core.model.MonthPlan;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.ScenarioJson;
import org.caseload.core.scenario.ScenarioValidator;
import org.caseload.sim.random.Streams;

/**
 * Replications of several scenarios, each replication reduced to its {@link Readings}, as
 * chunks that any process can compute: what goal-seeks and sensitivity studies evaluate. The
 * chunks go span by span: span s's replications from, from + 1, ..., to - 1 in chunks of 64
 * from its first. Replication r of any scenario uses the random numbers of (seed, r), as in a
 * run: common random numbers. {@link #run} reads the chunks back in chunk order from any
 * {@link ChunkExecutor} (this process's threads or the cluster), so the values are the same
 * bits wherever they were computed.
 *
 * @implNote Thread-safe: {@link #compute} may run on many threads at once; each call borrows
 *     a simulation from a small pool.
 */
public final class ReplicationBatch implements ChunkJob {

  /** The kind written in the JSON form. */
  static final String KIND = "REPLICATIONS";

  /**
   * Replications {@code from} to {@code to - 1} of {@code scenario}.
   */
  public record Span(Scenario scenario, long from, long to) {
    public Span {
      Objects.requireNonNull(scenario, "scenario");
      if (from < 0 || to <= from || to > RunOptions.MAX_REPLICATIONS) {
        throw new IllegalArgumentException("replications " + from + " to " + to
            + " are not a range within 0.." + RunOptions.MAX_REPLICATIONS);
      }
    }
  }

  private final List<Span> spans;
  private final long seed;
  private final Readings readings;
  private final long[] firstChunk;
  private final Streams streams;
  private final AtomicReferenceArray<MonthPlan> plans;
  private final ConcurrentLinkedQueue<Pooled> idle = new ConcurrentLinkedQueue<>();

  /** A simulation of one span's scenario, with its reader. */
  private record Pooled(int span, MonteCarlo.Replicator replicator, Readings.Reader reader) {}

  private ReplicationBatch(List<Span> spans, long seed, Readings readings) {
    this.spans = List.copyOf(spans);
    this.seed = seed;
    this.readings = readings;
    this.firstChunk = new long[spans.size() + 1];
    for (int s = 0; s < spans.size(); s++) {
      Span span = spans.get(s);
      firstChunk[s + 1] = firstChunk[s] + (span.to() - span.from() + RunOptions.CHUNK - 1)
          / RunOptions.CHUNK;
    }
    this.streams = Streams.of(seed);
    this.plans = new AtomicReferenceArray<>(spans.size());
  }

  /**
   * A batch of {@code spans}, read with {@code readings}.
   *
   * @throws org.caseload.core.scenario.InvalidScenarioException if a scenario has problems
   * @throws IllegalArgumentException if there are no spans or a reading is outside a horizon
   */
  public static ReplicationBatch of(List<Span> spans, long seed, Readings readings) {
    if (spans.isEmpty()) {
      throw new IllegalArgumentException("a batch of no scenarios");
    }
    for (Span span : spans) {
      ScenarioValidator.requireValid(span.scenario());
      readings.checkIn(span.scenario());
    }
    return new ReplicationBatch(spans, seed, readings);
  }

  public List<Span> spans() {
    return spans;
  }

  public Readings readings() {
    return readings;
  }

  @Override
  public long chunks() {
    return firstChunk[spans.size()];
  }

  /** Replications over every span. */
  public long replications() {
    long sum = 0;
    for (Span span : spans) {
      sum += span.to() - span.from();
    }
    return sum;
  }

  @Override
  public byte[] compute(long chunk, BooleanSupplier cancelled) {
    int s = spanOf(chunk);
    Span span = spans.get(s);
    long first = firstOf(s, chunk);
    int count = (int) Math.min(RunOptions.CHUNK, span.to() - first);
    int flags = readings.flags();
    int values = readings.values();
    boolean[] flagArray = new boolean[count * flags];
    double[] valueArray = new double[count * values];
    Pooled pooled = borrow(s);
    try {
      for (int i = 0; i < count; i++) {
        if (cancelled.getAsBoolean()) {
          throw new CancellationException("cancelled");
        }
        double[][] rows = pooled.replicator().replicate(first + i);
        pooled.reader().read(rows, flagArray, i * flags, valueArray, i * values);
      }
    } finally {
      idle.offer(pooled);
    }
    return new ReadingsChunk(first, count, flags, values, flagArray, valueArray).toBytes();
  }

  /**
   * Checks that {@code bytes} are chunk {@code chunk}'s readings: its replications, flags and
   * values.
   *
   * @throws MalformedChunkException if they are not
   */
  @Override
  public void check(long chunk, byte[] bytes) {
    read(chunk, bytes);
  }

  private ReadingsChunk read(long chunk, byte[] bytes) {
    ReadingsChunk read = ReadingsChunk.fromBytes(bytes);
    int s = spanOf(chunk);
    long first = firstOf(s, chunk);
    long count = Math.min(RunOptions.CHUNK, spans.get(s).to() - first);
    if (read.first() != first || read.count() != count || read.flags() != readings.flags()
        || read.values() != readings.values()) {
      throw new MalformedChunkException("chunk " + chunk + " arrived with replications "
          + read.first() + " to " + (read.first() + read.count() - 1) + ", " + read.flags()
          + " flags and " + read.values() + " values each, not " + first + " to "
          + (first + count - 1) + ", " + readings.flags() + " and " + readings.values());
    }
    return read;
  }

  /**
   * Runs the batch: its chunks computed by {@code executor}, or on {@code threads} of this
   * process's threads when it is null, and read in chunk order. {@code progress} is told the
   * replications read so far and the batch's total after each chunk.
   *
   * @return each span's values, in the order of the spans
   * @throws CancellationException if {@code cancelled} turns true
   * @throws MalformedChunkException if a chunk's bytes are not its readings
   */
  public List<ReplicationValues> run(ChunkExecutor executor, int threads,
      BooleanSupplier cancelled, Progress progress) {
    long total = replications();
    RunOptions options = RunOptions.builder()
        .replications(Math.min(total, RunOptions.MAX_REPLICATIONS)).seed(seed)
        .threads(threads).cancelled(cancelled).build();
    List<ReplicationValues> out = new ArrayList<>();
    for (Span span : spans) {
      out.add(new ReplicationValues(span.from(), (int) (span.to() - span.from()), readings));
    }
    ChunkExecutor chunks = executor != null ? executor : new LocalChunks(threads);
    long done = 0;
    try (ChunkSource source = chunks.open(this, options)) {
      for (long c = 0; c < chunks(); c++) {
        ReadingsChunk chunk = read(c, source.take(c));
        out.get(spanOf(c)).put(chunk);
        done += chunk.count();
        progress.update(done, total);
      }
    }
    return out;
  }

  @Override
  public String toJson() {
    ObjectNode root = ScenarioJson.mapper().createObjectNode();
    root.put("kind", KIND);
    root.put("seed", seed);
    root.set("readings", readings.toTree());
    ArrayNode list = root.putArray("spans");
    for (Span span : spans) {
      ObjectNode node = list.addObject();
      node.put("from", span.from());
      node.put("to", span.to());
      node.set("scenario", ScenarioJson.toTree(span.scenario()));
    }
    return root.toString();
  }

  /**
   * The batch {@link #toJson} wrote.
   *
   * @throws IllegalArgumentException if {@code root} is not such a batch
   * @throws org.caseload.core.scenario.InvalidScenarioException if a scenario has problems
   */
  static ReplicationBatch fromTree(JsonNode root) {
    List<Span> spans = new ArrayList<>();
    for (JsonNode node : root.path("spans")) {
      if (!node.path("from").canConvertToLong() || !node.path("to").canConvertToLong()) {
        throw new IllegalArgumentException("a span without its replications");
      }
      spans.add(new Span(ScenarioJson.fromTree(node.path("scenario")),
          node.path("from").asLong(), node.path("to").asLong()));
    }
    if (!root.path("seed").canConvertToLong()) {
      throw new IllegalArgumentException("a batch without its seed");
    }
    return of(spans, root.path("seed").asLong(), Readings.fromTree(root.path("readings")));
  }

  private int spanOf(long chunk) {
    if (chunk < 0 || chunk >= chunks()) {
      throw new IllegalArgumentException("chunk " + chunk + " is not one of 0.."
          + (chunks() - 1));
    }
    int at = Arrays.binarySearch(firstChunk, chunk);
    // an exact hit is a span's first chunk; later spans of no chunks cannot exist (to > from)
    return at >= 0 ? at : -at - 2;
  }

  private long firstOf(int span, long chunk) {
    return spans.get(span).from() + (chunk - firstChunk[span]) * RunOptions.CHUNK;
  }

  private Pooled borrow(int span) {
    Pooled pooled = idle.poll();
    if (pooled != null && pooled.span() == span) {
      return pooled;
    }
    MonthPlan plan = plans.get(span);
    if (plan == null) {
      plan = MonthPlan.of(spans.get(span).scenario());
      plans.compareAndSet(span, null, plan);
    }
    Scenario scenario = spans.get(span).scenario();
    return new Pooled(span, new MonteCarlo.Replicator(plan, streams), readings.reader(scenario));
  }
}
