package org.caseload.api.runs;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.caseload.api.domain.RunKind;
import org.caseload.api.domain.RunStatus;
import org.caseload.api.store.Database;
import org.caseload.api.store.NotFoundException;
import org.caseload.api.store.RunStore;
import org.caseload.api.store.StoredRun;
import org.caseload.sim.engine.RunOptions;
import org.caseload.sim.random.Streams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes runs off the event loop: a fixed number of run slots and a bounded queue behind
 * them; beyond that, submissions are refused ({@link QueueFullException}). Each run is stored
 * before it is queued and its end is stored before it leaves the active set, so the stored
 * status is final once this server no longer lists a run as active. A stored end is final
 * whoever stored it ({@link RunStore}): a run of this server's that another server's start
 * failed is reported as stored, stops when a cancel finds it ended, and its end here is not
 * stored over the stored one.
 *
 * @implNote Thread-safe: event loops submit, query and cancel; run threads execute.
 */
public final class RunService implements AutoCloseable {

  /** Said of runs that were queued or running when a server stopped. */
  public static final String INTERRUPTED =
      "the server stopped before the run finished; submit it again";

  /** Said of runs that failed for a reason of the server's (a bug, logged). */
  public static final String FAILED =
      "the run failed unexpectedly; the server has logged why. Submit it again, or report it";

  private static final Logger LOG = LoggerFactory.getLogger(RunService.class);

  private final RunStore store;
  private final int threadsPerRun;
  private final long summaryBytesPerRun;
  private final int capacity;
  private final String codeVersion;
  private final Clock clock;
  private final ThreadPoolExecutor executor;
  private final Map<UUID, ActiveRun> active = new ConcurrentHashMap<>();
  private final AtomicLong eventStreams = new AtomicLong();
  private final AtomicInteger admitted = new AtomicInteger();
  private volatile RunMetrics metrics;
  private volatile org.caseload.sim.engine.ChunkExecutor chunks;
  private volatile boolean closing;

  /**
   * @param slots runs that execute at once
   * @param queue runs that may wait for a slot
   * @param threadsPerRun worker threads of each run (results do not depend on it)
   * @param clock when runs are created and start
   */
  public RunService(RunStore store, int slots, int queue, int threadsPerRun,
      long summaryBytesPerRun, String codeVersion, Clock clock) {
    this.store = store;
    this.threadsPerRun = threadsPerRun;
    this.summaryBytesPerRun = summaryBytesPerRun;
    this.capacity = slots + queue;
    this.codeVersion = codeVersion;
    this.clock = clock;
    AtomicInteger threadNumber = new AtomicInteger();
    this.executor = new ThreadPoolExecutor(slots, slots, 0, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), r -> {
          Thread thread = new Thread(r, "caseload-run-" + threadNumber.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  /** Starts reporting to {@code value}. */
  public void metrics(RunMetrics value) {
    metrics = value;
  }

  /** Computes runs' and comparisons' chunks with {@code value} (the cluster) from now on. */
  public void chunkExecutor(org.caseload.sim.engine.ChunkExecutor value) {
    chunks = value;
  }

  public long queued() {
    return active.values().stream().filter(r -> r.status() == RunStatus.QUEUED).count();
  }

  public long running() {
    return active.values().stream().filter(r -> r.status() == RunStatus.RUNNING).count();
  }

  /** Requests waiting for a run's end ({@code ?wait}) now. */
  public long waiters() {
    return active.values().stream().mapToLong(ActiveRun::waiting).sum();
  }

  /** Event streams of runs open now. */
  public long eventStreams() {
    return eventStreams.get();
  }

  /** An event stream has started following a run; {@link #eventStreamClosed} when it stops. */
  public void eventStreamOpened() {
    eventStreams.incrementAndGet();
  }

  /** An event stream has stopped following its run (its client gone, or the run ended). */
  public void eventStreamClosed() {
    eventStreams.decrementAndGet();
  }

  /**
   * Stores the plan as a queued run and queues it. Fails with {@link QueueFullException}
   * when the slots and queue are full, or with the database's failure (nothing queued).
   */
  public Future<StoredRun> submit(RunPlan plan) {
    if (closing) {
      return Future.failedFuture(new ServerStoppingException());
    }
    if (admitted.incrementAndGet() > capacity) {
      admitted.decrementAndGet();
      return Future.failedFuture(new QueueFullException(capacity));
    }
    UUID id = UUID.randomUUID();
    StoredRun row = new StoredRun(id, plan.kind(), plan.scenarioId(), plan.scenarioVersion(),
        RunStatus.QUEUED, plan.request(), plan.scenariosJson(), plan.seed(),
        plan.replications(), plan.months(), Streams.DESCRIPTION, codeVersion, 0, null,
        OffsetDateTime.now(clock), null, null, false);
    return store.insert(row)
        .onFailure(e -> admitted.decrementAndGet())
        .onSuccess(stored -> {
          ActiveRun run = new ActiveRun(id, plan, this, clock);
          active.put(id, run);
          executor.execute(run);
        });
  }

  /** The run as it is now: stored, with this server's live status and progress on top. */
  public Future<StoredRun> status(UUID id, RunKind kind) {
    ActiveRun live = active.get(id);
    return store.get(id, kind).compose(stored -> {
      if (live == null) {
        return Future.succeededFuture(stored);
      }
      RunStatus now = live.status();
      if (stored.status().finished()) {
        return Future.succeededFuture(stored); // final, whoever stored it
      }
      if (now.finished()) {
        // It ended while the row was read: its end is stored before the live run ends, so
        // the row read again has it (status, finishedAt, results), never a mix of the two.
        return store.get(id, kind);
      }
      return Future.succeededFuture(stored.withProgress(now, live.done(), live.startedAt()));
    });
  }

  /** The active run, if this server is running or queueing it. */
  public ActiveRun active(UUID id) {
    return active.get(id);
  }

  /**
   * Asks the run to stop: a queued run ends at once, a running one at its next chunk of
   * replications. A run another server computes is asked through the database: that server
   * reads the request within {@link #SHARE_MILLIS} ({@link #share}) and stops it. Fails with
   * {@link NotFoundException} or {@link CannotCancelException}.
   */
  public Future<StoredRun> cancel(UUID id, RunKind kind) {
    return status(id, kind).compose(run -> {
      ActiveRun live = active.get(id);
      if (run.status().finished()) {
        if (live != null) {
          live.stop(StopReason.ENDED_ELSEWHERE); // its end is stored: computing on is no use
        }
        throw new CannotCancelException("the " + kind.text() + " has already ended ("
            + run.status().text() + ")");
      }
      if (live == null) {
        // recorded only while the run is unfinished: otherwise it ended meanwhile (409)
        return store.requestCancel(id).compose(asked -> status(id, kind).map(now -> {
          if (!asked) {
            throw new CannotCancelException("the " + kind.text() + " has already ended ("
                + now.status().text() + ")");
          }
          return now;
        }));
      }
      if (!live.stop(StopReason.CANCELLED)) {
        throw new CannotCancelException("the " + kind.text() + " has finished computing and"
            + " its results are being stored; it ends as succeeded");
      }
      if (executor.remove(live)) { // queued, not started: ended here
        return endUnstarted(live).compose(v -> status(id, kind));
      }
      return Future.succeededFuture(run);
    });
  }

  /** How often {@link #share} runs. */
  public static final long SHARE_MILLIS = 1_000;

  /** Whether a {@link #share} round is in flight (a slow database: rounds do not pile up). */
  private final AtomicBoolean sharing = new AtomicBoolean();

  /**
   * Shares this server's runs with the other servers on its database (every
   * {@link #SHARE_MILLIS}): stores the progress of the runs it computes, which another server
   * shows, and stops those whose cancel was asked of another server. Nothing is read or
   * written while this server has no runs.
   */
  public Future<Void> share() {
    if (active.isEmpty() || !sharing.compareAndSet(false, true)) {
      return Future.succeededFuture();
    }
    Map<UUID, Long> done = new HashMap<>();
    for (ActiveRun run : active.values()) {
      if (run.status() == RunStatus.RUNNING && run.done() > 0) {
        done.put(run.id(), run.done());
      }
    }
    // each query bounded, so that a database that stops answering cannot hold the rounds
    // (sharing) for good; the cancels are read even when the progress was not stored
    return store.saveProgress(done)
        .recover(e -> {
          LOG.warn("could not store the progress of this server's runs: {}", e.toString());
          return Future.succeededFuture();
        })
        .compose(v -> store.cancelRequested(Set.copyOf(active.keySet())))
        .compose(asked -> {
          List<Future<Void>> ended = new ArrayList<>();
          for (UUID id : asked) {
            ActiveRun live = active.get(id);
            if (live != null && !live.stopping() && live.stop(StopReason.CANCELLED)
                && executor.remove(live)) {
              ended.add(endUnstarted(live)); // each on its own: one failing stops no other
            }
          }
          return Future.join(ended).<Void>mapEmpty();
        })
        .onComplete(r -> sharing.set(false));
  }

  /**
   * Stores the end of a run cancelled before it started, taken out of the queue. If the
   * database does not take it, the run goes back to the executor, whose {@link #execute}
   * stores a stopped run's end, retrying while the database is unavailable: it had been
   * dropped from this server with its row left queued for as long as the server lived.
   */
  private Future<Void> endUnstarted(ActiveRun run) {
    return store.end(run.id(), RunStatus.CANCELLED, 0, StopReason.CANCELLED.textUnstarted())
        .onSuccess(r -> finish(run, RunStatus.CANCELLED))
        .onFailure(e -> {
          if (closing) {
            finish(run, RunStatus.CANCELLED); // failed at the next start, as runs in flight
          } else {
            executor.execute(run);
          }
        })
        .mapEmpty();
  }

  /** Runs {@code run} on this (worker) thread and stores how it ended. */
  void execute(ActiveRun run) {
    RunStatus end = RunStatus.FAILED;
    try {
      StopReason before = run.stopReason();
      if (before != null) {
        end = before.status();
        persist(run, () -> store.end(run.id(), before.status(), 0, before.textUnstarted()));
        return;
      }
      OffsetDateTime started = run.started();
      try {
        if (!store.markRunning(run.id(), started).await()) {
          LOG.warn("run {} had ended in the database before it started here (another server's"
              + " start failed it); not computed", run.id());
          return;
        }
      } catch (Exception e) { // await() rethrows checked exceptions too (a refused connection)
        LOG.warn("could not mark run {} running: {}", run.id(), e.toString());
      }
      RunOptions options = RunOptions.builder()
          .replications(run.plan().replications())
          .seed(run.plan().seed())
          .threads(threadsPerRun)
          .summaryBytes(summaryBytesPerRun)
          .progress((done, total) -> progress(run, done))
          .cancelled(() -> run.stopReason() != null)
          .build();
      RunPlan.Output output = run.plan().execute(options, chunks);
      if (!run.storeResults()) { // asked to stop while its results were being made
        throw new CancellationException();
      }
      long done = run.done();
      persist(run, () -> store.succeed(run.id(), done, output.json(), output.csv()));
      end = RunStatus.SUCCEEDED;
    } catch (CancellationException e) {
      StopReason reason = run.stopReason() == null ? StopReason.CANCELLED : run.stopReason();
      end = reason.status();
      persist(run, () -> store.end(run.id(), reason.status(), run.done(), reason.text()));
    } catch (RefusedRunException e) {
      persist(run, () -> store.end(run.id(), RunStatus.FAILED, run.done(), e.getMessage()));
    } catch (org.caseload.sim.engine.SummaryMemory.TooLargeException e) {
      // a request's check passed but a scenario the run made (a goal-seek's plan) is larger
      persist(run, () -> store.end(run.id(), RunStatus.FAILED, run.done(),
          "the run is too large for this server: " + e.getMessage()));
    } catch (org.caseload.sim.engine.MalformedChunkException e) {
      LOG.error("run {} failed: a chunk came back malformed", run.id(), e);
      persist(run, () -> store.end(run.id(), RunStatus.FAILED, run.done(),
          "a chunk's results came back malformed from the cluster: " + e.getMessage()));
    } catch (Exception | Error e) {
      LOG.error("run {} failed", run.id(), e);
      persist(run, () -> store.end(run.id(), RunStatus.FAILED, run.done(), FAILED));
    } finally {
      finish(run, end);
    }
  }

  private void progress(ActiveRun run, long done) {
    long before = run.done();
    run.progress(done);
    RunMetrics m = metrics;
    if (m != null && done > before) {
      m.replicationsDone(done - before);
    }
  }

  private void finish(ActiveRun run, RunStatus end) {
    active.remove(run.id());
    run.end(end);
    admitted.decrementAndGet();
    RunMetrics m = metrics;
    if (m != null) {
      m.ended(end);
    }
  }

  /**
   * Stores a run's end, retrying while the database is unreachable: results are kept in
   * memory until it returns (or the server stops; the run is then failed at the next start).
   * An end already stored (the write changed nothing) is kept, and logged.
   */
  private void persist(ActiveRun run, Supplier<Future<Boolean>> write) {
    long delay = 500;
    while (true) {
      try {
        if (!write.get().await()) {
          LOG.warn("run {} had already ended in the database (another server's start failed"
              + " it); its end here is not stored", run.id());
        }
        return;
      } catch (Exception e) { // await() rethrows checked exceptions too (a refused connection)
        if (!Database.isUnavailable(e) || closing) {
          LOG.error("could not store the end of run {}", run.id(), e);
          return;
        }
        LOG.warn("database unavailable; will store run {} when it returns ({})", run.id(),
            e.toString());
      }
      try {
        Thread.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      delay = Math.min(delay * 2, 5_000);
    }
  }

  /**
   * Marks runs left queued or running by a server that is gone (stopped without finishing
   * them, killed, lost) as failed; the runs of live servers, on this database, are theirs.
   * Call it at start-up, before accepting runs.
   */
  public Future<Integer> recover() {
    return store.failAbandoned(INTERRUPTED);
  }

  /** When each owner that looks gone was first seen so (System.nanoTime), while it stays so. */
  private final Map<Long, Long> goneSince = new HashMap<>();
  private final AtomicBoolean recovering = new AtomicBoolean();

  /**
   * One round of recovery while serving, to be called every {@code intervalMillis} ms: fails
   * the unfinished runs of servers whose owner lock no session has held since at least
   * {@code intervalMillis} ago, by the times the database answered, not the rounds' starts. A
   * look must see the lock free twice that far apart, not once: a live server whose lock
   * connection dropped (PostgreSQL restarted) takes its lock again within seconds, and a
   * single look in between would fail its runs; a server that is gone stays gone. A round
   * still running when the next is due is not doubled (the next is skipped).
   *
   * @return how many runs it failed
   */
  public Future<Integer> recoverWhileServing(long intervalMillis) {
    if (!recovering.compareAndSet(false, true)) {
      return Future.succeededFuture(0);
    }
    return store.freeOwners().compose(free -> {
      long now = System.nanoTime();
      Set<Long> gone = new HashSet<>();
      synchronized (goneSince) {
        goneSince.keySet().retainAll(free);
        for (long owner : free) {
          long since = goneSince.computeIfAbsent(owner, o -> now);
          if (now - since >= intervalMillis * 1_000_000L) {
            gone.add(owner);
          }
        }
      }
      return store.failOwnedBy(gone, INTERRUPTED);
    }).onComplete(r -> recovering.set(false));
  }

  /** How often {@link #recoverWhileServing} runs by default. */
  public static final long RECOVERY_MILLIS = 60_000;

  /** Stops accepting runs, stops the active ones (stored as failed) and waits for them. */
  @Override
  public void close() {
    closing = true;
    active.values().forEach(run -> run.stop(StopReason.SERVER_STOPPING));
    executor.shutdown();
    try {
      if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
