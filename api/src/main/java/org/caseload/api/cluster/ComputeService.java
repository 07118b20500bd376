package org.caseload.api.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.spi.cluster.ClusterManager;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.caseload.sim.engine.ChunkJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's share of the computing: takes chunk requests at its own address, computes them
 * on a pool of {@code threads} worker threads (one chunk per thread at a time; more wait in
 * the pool's queue, bounded by what dispatchers send) and replies with the chunk's bytes.
 * Keeps the last jobs' work so that it is parsed once; a published cancellation stops the
 * job's chunks at their next replication.
 *
 * @implNote Thread-safe: requests arrive on an event loop, chunks run on worker threads.
 */
public final class ComputeService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ComputeService.class);
  /** Reply header: nanoseconds the chunk took to compute and write (on a worker thread). */
  static final String COMPUTE_NANOS = "x-compute-nanos";
  /** Reply header: nanoseconds from the request's arrival to the reply (queue included). */
  static final String HELD_NANOS = "x-held-nanos";
  private static final int JOBS_KEPT = 16;
  private static final int CANCELLATIONS_KEPT = 1024;

  private final String nodeId;
  private final WorkerExecutor pool;
  private final MessageConsumer<Buffer> chunks;
  private final MessageConsumer<String> cancels;
  private final Map<String, ChunkJob> jobs = Collections.synchronizedMap(
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ChunkJob> eldest) {
          return size() > JOBS_KEPT;
        }
      });
  private final Set<String> cancelled = Collections.newSetFromMap(Collections.synchronizedMap(
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > CANCELLATIONS_KEPT;
        }
      }));
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong computed = new AtomicLong();

  private ComputeService(Vertx vertx, String nodeId, int threads) {
    this.nodeId = nodeId;
    this.pool = vertx.createSharedWorkerExecutor("caseload-chunks", threads, 1, TimeUnit.HOURS);
    this.chunks = vertx.eventBus().consumer(ChunkMessages.COMPUTE + nodeId, this::compute);
    this.cancels = vertx.eventBus().consumer(ChunkMessages.CANCEL, m -> {
      if (m.body() != null && m.body().length() <= 64) {
        cancelled.add(m.body());
        if (jobs.remove(m.body()) != null) {
          LOG.info("job {} ended or was cancelled: dropped here, its running chunks stop",
              m.body());
        }
      }
    });
  }

  /** Starts taking chunks on {@code vertx}'s cluster with {@code threads} threads. */
  public static ComputeService start(Vertx vertx, ClusterManager manager, int threads) {
    ComputeService service = new ComputeService(vertx, manager.getNodeId(), threads);
    service.chunks.completion().await();
    service.cancels.completion().await();
    vertx.eventBus().publish(ChunkMessages.READY, service.nodeId);
    LOG.info("node {} computes chunks on {} threads", service.nodeId, threads);
    return service;
  }

  public String nodeId() {
    return nodeId;
  }

  /** Chunks this node is computing or has queued now. */
  public int inFlight() {
    return inFlight.get();
  }

  /** Chunks this node has computed since it started. */
  public long computed() {
    return computed.get();
  }

  private void compute(Message<Buffer> message) {
    ChunkMessages.Request request;
    try {
      request = ChunkMessages.request(message.body());
    } catch (IllegalArgumentException e) {
      message.fail(ChunkMessages.BAD_REQUEST, "not a chunk request: " + e.getMessage());
      return;
    }
    if (cancelled.contains(request.job())) {
      message.fail(ChunkMessages.CANCELLED, "job " + request.job() + " was cancelled");
      return;
    }
    ChunkJob known = jobs.get(request.job());
    if (known == null && request.work() == null) {
      message.fail(ChunkMessages.UNKNOWN_JOB, "job " + request.job() + " is unknown here");
      return;
    }
    inFlight.incrementAndGet();
    long received = System.nanoTime();
    long[] computeNanos = {0};
    pool.executeBlocking(() -> {
      long start = System.nanoTime();
      ChunkJob work = known;
      if (work == null) {
        work = jobs.computeIfAbsent(request.job(), id -> ChunkJob.fromJson(request.work()));
      }
      byte[] bytes = work.compute(request.chunk(), () -> cancelled.contains(request.job()));
      computeNanos[0] = System.nanoTime() - start;
      return bytes;
    }, false).onComplete(result -> {
      inFlight.decrementAndGet();
      if (result.succeeded()) {
        computed.incrementAndGet();
        message.reply(Buffer.buffer(result.result()), new io.vertx.core.eventbus.DeliveryOptions()
            .addHeader(COMPUTE_NANOS, Long.toString(computeNanos[0]))
            .addHeader(HELD_NANOS, Long.toString(System.nanoTime() - received)));
      } else if (result.cause() instanceof CancellationException) {
        LOG.info("chunk {} of job {} stopped: cancelled", request.chunk(), request.job());
        message.fail(ChunkMessages.CANCELLED, "job " + request.job() + " was cancelled");
      } else if (result.cause() instanceof IllegalArgumentException bad) {
        message.fail(ChunkMessages.BAD_REQUEST, String.valueOf(bad.getMessage()));
      } else {
        LOG.error("chunk {} of job {} failed", request.chunk(), request.job(), result.cause());
        message.fail(ChunkMessages.FAILED, String.valueOf(result.cause()));
      }
    });
  }

  @Override
  public void close() {
    chunks.unregister();
    cancels.unregister();
    pool.close();
  }
}
