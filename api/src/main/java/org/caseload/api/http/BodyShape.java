package org.caseload.api.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.Locale;

/**
 * A body's shape, checked in one streaming pass before the contract's validator sees it: at
 * most {@value #MAX_DEPTH} levels of nesting, {@value #MAX_MEMBERS} members in any object and
 * {@value #MAX_VALUES} values in all (every object, array, text, number, true, false and null
 * counts one). No request of the API comes near any (a preset scenario has about 140 values);
 * a body of 60,000 unknown fields, or an array of 400,000 numbers where texts belong, would
 * otherwise cost the validator and the wording of its errors seconds on the event loop.
 * Malformed JSON passes here and is reported by the reader.
 *
 * @implNote Stateless and thread-safe; linear in the body, no tree built.
 */
final class BodyShape implements Handler<RoutingContext> {

  static final int MAX_DEPTH = 64;
  static final int MAX_MEMBERS = 1_000;
  static final int MAX_VALUES = 10_000;

  private static final JsonFactory FACTORY = new JsonFactory();

  @Override
  public void handle(RoutingContext rc) {
    Buffer body = rc.body() == null ? null : rc.body().buffer();
    ApiProblem problem = body == null || body.length() == 0 ? null : problem(body.getBytes());
    if (problem == null) {
      rc.next();
    } else {
      Problems.send(rc, problem);
    }
  }

  /** What is wrong with the shape of {@code json}, or null. */
  static ApiProblem problem(byte[] json) {
    int[] members = new int[MAX_DEPTH + 2];
    int depth = 0;
    int values = 0;
    try (JsonParser parser = FACTORY.createParser(json)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token != JsonToken.FIELD_NAME && token != JsonToken.END_OBJECT
            && token != JsonToken.END_ARRAY && ++values > MAX_VALUES) {
          return ApiProblem.badField("body", String.format(Locale.ROOT, "has more than"
              + " %,d values (objects, arrays, texts and numbers); no request of this API needs"
              + " as many", MAX_VALUES));
        }
        switch (token) {
          case START_OBJECT, START_ARRAY -> {
            if (++depth > MAX_DEPTH) {
              return ApiProblem.badField("body", "is nested more than " + MAX_DEPTH
                  + " levels deep");
            }
            members[depth] = 0;
          }
          case END_OBJECT, END_ARRAY -> depth--;
          case FIELD_NAME -> {
            if (++members[depth] > MAX_MEMBERS) {
              return ApiProblem.badField("body", "has an object with more than " + MAX_MEMBERS
                  + " fields");
            }
          }
          default -> { }
        }
      }
    } catch (IOException e) {
      return null; // not JSON: the reader says where
    }
    return null;
  }
}
