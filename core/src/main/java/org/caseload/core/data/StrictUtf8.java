package org.caseload.core.data;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 decoded strictly: overlong forms, encoded surrogates and stray bytes are refused with
 * where they are, never read as U+FFFD (the JDK's decoder, set to report them). The one
 * decoder of the DfE files ({@link InputFile}) and the API's request bodies.
 */
public final class StrictUtf8 {

  private StrictUtf8() {}

  /**
   * Where the bytes stop being UTF-8.
   *
   * @param byteIndex the first byte that is not, from 0
   * @param bad that byte, 0 to 255
   * @param line its line, from 1 (lines end with '\n')
   * @param column its column in characters, from 1
   */
  public record Malformed(long byteIndex, int bad, int line, int column) {}

  /** Thrown with where {@link #decode} found bytes that are not UTF-8. */
  public static final class MalformedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Malformed where;

    MalformedException(Malformed where) {
      super("not UTF-8 at byte " + where.byteIndex(), null, false, false);
      this.where = where;
    }

    public Malformed where() {
      return where;
    }
  }

  /**
   * The text of {@code bytes[0, length)}.
   *
   * @throws MalformedException where the bytes are not UTF-8
   */
  public static String decode(byte[] bytes, int length) throws MalformedException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
    CharBuffer out = CharBuffer.allocate(length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    out.flip();
    if (result.isError()) {
      int line = 1;
      int column = 1;
      for (int i = 0; i < out.length(); i++) {
        if (out.charAt(i) == '\n') {
          line++;
          column = 1;
        } else {
          column++;
        }
      }
      throw new MalformedException(new Malformed(in.position(), bytes[in.position()] & 0xff,
          line, column));
    }
    return out.toString();
  }
}
