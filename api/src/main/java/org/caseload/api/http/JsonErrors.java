package org.caseload.api.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.caseload.core.scenario.JsonSyntax;

/**
 * The JSON reader's complaints in a planner's words ({@link JsonSyntax}, as the command line
 * says them), cut to a readable length: what is wrong with the body, never the reader's
 * classes or settings ({@code StreamReadConstraints.getMaxNestingDepth()},
 * {@code JsonReadFeature.ALLOW_COMMENTS}).
 *
 * @implNote Stateless and thread-safe.
 */
final class JsonErrors {

  private static final int LONGEST = 160;

  /** Standard JSON only: no NaN, comments, '+' signs or other extensions. */
  private static final JsonFactory STRICT = new JsonFactory();

  private JsonErrors() {}

  /** Why the body is not JSON the API reads. */
  static String plain(JsonProcessingException e) {
    return Bodies.shown(JsonSyntax.describe(e), LONGEST).strip();
  }

  /**
   * Why {@code body} is not one standard JSON value in UTF-8, with the line and column (a
   * reason: "is not valid JSON: ..."), or null when it is one. Stricter than the reader of requests: it also refuses what that
   * reader lets pass or skips (NaN and Infinity, data after the value, bytes that are not
   * UTF-8), so that a body the contract's validator refused is told why.
   */
  static String syntax(byte[] body) {
    String text;
    try {
      text = utf8(body);
    } catch (NotUtf8 e) {
      return e.getMessage();
    }
    try (JsonParser parser = STRICT.createParser(text)) {
      if (parser.nextToken() == null) {
        return "is empty; send a JSON object";
      }
      parser.skipChildren();
      JsonLocation end = parser.currentLocation();
      try {
        if (parser.nextToken() == null) {
          return null;
        }
      } catch (JsonProcessingException e) {
        // what follows is not even JSON: it is still more after the value
      }
      return "has more after the JSON value that ends at " + place(end)
          + "; send one JSON object";
    } catch (JsonProcessingException e) {
      return "is not valid JSON: " + plain(e);
    } catch (IOException e) {
      return null; // a string cannot fail to read
    }
  }

  private static String place(JsonLocation location) {
    return location.getLineNr() == 1 ? "column " + location.getColumnNr()
        : "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  /** The body as UTF-8 text; {@link NotUtf8} says where it is not UTF-8. */
  private static String utf8(byte[] body) throws NotUtf8 {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(body);
    CharBuffer out = CharBuffer.allocate(body.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      out.flip();
      String before = out.toString();
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
      throw new NotUtf8(String.format("is not valid UTF-8: byte 0x%02x at %s is not a"
          + " character's", body[in.position()] & 0xff,
          line == 1 ? "column " + column : "line " + line + ", column " + column));
    }
    decoder.flush(out);
    out.flip();
    return out.toString();
  }

  /** A body that is not UTF-8, and where. */
  private static final class NotUtf8 extends CharacterCodingException {
    private final String reason;

    NotUtf8(String reason) {
      this.reason = reason;
    }

    @Override
    public String getMessage() {
      return reason;
    }
  }
}
