package org.caseload.api.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;

/**
 * Sends a text answer, a large one (a stored result: an all-England sweep's CSV may be 64 MiB)
 * in pieces of {@link #PIECE} characters, a millisecond apart and only while the client's
 * write queue has room, so that encoding and compressing it never holds the loop for
 * long (40 MB sent whole had held it half a second). The pieces never split a surrogate pair.
 *
 * @implNote Call on the response's event loop.
 */
final class TextBody {

  /** Characters a piece; a text no longer goes whole. */
  static final int PIECE = 256 * 1024;

  private TextBody() {}

  /** Answers 200 with {@code text} as {@code contentType}. */
  static void send(HttpServerResponse response, String contentType, String text) {
    response.setStatusCode(200).putHeader("Content-Type", contentType);
    if (text.length() <= PIECE) {
      response.end(text);
      return;
    }
    response.setChunked(true);
    writeFrom(response, text, 0);
  }

  private static void writeFrom(HttpServerResponse response, String text, int from) {
    if (response.closed()) {
      return; // the client went away: nothing more to send
    }
    if (response.writeQueueFull()) {
      response.drainHandler(v -> writeFrom(response, text, from));
      return;
    }
    int to = Math.min(text.length(), from + PIECE);
    if (to < text.length() && Character.isHighSurrogate(text.charAt(to - 1))) {
      to--;
    }
    if (to == text.length()) {
      response.end(text.substring(from));
      return;
    }
    response.write(text.substring(from, to));
    int next = to;
    // a timer, not runOnContext: the loop runs queued tasks in batches of 64 before it looks
    // at anything else, so chained tasks would hold it for 64 pieces
    Vertx.currentContext().owner().setTimer(1, t -> writeFrom(response, text, next));
  }
}
