package org.caseload.api.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;

/**
 * A body's shape, checked in one streaming pass before the contract's validator sees it: at
 * most {@value #MAX_DEPTH} levels of nesting and {@value #MAX_MEMBERS} members in any object.
 * No request of the API comes near either; a body of 60,000 unknown fields would otherwise
 * cost the validator seconds. Malformed JSON passes here and is reported by the reader.
 *
 * @implNote Stateless and thread-safe; linear in the body, no tree built.
 */
final class BodyShape implements Handler<RoutingContext> {

  static final int MAX_DEPTH = 64;
  static final int MAX_MEMBERS = 1_000;

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
    try (JsonParser parser = FACTORY.createParser(json)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
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
