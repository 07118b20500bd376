package org.caseload.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.OptionalLong;
import java.util.UUID;
import org.caseload.api.domain.RunKind;
import org.caseload.api.domain.RunStatus;
import org.caseload.api.runs.ActiveRun;
import org.caseload.api.runs.RunPlan;
import org.caseload.api.runs.RunService;
import org.caseload.api.store.NotFoundException;
import org.caseload.api.store.RunStore;
import org.caseload.api.store.StoredRun;

/**
 * {@code /runs}, {@code /comparisons}, {@code /goal-seeks}, {@code /sensitivities} and
 * {@code /sweeps}:
 * submit (202 and a Location), status and progress, results as JSON or CSV, the scenario as
 * run, cancel, and progress as server-sent events.
 * Status and results take {@code ?wait=SECONDS}: the answer waits (on a timer, never
 * blocking) until the run ends or the seconds pass.
 *
 * @implNote Immutable and thread-safe; handlers run on the event loop.
 */
final class RunHandlers {

  private static final long EVENT_INTERVAL_MS = 250;
  /** The longest {@code ?wait} (the contract says the same). */
  static final int MAX_WAIT_SECONDS = 60;

  private final Vertx vertx;
  private final RunKind kind;
  private final String path;
  private final String idParameter;
  private final RunService service;
  private final RunStore store;
  private final RunRequests requests;
  private final DecisionRequests decisions;
  private final SweepRequests sweeps;
  private final OffLoop offLoop;
  private final ResultMemory results;

  RunHandlers(Vertx vertx, RunKind kind, RunService service, RunStore store,
      RunRequests requests, DecisionRequests decisions, SweepRequests sweeps,
      OffLoop offLoop, ResultMemory results) {
    this.vertx = vertx;
    this.kind = kind;
    this.path = path(kind);
    this.idParameter = switch (kind) {
      case RUN -> "runId";
      case COMPARISON -> "comparisonId";
      case GOAL_SEEK -> "goalSeekId";
      case SENSITIVITY -> "sensitivityId";
      case SWEEP -> "sweepId";
    };
    this.service = service;
    this.store = store;
    this.requests = requests;
    this.decisions = decisions;
    this.sweeps = sweeps;
    this.offLoop = offLoop;
    this.results = results;
  }

  /** Where runs of {@code kind} live. */
  static String path(RunKind kind) {
    return ApiRoutes.BASE + switch (kind) {
      case RUN -> "/runs";
      case COMPARISON -> "/comparisons";
      case GOAL_SEEK -> "/goal-seeks";
      case SENSITIVITY -> "/sensitivities";
      case SWEEP -> "/sweeps";
    };
  }

  /**
   * Checks the request, stores the run queued and queues it. A stored scenario deleted
   * between the checks and the insert is the 404 of one that does not exist.
   */
  void create(RoutingContext rc) {
    Future<RunPlan> plan = switch (kind) {
      case RUN -> requests.run(rc);
      case COMPARISON -> requests.comparison(rc);
      case GOAL_SEEK -> decisions.goalSeek(rc);
      case SENSITIVITY -> decisions.sensitivity(rc);
      case SWEEP -> sweeps.sweep(rc);
    };
    plan.compose(p -> service.submit(p).recover(e -> Future.failedFuture(
            e instanceof NotFoundException missing && missing.ofScenario()
                ? RunRequests.noStoredScenario(kind == RunKind.COMPARISON ? "baseline." : "",
                    missing.id())
                : e)))
        .onSuccess(run -> {
          rc.response().putHeader("Location", path + "/" + run.id());
          Json.send(rc, 202, resource(run));
        })
        .onFailure(rc::fail);
  }

  void get(RoutingContext rc) {
    UUID id = id(rc);
    waited(rc, id).compose(v -> service.status(id, kind))
        .onSuccess(run -> Json.send(rc, 200, resource(run)))
        .onFailure(rc::fail);
  }

  void cancel(RoutingContext rc) {
    service.cancel(id(rc), kind)
        .onSuccess(run -> Json.send(rc, 202, resource(run)))
        .onFailure(rc::fail);
  }

  /**
   * The results: JSON by default, CSV with {@code ?format=csv} or an {@code Accept} that
   * prefers {@code text/csv} ({@link ResultFormat}). A HEAD is answered from the result's
   * stored size: an 83 MB result had been read whole from the database to send no body.
   */
  void results(RoutingContext rc) {
    boolean csv = ResultFormat.csv(rc.queryParams().get("format"),
        rc.parsedHeaders().accept());
    String contentType = csv ? "text/csv; charset=utf-8" : "application/json";
    UUID id = id(rc);
    waited(rc, id).compose(v -> service.status(id, kind))
        .compose(run -> {
          if (run.status() != RunStatus.SUCCEEDED) {
            throw ApiProblem.conflict("status", "the " + kind.text() + switch (run.status()) {
              case FAILED -> " failed; it has no results";
              case CANCELLED -> " was cancelled; it has no results";
              default -> " is " + run.status().text()
                  + "; results come when it has succeeded (wait with ?wait=SECONDS)";
            });
          }
          return store.resultBytes(id, csv);
        })
        .compose(bytes -> {
          if (HeadAsGet.asked(rc)) {
            // the headers alone: the result is neither read nor counted against the memory
            TextBody.sendHead(rc, contentType, bytes);
            return Future.<Void>succeededFuture();
          }
          if (!results.reserve(bytes)) {
            throw ApiProblem.busy("results", "this server is sending " + (results.held() >> 20)
                + " MiB of results, as much as it holds at once; try again shortly",
                Problems.RETRY_SECONDS);
          }
          results.releaseWhenDone(rc, bytes);
          return store.result(id, csv).map(text -> {
            TextBody.send(rc, contentType, text);
            return (Void) null;
          });
        })
        .onFailure(rc::fail);
  }

  /**
   * How often a request waiting on a run another server computes (several servers on one
   * database, behind a load balancer) reads the run's stored status.
   */
  static final long STORED_POLL_MS = 1_000;

  /**
   * Completes when the run of {@code id} has ended or {@code ?wait} seconds have passed,
   * whichever is first; at once without {@code ?wait}, or when it is of another kind (then not
   * found, as the answer says at once). A run this server is not running is waited on by
   * reading its stored status every {@link #STORED_POLL_MS} (at once when it has ended or is
   * not found, or the database does not answer, which the answer then says): another server
   * may be computing it. Such a wait had answered at once, so a client behind a load balancer
   * polled {@code results?wait=60} as fast as it could, a 409 each time.
   */
  private Future<Void> waited(RoutingContext rc, UUID id) {
    long seconds = Math.min(Json.query(rc, "wait", 0), MAX_WAIT_SECONDS);
    ActiveRun live = service.active(id);
    if (seconds <= 0 || (live != null && live.plan().kind() != kind)) {
      return Future.succeededFuture();
    }
    if (live == null) {
      return waitedStored(rc, id, System.nanoTime() + seconds * 1_000_000_000L);
    }
    Promise<Void> done = Promise.promise();
    Context context = vertx.getOrCreateContext();
    long[] timer = new long[1];
    Runnable giveUp = live.whenEnded(() -> context.runOnContext(v -> {
      vertx.cancelTimer(timer[0]);
      done.tryComplete();
    }));
    timer[0] = vertx.setTimer(seconds * 1000, t -> {
      giveUp.run();
      done.tryComplete();
    });
    // a client gone before either leaves no waiter on the run and no timer, whether it goes
    // now or went already (a close handler set after the close is never called)
    Runnable leave = () -> {
      giveUp.run();
      vertx.cancelTimer(timer[0]);
    };
    rc.response().closeHandler(v -> leave.run());
    if (rc.response().closed()) {
      leave.run();
    }
    return done.future();
  }

  /**
   * Completes when the stored run has ended (or is not found, or cannot be read), once this
   * server has begun running it, or at {@code deadline} (System.nanoTime), whichever is first;
   * nothing is read or timed once the client has gone.
   */
  private Future<Void> waitedStored(RoutingContext rc, UUID id, long deadline) {
    Promise<Void> done = Promise.promise();
    Context context = vertx.getOrCreateContext();
    Runnable[] look = new Runnable[1];
    look[0] = () -> {
      if (rc.response().closed()) {
        done.tryComplete();
        return;
      }
      service.status(id, kind).onComplete(read -> {
        long left = deadline - System.nanoTime();
        if (read.failed() || read.result().status().finished() || left <= 0
            || service.active(id) != null) {
          done.tryComplete();
          return;
        }
        vertx.setTimer(Math.max(1, Math.min(STORED_POLL_MS, left / 1_000_000)),
            t -> context.runOnContext(v -> look[0].run()));
      });
    };
    look[0].run();
    return done.future();
  }

  /** The scenario as it was run (for a comparison: the baseline and variants). */
  void scenario(RoutingContext rc) {
    store.get(id(rc), kind)
        .compose(run -> offLoop.run(() -> {
          JsonNode scenarios = Json.parse(run.scenarios());
          return (kind == RunKind.RUN ? scenarios.get(0) : scenarios).toString();
        }))
        .onSuccess(json -> Json.send(rc, 200, json))
        .onFailure(rc::fail);
  }

  /**
   * Server-sent events: {@code progress} every quarter second while the run is queued or
   * running (the run without its request), then one {@code end} with the final status (the
   * run whole), and the stream closes.
   */
  void events(RoutingContext rc) {
    UUID id = id(rc);
    service.status(id, kind).onSuccess(first -> {
      HttpServerResponse response = rc.response();
      if (response.closed()) {
        return; // the client left while its run was read: no stream, no timer
      }
      response.setChunked(true).setStatusCode(200)
          .putHeader("Content-Type", "text/event-stream");
      if (HeadAsGet.asked(rc)) {
        response.end(); // the stream's headers; a HEAD does not wait for the run to end
        return;
      }
      response.write(event("progress", withoutRequest(resource(first))));
      if (first.status().finished()) {
        response.end(event("end", resource(first)));
        return;
      }
      service.eventStreamOpened();
      boolean[] reading = {false};
      long[] lastRead = {System.nanoTime() - STORED_POLL_MS * 1_000_000L};
      boolean[] following = {true};
      Runnable stop = () -> {
        if (following[0]) { // on this stream's event loop only: no race
          following[0] = false;
          service.eventStreamClosed();
        }
      };
      long timer = vertx.setPeriodic(EVENT_INTERVAL_MS, t -> {
        if (response.closed()) {
          vertx.cancelTimer(t);
          stop.run();
          return;
        }
        ActiveRun live = service.active(id);
        if (live != null) {
          if (!response.writeQueueFull()) { // a client not reading gets no more queued for it
            response.write(event("progress", progress(first, live)));
          }
          return;
        }
        if (reading[0] || System.nanoTime() - lastRead[0] < STORED_POLL_MS * 1_000_000L) {
          return; // one read at a time, at most one a STORED_POLL_MS
        }
        reading[0] = true;
        lastRead[0] = System.nanoTime();
        // not (or no longer) this server's: its stored status says whether it has ended; one
        // another server is computing is followed from the database (it had been ended at
        // once with an end event saying "running")
        service.status(id, kind).onComplete(end -> {
          reading[0] = false;
          if (response.closed()) {
            return; // the close handler cancels the timer
          }
          if (end.succeeded() && !end.result().status().finished()) {
            if (service.active(id) == null && !response.writeQueueFull()) {
              response.write(event("progress", withoutRequest(resource(end.result()))));
            }
            return;
          }
          vertx.cancelTimer(t);
          stop.run();
          if (end.succeeded()) {
            response.end(event("end", resource(end.result())));
          } else {
            ApiProblem problem = Problems.domainProblem(end.cause());
            response.end(event("error", Json.object().put("detail", problem.getMessage())));
          }
        });
      });
      response.closeHandler(v -> {
        vertx.cancelTimer(timer);
        stop.run();
      });
    }).onFailure(rc::fail);
  }

  private ObjectNode progress(StoredRun first, ActiveRun live) {
    return withoutRequest(resource(first.withProgress(live.status(), live.done(),
        live.startedAt())));
  }

  /**
   * A run as a list shows it: without its request (up to a body's size each; a page of 100
   * could be tens of megabytes), which GET of the run gives.
   */
  ObjectNode listed(StoredRun run) {
    return withoutRequest(resource(run));
  }

  /**
   * The resource without the stored request, for progress events (sent four times a second)
   * and lists; the end event and GET carry it.
   */
  private static ObjectNode withoutRequest(ObjectNode resource) {
    resource.remove("request");
    return resource;
  }

  private static String event(String name, JsonNode data) {
    return "event: " + name + "\ndata: " + data + "\n\n";
  }

  private UUID id(RoutingContext rc) {
    return Bodies.uuid(rc.pathParam(idParameter), idParameter);
  }

  /**
   * The replications a run will make: a run's or comparison's as asked, or, once it has
   * succeeded, as made (a run stopped early at its precision made fewer); a decision's as
   * planned while this server runs it (none for a goal-seek, whose search adapts; none once it
   * has ended, when {@code done} says what it ran).
   */
  private static OptionalLong total(StoredRun run, ActiveRun live) {
    if (!run.kind().decision()) {
      return OptionalLong.of(run.status() == RunStatus.SUCCEEDED ? run.replicationsDone()
          : run.replications());
    }
    // once stored as ended it is not planned any more, even while the live run is let go
    return live == null || run.status().finished() ? OptionalLong.empty()
        : live.plan().decision().plannedReplications();
  }

  /** A run as the API shows it. */
  ObjectNode resource(StoredRun run) {
    String self = path(run.kind()) + "/" + run.id();
    ObjectNode node = Json.object();
    node.put("id", run.id().toString());
    node.put("kind", run.kind().text());
    node.put("status", run.status().text());
    ActiveRun live = service.active(run.id());
    // asked of any server and not yet carried out, or carried out; not on a run that ended
    // otherwise (it had stayed true on a run that succeeded after a cancel asked too late)
    node.put("cancelRequested", run.status() == RunStatus.CANCELLED
        || (!run.status().finished() && (run.cancelRequested()
            || (live != null && live.stopping()))));
    node.put("scenarioId", run.scenarioId() == null ? null : run.scenarioId().toString());
    if (run.scenarioVersion() == null) {
      node.putNull("scenarioVersion");
    } else {
      node.put("scenarioVersion", run.scenarioVersion());
    }
    node.put("replications", run.replications());
    node.put("months", run.months());
    node.put("seed", run.seed());
    node.put("generator", run.generator());
    node.put("codeVersion", run.codeVersion());
    ObjectNode progress = node.putObject("progress");
    progress.put("done", run.replicationsDone());
    OptionalLong total = total(run, live);
    if (total.isEmpty()) {
      progress.putNull("total");
      progress.putNull("fraction");
    } else {
      progress.put("total", total.getAsLong());
      progress.put("fraction", total.getAsLong() == 0 ? 0
          : Math.min(1, (double) run.replicationsDone() / total.getAsLong()));
    }
    node.put("error", run.error());
    node.put("createdAt", Json.time(run.createdAt()));
    node.put("startedAt", Json.time(run.startedAt()));
    node.put("finishedAt", Json.time(run.finishedAt()));
    if (run.request() != null) { // a list's runs have none
      node.putRawValue("request", new RawValue(run.request()));
    }
    ObjectNode links = node.putObject("links");
    links.put("self", self);
    links.put("results", self + "/results");
    links.put("csv", self + "/results?format=csv");
    links.put("events", self + "/events");
    if (run.kind() == RunKind.RUN) {
      links.put("scenario", self + "/scenario");
    }
    return node;
  }
}
