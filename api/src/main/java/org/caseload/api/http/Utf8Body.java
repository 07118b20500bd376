package org.caseload.api.http;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

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
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    out.flip();
    if (result.isError()) {
      Problems.send(rc, ApiProblem.badField("body", notUtf8(bytes[in.position()], out)));
      return;
    }
    rc.put(TEXT, out.toString());
    rc.next();
  }

  /**
   * The reason of a body whose byte {@code bad} is not UTF-8 after the text {@code before}:
   * "is not valid UTF-8: byte 0xc0 at column 12 is not a character's" (lines and columns
   * counted in characters).
   */
  private static String notUtf8(byte bad, CharSequence before) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < before.length(); i++) {
      if (before.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return String.format("is not valid UTF-8: byte 0x%02x at %s is not a character's",
        bad & 0xff, line == 1 ? "column " + column : "line " + line + ", column " + column);
  }
}
