package org.caseload.core.scenario;

import java.util.Locale;

/**
 * Plain text, the one rule for every name, text field and target a person types: no control
 * character (U+0000 to U+001F, U+007F to U+009F) and no half of a surrogate pair. A hidden
 * one would otherwise be reported as some other mistake (a month "12" that is not a whole
 * number), replayed on a terminal, or stored as '?'.
 *
 * @implNote Stateless and thread-safe.
 */
public final class PlainText {

  private PlainText() {}

  /**
   * Why {@code text} is not plain text, naming the first offending character and its index
   * from 0 ({@code "must not contain control characters, had U+0001 at 26"}), or null when it
   * is plain.
   */
  public static String problem(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c)) {
        return String.format(Locale.ROOT, "must not contain control characters, had U+%04X at %d",
            (int) c, i);
      }
      if (Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return String.format(Locale.ROOT, "must be valid Unicode, had a lone surrogate U+%04X"
            + " at %d", (int) c, i);
      }
    }
    return null;
  }

  /** {@code text} with each control character and lone surrogate shown as '?'. */
  public static String shown(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else {
        out.append(Character.isISOControl(c) || Character.isSurrogate(c) ? '?' : c);
      }
    }
    return out.toString();
  }
}
