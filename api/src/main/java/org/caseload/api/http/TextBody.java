package org.caseload.api.http;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.caseload.api.store.TextPieces;

/**
 * Sends a text answer, a large one (a stored result: an all-England sweep's CSV may be 64 MiB)
 * in pieces of {@link #PIECE} characters, a millisecond apart and only while the client's
 * write queue has room, so that encoding it never holds the loop for long (40 MB sent whole
 * had held it half a second). The pieces never split a surrogate pair. A large text is never
 * compressed on the loop: for a client that accepts gzip it is compressed whole on a worker
 * thread and its bytes sent in pieces (100 clients downloading a 1.3 MB CSV with gzip had held
 * the loop 0.5 s, each piece deflated there); for any other client it goes uncompressed.
 *
 * @implNote Call on the response's event loop. The gzip runs on Vert.x's worker pool; its
 *     bytes, about a tenth of the text, are held beside the text the results' memory budget
 *     counts.
 */
final class TextBody {

  /** Characters a piece; a text no longer goes whole. */
  static final int PIECE = 256 * 1024;

  private TextBody() {}

  /**
   * Answers {@code rc} 200 with {@code text} as {@code contentType}, gzipped off the loop where
   * it is large and the request's {@code Accept-Encoding} accepts gzip. A HEAD (answered by
   * the GET's route, {@link HeadAsGet}) is answered by {@link #sendHead}, without the text.
   */
  static void send(RoutingContext rc, String contentType, String text) {
    HttpServerResponse response = rc.response();
    response.setStatusCode(200).putHeader("Content-Type", contentType);
    if (text.length() <= PIECE) {
      response.end(text);
      return;
    }
    response.putHeader("Vary", "Accept-Encoding");
    if (!acceptsGzip(String.join(",", rc.request().headers().getAll("Accept-Encoding")))) {
      // Vert.x compresses on the loop otherwise (deflate, say); it takes this header off
      response.putHeader("Content-Encoding", "identity");
      response.setChunked(true);
      writeFrom(response, text, 0);
      return;
    }
    if (response.closed()) {
      return; // the client went away while the text was read: nothing to compress
    }
    new OffLoop(rc.vertx()).run(() -> gzip(text)).onComplete(done -> {
      if (done.failed()) {
        rc.fail(done.cause()); // nothing sent yet: a 500 problem, logged
        return;
      }
      // already encoded: Vert.x sends bytes with a Content-Encoding of their own as they are
      response.putHeader("Content-Encoding", "gzip");
      response.setChunked(true);
      writeFrom(response, done.result(), 0);
    });
  }

  /**
   * Answers a HEAD of a text of {@code bytes} octets of UTF-8 with the headers {@link #send}
   * would give its GET, without the text: the length where the GET surely sends the text whole
   * (a text of at most {@link #PIECE} octets has at most as many chars), else the headers of
   * one sent in pieces, without a length. A text of more octets than {@link #PIECE} but no more
   * chars (accented letters) is sent whole by its GET, with a length its HEAD leaves out, as
   * RFC 9110 section 9.3.2 lets a HEAD do for a length the content alone decides.
   */
  static void sendHead(RoutingContext rc, String contentType, long bytes) {
    HttpServerResponse response = rc.response();
    response.setStatusCode(200).putHeader("Content-Type", contentType);
    if (bytes <= PIECE) {
      response.putHeader("Content-Length", Long.toString(bytes)).end();
      return;
    }
    response.putHeader("Vary", "Accept-Encoding").setChunked(true).end();
  }

  /**
   * Whether an {@code Accept-Encoding} header accepts gzip: a member gzip, x-gzip or * whose
   * weight is above 0 (a weight that is not a number accepts nothing), and gzip not refused
   * by a weight of 0 of its own.
   */
  static boolean acceptsGzip(String header) {
    if (header == null) {
      return false;
    }
    boolean any = false;
    for (String member : header.split(",")) {
      String[] parts = member.split(";");
      String name = parts[0].trim().toLowerCase(Locale.ROOT);
      double q = 1;
      for (int i = 1; i < parts.length; i++) {
        String param = parts[i].trim();
        if (param.length() >= 2 && param.regionMatches(true, 0, "q=", 0, 2)) {
          q = weight(param.substring(2).trim());
        }
      }
      if (name.equals("gzip") || name.equals("x-gzip")) {
        return q > 0;
      }
      any |= name.equals("*") && q > 0;
    }
    return any;
  }

  /** A weight (RFC 9110: 0 to 1, at most three decimals), or 0 for one that is not. */
  private static double weight(String text) {
    if (!text.matches("(0(\\.[0-9]{0,3})?|1(\\.0{0,3})?)")) {
      return 0;
    }
    return Double.parseDouble(text);
  }

  /**
   * {@code text} as UTF-8, gzipped at the fastest level (the results are CSV and JSON, which
   * compress about tenfold at any level), encoded as it is compressed, not copied whole first.
   */
  private static Buffer gzip(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length() / 8 + 64);
    try (Writer out = new OutputStreamWriter(new GZIPOutputStream(bytes, 64 * 1024) {
      {
        def.setLevel(Deflater.BEST_SPEED);
      }
    }, StandardCharsets.UTF_8)) {
      for (int from = 0; from < text.length(); from += PIECE) {
        out.write(text, from, Math.min(PIECE, text.length() - from));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // into a byte array: not expected
    }
    return Buffer.buffer(bytes.toByteArray());
  }

  private static void writeFrom(HttpServerResponse response, String text, int from) {
    if (response.closed()) {
      return; // the client went away: nothing more to send
    }
    if (response.writeQueueFull()) {
      response.drainHandler(v -> writeFrom(response, text, from));
      return;
    }
    int to = TextPieces.end(text, from, PIECE);
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

  private static void writeFrom(HttpServerResponse response, Buffer bytes, int from) {
    if (response.closed()) {
      return;
    }
    if (response.writeQueueFull()) {
      response.drainHandler(v -> writeFrom(response, bytes, from));
      return;
    }
    int to = Math.min(bytes.length(), from + PIECE);
    if (to == bytes.length()) {
      response.end(bytes.slice(from, to));
      return;
    }
    response.write(bytes.slice(from, to));
    Vertx.currentContext().owner().setTimer(1, t -> writeFrom(response, bytes, to));
  }
}
