package org.caseload.api.store;

import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** One page of a list: its items, how many there are in all, and where the page starts. */
public record Page<T>(List<T> items, long total, int limit, long offset) {

  /** The page of rows selected with a {@code count(*) OVER () AS total} column. */
  static <T> Page<T> of(RowSet<Row> rows, Function<Row, T> item, int limit, long offset) {
    List<T> items = new ArrayList<>();
    long total = 0;
    for (Row row : rows) {
      items.add(item.apply(row));
      total = row.getLong("total");
    }
    return new Page<>(items, total, limit, offset);
  }
}
