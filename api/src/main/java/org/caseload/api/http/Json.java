package org.caseload.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.RoutingContext;
import java.time.OffsetDateTime;
import java.util.function.Function;
import org.caseload.api.store.Page;
import org.caseload.core.scenario.ScenarioJson;

/** Writing JSON responses (with the scenario format's mapper, so numbers keep their form). */
final class Json {

  private Json() {}

  static ObjectNode object() {
    return ScenarioJson.mapper().createObjectNode();
  }

  /** A stored JSON text as a tree, to embed in a response. */
  static JsonNode parse(String text) {
    try {
      return ScenarioJson.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON does not parse", e);
    }
  }

  static void send(RoutingContext rc, int status, JsonNode body) {
    send(rc, status, body.toString());
  }

  static void send(RoutingContext rc, int status, String json) {
    rc.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .end(json);
  }

  static String time(OffsetDateTime time) {
    return time == null ? null : time.toInstant().toString();
  }

  /** A page as {@code {"items": [...], "total", "limit", "offset", "next"}}. */
  static <T> ObjectNode page(Page<T> page, Function<T, JsonNode> item, String path) {
    ObjectNode body = object();
    ArrayNode items = body.putArray("items");
    page.items().forEach(i -> items.add(item.apply(i)));
    body.put("total", page.total());
    body.put("limit", page.limit());
    body.put("offset", page.offset());
    long next = page.offset() + page.items().size();
    if (next < page.total()) {
      body.put("next", path + "?limit=" + page.limit() + "&offset=" + next);
    } else {
      body.putNull("next");
    }
    return body;
  }

  /** A query parameter as a whole number (validated against the contract already). */
  static long query(RoutingContext rc, String name, long fallback) {
    String value = rc.queryParams().get(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw ApiProblem.badField(name, "must be a whole number, was \"" + Bodies.shown(value)
          + "\"");
    }
  }
}
