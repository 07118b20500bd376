package org.caseload.api.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Stored scenarios. Every update names the version it replaces, so two planners editing the
 * same scenario cannot overwrite each other unknowingly.
 *
 * @implNote Prepared statements only; safe to call from any thread.
 */
public final class ScenarioStore {

  private static final String COLUMNS = "id, name, version, document, targets, replications,"
      + " seed, assumptions, calibration_notes, decide, created_at, updated_at";

  private final Pool pool;
  private final Clock clock;

  /** @param clock when scenarios are created and updated */
  public ScenarioStore(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  public Future<StoredScenario> create(String name, String document,
      StoredScenario.Settings settings) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    UUID id = UUID.randomUUID();
    // given up on past the deadline: not stored, or removed if committed meanwhile
    // (Database#boundedTransaction)
    return Database.boundedTransaction(pool, sql -> sql.preparedQuery("INSERT INTO scenarios ("
            + COLUMNS + ") VALUES ($1, $2, 1, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING "
            + COLUMNS).execute(Tuple.of(id, name, document, json(settings.targets()),
            settings.replications(), settings.seed(), json(settings.assumptions()),
            json(settings.calibrationNotes()), decide(settings.decide()), now))
        .map(rows -> scenario(rows.iterator().next())),
        () -> pool.preparedQuery("DELETE FROM scenarios WHERE id = $1 AND version = 1")
            .execute(Tuple.of(id)));
  }

  /** The scenario, or a failed future with {@link NotFoundException}. */
  public Future<StoredScenario> get(UUID id) {
    return Database.bounded(pool.preparedQuery("SELECT " + COLUMNS + " FROM scenarios WHERE"
            + " id = $1").execute(Tuple.of(id)), Database.REQUEST_DEADLINE)
        .map(rows -> {
          if (rows.size() == 0) {
            throw NotFoundException.scenario(id);
          }
          return scenario(rows.iterator().next());
        });
  }

  /** Scenarios oldest first. */
  public Future<Page<StoredScenario>> list(int limit, long offset) {
    return Database.bounded(pool.preparedQuery("SELECT " + COLUMNS + ", count(*) OVER () AS"
            + " total FROM scenarios ORDER BY created_at, id LIMIT $1 OFFSET $2")
        .execute(Tuple.of(limit, offset)), Database.REQUEST_DEADLINE)
        .compose(rows -> {
          if (rows.size() == 0 && offset > 0) {
            return count().map(total -> new Page<>(List.of(), total, limit, offset));
          }
          return Future.succeededFuture(Page.of(rows, ScenarioStore::scenario, limit, offset));
        });
  }

  private Future<Long> count() {
    return pool.preparedQuery("SELECT count(*) FROM scenarios").execute(Tuple.tuple())
        .map(rows -> rows.iterator().next().getLong(0));
  }

  /**
   * Replaces the scenario if its stored version is {@code version}; the stored version then
   * goes up by one. Fails with {@link NotFoundException} or {@link StaleVersionException}.
   */
  public Future<StoredScenario> update(UUID id, int version, String name, String document,
      StoredScenario.Settings settings) {
    // given up on past the deadline: not made (Database#boundedTransaction)
    return Database.boundedTransaction(pool, sql -> sql.preparedQuery("UPDATE scenarios SET"
            + " name = $3, document = $4, targets = $5, replications = $6, seed = $7,"
            + " assumptions = $8, calibration_notes = $9, decide = $10, version = version + 1,"
            + " updated_at = $11 WHERE id = $1 AND version = $2 RETURNING " + COLUMNS)
        .execute(Tuple.of(id, version, name, document, json(settings.targets()),
            settings.replications(), settings.seed(), json(settings.assumptions()),
            json(settings.calibrationNotes()), decide(settings.decide()),
            OffsetDateTime.now(clock)))
        .compose(rows -> {
          if (rows.size() == 1) {
            return Future.succeededFuture(scenario(rows.iterator().next()));
          }
          return sql.preparedQuery("SELECT version FROM scenarios WHERE id = $1")
              .execute(Tuple.of(id)).map(current -> {
                if (current.size() == 0) {
                  throw NotFoundException.scenario(id);
                }
                throw new StaleVersionException(version,
                    current.iterator().next().getInteger("version"));
              });
        }), null);
  }

  /** Deletes the scenario; its runs stay. Fails with {@link NotFoundException}. */
  public Future<Void> delete(UUID id) {
    // given up on past the deadline: not made (Database#boundedTransaction)
    return Database.boundedTransaction(pool, sql -> sql.preparedQuery(
            "DELETE FROM scenarios WHERE id = $1").execute(Tuple.of(id))
        .map(rows -> {
          if (rows.rowCount() == 0) {
            throw NotFoundException.scenario(id);
          }
          return null;
        }), null);
  }

  private static StoredScenario scenario(Row row) {
    return new StoredScenario(row.getUUID("id"), row.getString("name"),
        row.getInteger("version"), row.getString("document"), new StoredScenario.Settings(
            List.of(read(row.getString("targets"), String[].class)), row.getLong("replications"),
            row.getLong("seed"), Arrays.stream(read(row.getString("assumptions"), int[].class))
                .boxed().toList(),
            List.of(read(row.getString("calibration_notes"), String[].class)),
            row.getString("decide") == null ? null
                : read(row.getString("decide"), StoredScenario.Decide.class)),
        row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"));
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * Targets, assumptions and calibration notes as stored: a JSON array of the texts, or of
   * the positions.
   */
  static String json(List<?> values) {
    try {
      return MAPPER.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Decide as stored: a JSON object of its levers and probability, or null for none. */
  private static String decide(StoredScenario.Decide decide) {
    if (decide == null) {
      return null;
    }
    try {
      return MAPPER.writeValueAsString(decide);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> T read(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
