package org.caseload.api.store;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.caseload.api.domain.RunKind;
import org.caseload.api.domain.RunStatus;

/**
 * Stored runs and their results. Each run is stored with its owner, the server that computes
 * it ({@link OwnerLock}). A run moves from queued to running to one end, and every move is
 * one conditional UPDATE on the status it leaves, so the moves of its server and of a
 * recovery ({@link #failAbandoned}) cannot overwrite each other: whichever comes first is
 * the run's end, and the other changes nothing and says so.
 *
 * @implNote Prepared statements only; safe to call from any thread.
 */
public final class RunStore {

  private static final String COLUMNS = "id, kind, scenario_id, scenario_version, status,"
      + " request, scenarios, seed, replications, months, generator, code_version,"
      + " replications_done, error, created_at, started_at, finished_at, cancel_requested";

  /**
   * The columns of a list: a run without its request and scenarios (null), which can be tens
   * of megabytes each and which a list does not show (a page of 100 had read 370 MB).
   */
  private static final String LISTED = COLUMNS.replace("request, scenarios,",
      "NULL::text AS request, NULL::text AS scenarios,");

  /** The statuses a run leaves when it ends: an ended run's status is final. */
  private static final String UNFINISHED = "status IN ('queued', 'running')";

  private final Pool pool;
  private final Clock clock;
  private final long owner;

  /**
   * @param clock when runs start and end
   * @param owner the id of this server's {@link OwnerLock}, stored with the runs it starts
   */
  public RunStore(Pool pool, Clock clock, long owner) {
    this.pool = pool;
    this.clock = clock;
    this.owner = owner;
  }

  /**
   * Links a comparison being inserted ($1, kind $2, request $6) to the stored scenarios its
   * variants name, in the same statement as the run (PostgreSQL reads the request, not the
   * event loop); a scenario deleted meanwhile is not linked.
   */
  private static final String VARIANT_LINKS = "INSERT INTO run_scenarios (run_id, scenario_id)"
      + " SELECT DISTINCT $1::uuid, s.id FROM jsonb_array_elements(CASE"
      + " WHEN $2::text = 'comparison' AND jsonb_typeof($6::text::jsonb -> 'variants') = 'array'"
      + " THEN $6::text::jsonb -> 'variants' ELSE '[]'::jsonb END) v"
      + " JOIN scenarios s ON s.id::text = lower(v ->> 'scenarioId')";

  /** The runs of a stored scenario ($1): its baseline's, or a variant's (run_scenarios). */
  private static final String OF_SCENARIO = "(scenario_id = $1 OR id IN (SELECT run_id"
      + " FROM run_scenarios WHERE scenario_id = $1))";

  /** The foreign key from a run to the stored scenario it came from. */
  private static final String SCENARIO_KEY = "runs_scenario_id_fkey";

  /** The foreign key from a comparison's link to a variant's stored scenario. */
  private static final String VARIANT_KEY = "run_scenarios_scenario_id_fkey";

  /** The most times an insert is tried again because a variant's scenario was deleted. */
  private static final int VARIANT_RETRIES = 10;

  /**
   * Stores a new run (queued), owned by this server. Fails with {@link NotFoundException} of
   * its scenario when that was deleted since the request was checked (its foreign key). A
   * variant's scenario deleted meanwhile is not linked, as one deleted before is not: the
   * insert is tried again, and the statement then no longer sees it.
   */
  public Future<StoredRun> insert(StoredRun run) {
    // given up on past the deadline: a queued run its client never heard of is removed
    return Database.boundedWrite(insert(run, VARIANT_RETRIES), () -> pool.preparedQuery(
        "DELETE FROM runs WHERE id = $1 AND status = 'queued'").execute(Tuple.of(run.id())));
  }

  private Future<StoredRun> insert(StoredRun run, int retries) {
    return pool.preparedQuery("WITH inserted AS (INSERT INTO runs (id, kind, scenario_id,"
            + " scenario_version, status, request, scenarios, seed, replications, months,"
            + " generator, code_version, created_at, owner)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)"
            + " RETURNING " + COLUMNS + "), linked AS (" + VARIANT_LINKS + ")"
            + " SELECT " + COLUMNS + " FROM inserted")
        .execute(Tuple.tuple().addValue(run.id()).addValue(run.kind().text())
            .addValue(run.scenarioId()).addValue(run.scenarioVersion())
            .addValue(run.status().text()).addValue(run.request()).addValue(run.scenarios())
            .addValue(run.seed()).addValue(run.replications()).addValue(run.months())
            .addValue(run.generator()).addValue(run.codeVersion()).addValue(run.createdAt())
            .addValue(owner))
        .map(rows -> run(rows.iterator().next()))
        .recover(e -> {
          if (missingKey(e, SCENARIO_KEY)) {
            return Future.failedFuture(NotFoundException.scenario(run.scenarioId()));
          }
          return retries > 0 && missingKey(e, VARIANT_KEY) ? insert(run, retries - 1)
              : Future.failedFuture(e);
        });
  }

  /** Whether {@code failure} is PostgreSQL's: {@code constraint} refers to no row (23503). */
  private static boolean missingKey(Throwable failure, String constraint) {
    return failure instanceof PgException pg && "23503".equals(pg.getSqlState())
        && constraint.equals(pg.getConstraint());
  }

  /**
   * Marks a queued run running since {@code startedAt}; false when it is no longer queued (it
   * has ended).
   */
  public Future<Boolean> markRunning(UUID id, OffsetDateTime startedAt) {
    return pool.preparedQuery("UPDATE runs SET status = 'running', started_at = $2"
            + " WHERE id = $1 AND status = 'queued'")
        .execute(Tuple.of(id, startedAt)).map(rows -> rows.rowCount() == 1);
  }

  /**
   * Records success with the results, and no error; false when the run had already ended
   * (a recovery failed it), which then stays as it was. One transaction: the results go in
   * pieces of {@link #RESULT_PIECE} characters into a table of the transaction's own, and the
   * run's row takes them put together.
   */
  public Future<Boolean> succeed(UUID id, long done, String json, String csv) {
    return pool.withTransaction(sql -> sql.query("CREATE TEMP TABLE result_piece (csv boolean,"
            + " part int, text text) ON COMMIT DROP").execute()
        .compose(v -> storePieces(sql, false, json, 0, 0))
        .compose(v -> storePieces(sql, true, csv, 0, 0))
        .compose(v -> sql.preparedQuery("UPDATE runs SET status = 'succeeded',"
                + " replications_done = $2, result_json = (" + WHOLE + " NOT csv),"
                + " result_csv = (" + WHOLE + " csv), finished_at = $3, error = NULL"
                + " WHERE id = $1 AND " + UNFINISHED)
            .execute(Tuple.of(id, done, now())))
        .map(rows -> rows.rowCount() == 1));
  }

  /**
   * Characters of a result a statement carries: a large result goes in pieces, each its own
   * statement, because the pool's event loop encodes a statement whole (two texts of 38 MB
   * in one had held it 260 ms; StoredResultLoopTest).
   */
  static final int RESULT_PIECE = 256 * 1024;

  /** A result put together from its pieces (null where it has none: a null result). */
  private static final String WHOLE =
      "SELECT string_agg(text, '' ORDER BY part) FROM result_piece WHERE";

  /** {@code text} from {@code from} on into the transaction's pieces, from {@code part} on. */
  private static Future<Void> storePieces(SqlConnection sql, boolean csv, String text,
      int from, int part) {
    if (text == null) {
      return Future.succeededFuture();
    }
    int to = TextPieces.end(text, from, RESULT_PIECE);
    return sql.preparedQuery("INSERT INTO result_piece VALUES ($1, $2, $3)")
        .execute(Tuple.of(csv, part, text.substring(from, to)))
        .compose(v -> to == text.length() ? Future.<Void>succeededFuture()
            : storePieces(sql, csv, text, to, part + 1));
  }

  /**
   * Records a failed or cancelled end; false when the run had already ended, which then
   * stays as it was.
   */
  public Future<Boolean> end(UUID id, RunStatus status, long done, String error) {
    return pool.preparedQuery("UPDATE runs SET status = $2, replications_done = $3,"
            + " error = $4, finished_at = $5 WHERE id = $1 AND " + UNFINISHED)
        .execute(Tuple.of(id, status.text(), done, error, now()))
        .map(rows -> rows.rowCount() == 1);
  }

  /**
   * Stores the progress of runs this server computes, so that other servers on the database
   * show it: each run's replications done, where the run is still running and had fewer.
   * Bounded by {@link Database#REQUEST_DEADLINE}, as {@link #cancelRequested}.
   */
  public Future<Void> saveProgress(Map<UUID, Long> done) {
    if (done.isEmpty()) {
      return Future.succeededFuture();
    }
    UUID[] ids = done.keySet().toArray(UUID[]::new);
    Long[] counts = Arrays.stream(ids).map(done::get).toArray(Long[]::new);
    return Database.bounded(pool.preparedQuery("UPDATE runs SET replications_done = p.done"
            + " FROM unnest($1::uuid[], $2::bigint[]) AS p(id, done)"
            + " WHERE runs.id = p.id AND runs.status = 'running'"
            + " AND runs.replications_done < p.done")
        .execute(Tuple.tuple().addValue(ids).addValue(counts)), Database.REQUEST_DEADLINE)
        .mapEmpty();
  }

  /**
   * Records that a cancel was asked of a server not computing the run; false when the run
   * is no longer queued or running.
   */
  public Future<Boolean> requestCancel(UUID id) {
    return Database.bounded(pool.preparedQuery("UPDATE runs SET cancel_requested = true"
            + " WHERE id = $1 AND " + UNFINISHED).execute(Tuple.of(id)),
        Database.REQUEST_DEADLINE).map(rows -> rows.rowCount() == 1);
  }

  /** Those of {@code ids} whose cancel was asked of another server. */
  public Future<Set<UUID>> cancelRequested(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(Set.of());
    }
    return Database.bounded(pool.preparedQuery("SELECT id FROM runs WHERE id = ANY($1)"
            + " AND cancel_requested").execute(Tuple.tuple().addValue(ids.toArray(UUID[]::new))),
        Database.REQUEST_DEADLINE).map(rows -> {
          Set<UUID> asked = new HashSet<>();
          rows.forEach(row -> asked.add(row.getUUID(0)));
          return asked;
        });
  }

  /**
   * Marks as failed with {@code reason} every run still queued or running whose server is
   * gone: its owner's advisory lock can be taken (it is taken, the runs failed and the lock
   * freed, on one connection, so no server can take that id meanwhile), or it has no owner
   * (stored by a server of before owners). Runs of live servers, this one's included, are
   * left alone: their locks are held by those servers' sessions. Returns how many it failed.
   */
  public Future<Integer> failAbandoned(String reason) {
    return pool.withConnection(connection -> connection.preparedQuery("SELECT DISTINCT owner"
            + " FROM runs WHERE " + UNFINISHED + " AND owner IS NOT NULL").execute()
        .compose(owners -> {
          Future<Integer> failed = Future.succeededFuture(0);
          for (Row row : owners) {
            long server = row.getLong(0);
            failed = failed.compose(n -> failIfGone(connection, server, reason).map(m -> n + m));
          }
          return failed;
        })
        .compose(n -> connection.preparedQuery("UPDATE runs SET status = 'failed', error = $1,"
                + " finished_at = $2 WHERE owner IS NULL AND " + UNFINISHED)
            .execute(Tuple.of(reason, now())).map(rows -> n + rows.rowCount())));
  }

  /**
   * The owners of unfinished runs whose locks no session holds now: servers that look gone.
   * Read from {@code pg_locks}, taking no lock (a session-level advisory lock on a bigint key
   * is listed with its high 32 bits as {@code classid}, its low as {@code objid} and
   * {@code objsubid} 1), so no lock can be left behind on a pooled connection and a live
   * server re-taking its own is never in the way. Ownerless runs are not among them
   * ({@link #failAbandoned} fails those at start).
   */
  public Future<Set<Long>> freeOwners() {
    return pool.query("SELECT DISTINCT r.owner FROM runs r WHERE r." + UNFINISHED
            + " AND r.owner IS NOT NULL AND NOT EXISTS (SELECT 1 FROM pg_locks l"
            + " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1"
            + " AND l.database = (SELECT oid FROM pg_database"
            + " WHERE datname = current_database())"
            + " AND l.classid::bigint = ((r.owner >> 32) & 4294967295)"
            + " AND l.objid::bigint = (r.owner & 4294967295))").execute()
        .map(rows -> {
          Set<Long> free = new HashSet<>();
          rows.forEach(row -> free.add(row.getLong(0)));
          return free;
        });
  }

  /**
   * Fails with {@code reason} the unfinished runs of each of {@code servers} whose lock can
   * still be taken (as {@link #failAbandoned} does for every owner). Returns how many.
   */
  public Future<Integer> failOwnedBy(Set<Long> servers, String reason) {
    if (servers.isEmpty()) {
      return Future.succeededFuture(0);
    }
    return pool.withConnection(connection -> {
      Future<Integer> failed = Future.succeededFuture(0);
      for (long server : servers) {
        failed = failed.compose(n -> failIfGone(connection, server, reason).map(m -> n + m));
      }
      return failed;
    });
  }

  /** Fails the unfinished runs of {@code server} if its lock can be taken: it is gone. */
  private Future<Integer> failIfGone(SqlConnection connection, long server, String reason) {
    return connection.preparedQuery("SELECT pg_try_advisory_lock($1)").execute(Tuple.of(server))
        .compose(rows -> {
          if (!rows.iterator().next().getBoolean(0)) {
            return Future.succeededFuture(0); // its server lives
          }
          return connection.preparedQuery("UPDATE runs SET status = 'failed', error = $1,"
                  + " finished_at = $2 WHERE owner = $3 AND " + UNFINISHED)
              .execute(Tuple.of(reason, now(), server)).map(updated -> updated.rowCount())
              .eventually(() -> connection.preparedQuery("SELECT pg_advisory_unlock($1)")
                  .execute(Tuple.of(server)));
        });
  }

  /** The run of this kind, or a failed future with {@link NotFoundException}. */
  public Future<StoredRun> get(UUID id, RunKind kind) {
    return Database.bounded(pool.preparedQuery("SELECT " + COLUMNS + " FROM runs WHERE id = $1"
            + " AND kind = $2").execute(Tuple.of(id, kind.text())), Database.REQUEST_DEADLINE)
        .map(rows -> {
          if (rows.size() == 0) {
            throw NotFoundException.run(kind, id);
          }
          return run(rows.iterator().next());
        });
  }

  /** The size in bytes of the stored JSON ({@code csv} false) or CSV result; 0 for none. */
  public Future<Long> resultBytes(UUID id, boolean csv) {
    return Database.bounded(pool.preparedQuery("SELECT octet_length("
            + (csv ? "result_csv" : "result_json") + ") FROM runs WHERE id = $1")
        .execute(Tuple.of(id)), Database.REQUEST_DEADLINE)
        .map(rows -> {
          Long bytes = rows.size() == 0 ? null : rows.iterator().next().getLong(0);
          return bytes == null ? 0L : bytes;
        });
  }

  /** The stored JSON ({@code csv} false) or CSV result; null while there is none. */
  public Future<String> result(UUID id, boolean csv) {
    return Database.bounded(pool.preparedQuery("SELECT " + (csv ? "result_csv" : "result_json")
            + " FROM runs WHERE id = $1").execute(Tuple.of(id)), Database.RESULT_DEADLINE)
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
  }

  /**
   * A stored scenario's runs and comparisons, newest first: those whose baseline is it, and
   * comparisons with a variant of it; without their requests and scenarios (null).
   */
  public Future<Page<StoredRun>> listForScenario(UUID scenarioId, int limit, long offset) {
    return Database.bounded(pool.preparedQuery("SELECT " + LISTED + ", count(*) OVER () AS"
            + " total FROM runs WHERE " + OF_SCENARIO + " ORDER BY created_at DESC, id LIMIT $2"
            + " OFFSET $3").execute(Tuple.of(scenarioId, limit, offset)),
            Database.REQUEST_DEADLINE)
        .compose(rows -> {
          if (rows.size() == 0 && offset > 0) {
            // past the end the window yields no row to carry the total: count them
            return countForScenario(scenarioId)
                .map(total -> new Page<StoredRun>(List.of(), total, limit, offset));
          }
          return Future.succeededFuture(Page.of(rows, RunStore::run, limit, offset));
        });
  }

  private Future<Long> countForScenario(UUID scenarioId) {
    return pool.preparedQuery("SELECT count(*) FROM runs WHERE " + OF_SCENARIO)
        .execute(Tuple.of(scenarioId)).map(rows -> rows.iterator().next().getLong(0));
  }

  private static StoredRun run(Row row) {
    return new StoredRun(row.getUUID("id"), RunKind.of(row.getString("kind")),
        row.getUUID("scenario_id"), row.getInteger("scenario_version"),
        RunStatus.of(row.getString("status")), row.getString("request"),
        row.getString("scenarios"), row.getLong("seed"), row.getLong("replications"),
        row.getInteger("months"), row.getString("generator"), row.getString("code_version"),
        row.getLong("replications_done"), row.getString("error"),
        row.getOffsetDateTime("created_at"), row.getOffsetDateTime("started_at"),
        row.getOffsetDateTime("finished_at"), row.getBoolean("cancel_requested"));
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
