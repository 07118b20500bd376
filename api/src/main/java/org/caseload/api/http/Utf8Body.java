package org.caseload.api.http;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import org.caseload.core.data.StrictUtf8;

/**
 * Every body decoded once, strictly, as UTF-8, before its shape, the contract's validator or a
 * handler reads it: bytes that are not UTF-8 (one no character starts with, an overlong
 * sequence such as {@code C0 AF}, an encoded surrogate such as {@code ED A0 80}) are a 400 on
 * {@code body} saying which byte and where, never text with U+FFFD in their place. The text is
 * kept for the readers of the body ({@link #text}).
 *
 * @implNote Stateless and thread-safe; linear in the body.
 */
final class Utf8Body implements Handler<RoutingContext> {

  private static final String TEXT = "caseload.body";

  /** The body as decoded here, or null when there was none. */
  static String text(RoutingContext rc) {
    return rc.get(TEXT);
  }

  @Override
  public void handle(RoutingContext rc) {
    Buffer body = rc.body() == null ? null : rc.body().buffer();
    if (body == null || body.length() == 0) {
      rc.next();
      return;
    }
    byte[] bytes = body.getBytes();
    String text;
    try {
      text = StrictUtf8.decode(bytes, bytes.length);
    } catch (StrictUtf8.MalformedException e) {
      Problems.send(rc, ApiProblem.badField("body", notUtf8(e.where())));
      return;
    }
    rc.put(TEXT, text);
    rc.next();
  }

  /**
   * The reason of a body that is not UTF-8 {@code where}: "is not valid UTF-8: byte 0xc0 at
   * column 12 is not a character's" (lines and columns counted in characters).
   */
  private static String notUtf8(StrictUtf8.Malformed where) {
    return String.format("is not valid UTF-8: byte 0x%02x at %s is not a character's",
        where.bad(), where.line() == 1 ? "column " + where.column()
            : "line " + where.line() + ", column " + where.column());
  }
}
