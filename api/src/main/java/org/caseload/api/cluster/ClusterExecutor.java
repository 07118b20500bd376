package org.caseload.api.cluster;

import io.vertx.core.AsyncResult;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.spi.cluster.ClusterManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.caseload.sim.engine.ChunkExecutor;
import org.caseload.sim.engine.ChunkSource;
import org.caseload.sim.engine.ChunkJob;
import org.caseload.sim.engine.MalformedChunkException;
import org.caseload.sim.engine.RunOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a run's chunks to the cluster's computing nodes (this one included) over the event
 * bus and hands them back in chunk order. Back-pressure: each node has at most {@code
 * window} chunks in flight, and no chunk is sent more than a few nodes' windows ahead of the
 * one the merge waits for, so finished chunks waiting to be merged stay few. Faults: a chunk
 * whose node leaves the cluster (noticed within a quarter of a second of Hazelcast removing
 * it), whose reply times out, or whose node has no compute service, is sent again to another
 * node; a chunk that fails three times for a reason of its own fails the run. The merge is
 * the engine's, in chunk order, so the result has the bytes of a one-process run whatever
 * computed what.
 *
 * @implNote Thread-safe: runs open and take on their threads, replies arrive on an event
 *     loop; each dispatch guards its state with its own monitor.
 */
public final class ClusterExecutor implements ChunkExecutor {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterExecutor.class);
  private static final long PUMP_MILLIS = 250;
  /** A node without a compute service yet is skipped this long (a pump period). */
  private static final long NOT_COMPUTING_NANOS = PUMP_MILLIS * 1_000_000L;
  private static final int MAX_FAILURES = 3;

  private final Vertx vertx;
  private final ClusterManager manager;
  private final ClusterConfig config;
  private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> answered = new ConcurrentHashMap<>();
  private final Map<String, Long> notComputingUntil = new ConcurrentHashMap<>();
  private final AtomicLong chunksSent = new AtomicLong();
  private final AtomicLong chunksResent = new AtomicLong();
  private final AtomicLong bytesReceived = new AtomicLong();
  private final AtomicLong computeNanos = new AtomicLong();
  private final AtomicLong transitNanos = new AtomicLong();
  private final AtomicLong timedChunks = new AtomicLong();
  private final Set<Dispatch> open = ConcurrentHashMap.newKeySet();

  public ClusterExecutor(Vertx vertx, ClusterManager manager, ClusterConfig config) {
    this.vertx = vertx;
    this.manager = manager;
    this.config = config;
    vertx.eventBus().<String>consumer(ChunkMessages.READY, message -> ready(message.body()));
  }

  /**
   * A node has started its compute service: it is no longer skipped, and every open dispatch
   * sends it chunks now rather than at its next pump.
   */
  private void ready(String node) {
    if (node == null || node.length() > 64) {
      return;
    }
    notComputingUntil.remove(node);
    LOG.info("node {} is ready to compute", node);
    open.forEach(Dispatch::pump);
  }

  /**
   * Forgets a node that has left the cluster with no chunk in flight, so that its meters can
   * go; a node still in the cluster, or with chunks not yet sent again, is kept.
   *
   * @return whether the node was forgotten
   */
  public boolean forget(String node) {
    if (manager.getNodes().contains(node)) {
      return false;
    }
    AtomicInteger count = inFlight.get(node);
    if (count != null && count.get() != 0) {
      return false;
    }
    inFlight.remove(node);
    answered.remove(node);
    notComputingUntil.remove(node);
    return true;
  }

  @Override
  public ChunkSource open(ChunkJob work, RunOptions options) {
    Dispatch dispatch = new Dispatch(work, options);
    open.add(dispatch);
    dispatch.start();
    return dispatch;
  }

  /** The nodes in the cluster now (this one included). */
  public int nodes() {
    return manager.getNodes().size();
  }

  /** Chunks in flight per node, over every open run (nodes seen so far; 0 when idle). */
  public Map<String, AtomicInteger> inFlight() {
    return inFlight;
  }

  /** Chunks each node has answered with results (nodes seen so far). */
  public Map<String, AtomicLong> answered() {
    return answered;
  }

  /** Chunks sent (first sends and resends). */
  public long chunksSent() {
    return chunksSent.get();
  }

  /** Chunks sent again after a node left, timed out or refused. */
  public long chunksResent() {
    return chunksResent.get();
  }

  /** Seconds nodes spent computing (and writing) the chunks answered. */
  public double computeSeconds() {
    return computeNanos.get() / 1e9;
  }

  /**
   * Seconds the chunks answered spent between the nodes: from the request's send to its
   * reply's arrival, less the time the node held it (queued and computing): event bus,
   * network and copying.
   */
  public double transitSeconds() {
    return transitNanos.get() / 1e9;
  }

  /** Chunks answered with their timing. */
  public long timedChunks() {
    return timedChunks.get();
  }

  /** Bytes of chunk results received. */
  public long bytesReceived() {
    return bytesReceived.get();
  }

  private void timed(Message<Buffer> reply, long roundTrip) {
    try {
      long compute = Long.parseLong(reply.headers().get(ComputeService.COMPUTE_NANOS));
      long held = Long.parseLong(reply.headers().get(ComputeService.HELD_NANOS));
      computeNanos.addAndGet(compute);
      transitNanos.addAndGet(Math.max(0, roundTrip - held));
      timedChunks.incrementAndGet();
    } catch (RuntimeException e) {
      // a reply without timing (another version): not counted
    }
  }

  private AtomicInteger counter(String node) {
    answered.computeIfAbsent(node, n -> new AtomicLong());
    return inFlight.computeIfAbsent(node, n -> new AtomicInteger());
  }

  /** One run's chunks in the cluster. */
  private final class Dispatch implements ChunkSource {
    private final String job = UUID.randomUUID().toString();
    private final ChunkJob work;
    private final String json;
    private final long chunks;
    private final RunOptions options;
    private final TreeSet<Long> again = new TreeSet<>();
    private final Map<Long, byte[]> done = new HashMap<>();
    private final Map<String, Map<Long, Long>> sent = new HashMap<>();
    private final Set<String> holdWork = new HashSet<>();
    private final Map<Long, Integer> failures = new HashMap<>();
    private long next;
    private long taken;
    private long attempts;
    private boolean closed;
    private RuntimeException failure;
    private long timer = -1;
    private int lastNodes;

    Dispatch(ChunkJob work, RunOptions options) {
      this.work = work;
      this.json = work.toJson();
      this.chunks = work.chunks();
      this.options = options;
    }

    void start() {
      timer = vertx.setPeriodic(PUMP_MILLIS, t -> pump());
      pump();
    }

    private synchronized void pump() {
      if (closed || failure != null) {
        return;
      }
      List<String> nodes = new ArrayList<>(manager.getNodes());
      if (nodes.size() != lastNodes) {
        LOG.info("job {}: {} nodes compute its chunks", job, nodes.size());
        lastNodes = nodes.size();
      }
      for (Iterator<Map.Entry<String, Map<Long, Long>>> it = sent.entrySet().iterator();
          it.hasNext(); ) {
        Map.Entry<String, Map<Long, Long>> entry = it.next();
        if (!nodes.contains(entry.getKey()) && !entry.getValue().isEmpty()) {
          LOG.warn("node {} left the cluster with {} chunks of job {}; sending them again",
              entry.getKey(), entry.getValue().size(), job);
          entry.getValue().keySet().forEach(this::sendAgain);
          counter(entry.getKey()).addAndGet(-entry.getValue().size());
          it.remove();
          holdWork.remove(entry.getKey());
        }
      }
      long ahead = Math.max(8L, 2L * config.window() * nodes.size());
      long now = System.nanoTime();
      boolean sentOne = true;
      while (sentOne) {
        sentOne = false;
        for (String node : nodes) {
          Long until = notComputingUntil.get(node);
          if (until != null && until - now > 0) {
            continue;
          }
          if (sent.getOrDefault(node, Map.of()).size() >= config.window()) {
            continue;
          }
          Long chunk = nextChunk(taken + ahead);
          if (chunk == null) {
            return;
          }
          send(node, chunk);
          sentOne = true;
          if (closed || failure != null) {
            return;
          }
        }
      }
    }

    private void sendAgain(long chunk) {
      if (chunk >= taken && !done.containsKey(chunk)) {
        again.add(chunk);
        chunksResent.incrementAndGet();
      }
    }

    private Long nextChunk(long limit) {
      while (!again.isEmpty()) {
        long chunk = again.pollFirst();
        if (chunk >= taken && !done.containsKey(chunk) && !inFlightAnywhere(chunk)) {
          return chunk;
        }
      }
      if (next < chunks && next < limit) {
        return next++;
      }
      return null;
    }

    private boolean inFlightAnywhere(long chunk) {
      for (Map<Long, Long> chunksOfNode : sent.values()) {
        if (chunksOfNode.containsKey(chunk)) {
          return true;
        }
      }
      return false;
    }

    private void send(String node, long chunk) {
      long attempt = ++attempts;
      sent.computeIfAbsent(node, n -> new HashMap<>()).put(chunk, attempt);
      counter(node).incrementAndGet();
      chunksSent.incrementAndGet();
      Buffer body = ChunkMessages.request(job, chunk, holdWork.contains(node) ? null : json);
      long sentAt = System.nanoTime();
      vertx.eventBus().<Buffer>request(ChunkMessages.COMPUTE + node, body,
              new DeliveryOptions().setSendTimeout(config.chunkTimeout().toMillis()))
          .onComplete(reply -> {
            if (reply.succeeded()) {
              timed(reply.result(), System.nanoTime() - sentAt);
            }
            replied(node, chunk, attempt, reply);
          });
    }

    private synchronized void replied(String node, long chunk, long attempt,
        AsyncResult<Message<Buffer>> reply) {
      Map<Long, Long> ofNode = sent.get(node);
      boolean current = ofNode != null && Long.valueOf(attempt).equals(ofNode.get(chunk));
      if (current) {
        ofNode.remove(chunk);
        counter(node).decrementAndGet();
      }
      if (closed) {
        return;
      }
      if (reply.succeeded()) {
        holdWork.add(node);
        answered.computeIfAbsent(node, n -> new AtomicLong()).incrementAndGet();
        Buffer bytes = reply.result().body();
        bytesReceived.addAndGet(bytes.length());
        if (chunk >= taken && !done.containsKey(chunk)) {
          byte[] result = bytes.getBytes();
          try {
            work.check(chunk, result);
            done.put(chunk, result);
            notifyAll();
          } catch (MalformedChunkException e) {
            if (current) {
              malformed(node, chunk, e);
            } else {
              // An attempt already sent again elsewhere: the current one is awaited.
              LOG.warn("chunk {} of job {}: a malformed reply from node {} to an attempt sent"
                  + " again since ({}); dropped", chunk, job, node, e.getMessage());
            }
          }
        }
      } else if (current) {
        failed(node, chunk, reply.cause());
      }
      pump();
    }

    /** A reply that is not the chunk's result: counted as a failure and sent again. */
    private void malformed(String node, long chunk, MalformedChunkException e) {
      int count = failures.merge(chunk, 1, Integer::sum);
      LOG.warn("chunk {} of job {} came back malformed from node {} ({}), failure {} of {}",
          chunk, job, node, e.getMessage(), count, MAX_FAILURES);
      if (count >= MAX_FAILURES) {
        failure = e;
        notifyAll();
        return;
      }
      sendAgain(chunk);
    }

    private void failed(String node, long chunk, Throwable cause) {
      if (!(cause instanceof ReplyException reply)) {
        LOG.warn("chunk {} of job {} on node {}: {}; sending it again", chunk, job, node,
            cause.toString());
        sendAgain(chunk);
        return;
      }
      switch (reply.failureType()) {
        case NO_HANDLERS -> {
          if (notComputingUntil.put(node, System.nanoTime() + NOT_COMPUTING_NANOS) == null) {
            LOG.info("node {} computes nothing (yet): {}", node, reply.getMessage());
          }
        }
        case TIMEOUT -> LOG.warn("chunk {} of job {} on node {} timed out after {} s; sending it"
            + " again", chunk, job, node, config.chunkTimeout().toSeconds());
        case RECIPIENT_FAILURE -> {
          if (reply.failureCode() == ChunkMessages.UNKNOWN_JOB) {
            holdWork.remove(node);
          } else if (reply.failureCode() != ChunkMessages.CANCELLED) {
            int count = failures.merge(chunk, 1, Integer::sum);
            LOG.warn("chunk {} of job {} failed on node {} ({}), failure {} of {}", chunk, job,
                node, reply.getMessage(), count, MAX_FAILURES);
            if (count >= MAX_FAILURES) {
              failure = new IllegalStateException("chunk " + chunk + " failed " + count
                  + " times: " + reply.getMessage());
              notifyAll();
              return;
            }
          }
        }
        default -> LOG.warn("chunk {} of job {} on node {}: {}", chunk, job, node,
            reply.toString());
      }
      sendAgain(chunk);
    }

    @Override
    public byte[] take(long chunk) {
      byte[] bytes;
      synchronized (this) {
        while (!done.containsKey(chunk)) {
          if (failure != null) {
            throw failure;
          }
          if (options.cancelled().getAsBoolean()) {
            throw new CancellationException("run cancelled");
          }
          try {
            wait(100);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
          }
        }
        bytes = done.remove(chunk);
        taken = chunk + 1;
      }
      pump();
      return bytes;
    }

    @Override
    public void close() {
      synchronized (this) {
        if (closed) {
          return;
        }
        closed = true;
        sent.forEach((node, chunksOfNode) -> counter(node).addAndGet(-chunksOfNode.size()));
        sent.clear();
        done.clear();
      }
      open.remove(this);
      vertx.cancelTimer(timer);
      vertx.eventBus().publish(ChunkMessages.CANCEL, job);
    }
  }
}
