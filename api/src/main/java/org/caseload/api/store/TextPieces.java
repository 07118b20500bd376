package org.caseload.api.store;

/**
 * Where a large text is cut into pieces, each sent or stored by itself so that no one step
 * encodes it whole: every {@code size} characters, one earlier where the cut would split a
 * character outside the BMP (a surrogate pair: each half alone would be encoded as '?').
 *
 * @implNote Stateless.
 */
public final class TextPieces {

  private TextPieces() {}

  /**
   * The end (exclusive) of the piece of {@code text} that starts at {@code from}: at most
   * {@code size} characters (at least 2), never between the two chars of a pair.
   */
  public static int end(String text, int from, int size) {
    int to = Math.min(text.length(), from + size);
    if (to < text.length() && Character.isHighSurrogate(text.charAt(to - 1))) {
      to--;
    }
    return to;
  }
}
