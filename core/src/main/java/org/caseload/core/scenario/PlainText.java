package org.caseload.core.scenario;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Plain text, the one rule for every name, text field and target a person types: no control
 * character (U+0000 to U+001F, U+007F to U+009F), no bidirectional embedding, override or
 * isolate (U+202A to U+202E, U+2066 to U+2069) or line or paragraph separator (U+2028,
 * U+2029), and no half of a surrogate pair. A hidden one would otherwise be reported as some
 * other mistake (a month "12" that is not a whole number), replayed on a terminal, stored as
 * '?', or would make a scenario's name read otherwise than it is ("Plan A" that displays as
 * another's, a security review's finding). Marks that only set a direction (U+200E, U+200F)
 * are text. A name may not mix Latin, Cyrillic and Greek letters either ({@link #mixedScripts}:
 * a name's rule, not a text's, where "Δ +5 posts" or "σ" is ordinary).
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
      if (Character.isISOControl(c) || formatting(c)) {
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

  /** The scripts whose letters look alike, of which one text may use one (UTS #39). */
  private static final java.util.Set<Character.UnicodeScript> ALIKE = java.util.EnumSet.of(
      Character.UnicodeScript.LATIN, Character.UnicodeScript.CYRILLIC,
      Character.UnicodeScript.GREEK);

  /**
   * Why a name {@code text} mixes letters of Latin, Cyrillic and Greek, which look alike ("Plan A"
   * with a Cyrillic A reads as another scenario's "Plan A" while it is a name of its own: an
   * earlier note's finding), naming the first letter of a second of them and its index; null
   * where it uses one of them at most. Unicode's moderately restrictive level (UTS #39, 5.2):
   * Latin beside another script is text (Han, Arabic), beside Cyrillic or Greek it is not.
   */
  public static String mixedScripts(String text) {
    Character.UnicodeScript first = null;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      Character.UnicodeScript script = Character.UnicodeScript.of(c);
      if (ALIKE.contains(script)) {
        if (first == null) {
          first = script;
        } else if (script != first) {
          return String.format(Locale.ROOT, "must not mix %s and %s letters, which look alike,"
              + " had U+%04X %s at %d", name(first), name(script), c, Character.getName(c), i);
        }
      }
      i += Character.charCount(c);
    }
    return null;
  }

  private static String name(Character.UnicodeScript script) {
    String n = script.name();
    return n.charAt(0) + n.substring(1).toLowerCase(Locale.ROOT);
  }

  /**
   * Whether {@code c} is a character plain text may not hold but a lone surrogate: a control
   * character, a bidirectional embedding, override or isolate, a line or paragraph separator.
   */
  public static boolean hidden(char c) {
    return Character.isISOControl(c) || formatting(c);
  }

  /** A bidirectional embedding, override or isolate, or a line or paragraph separator. */
  private static boolean formatting(char c) {
    return c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069'
        || c == '\u2028' || c == '\u2029';
  }

  /**
   * Whether {@code text} shows nothing to a reader: empty, or only spaces of any kind (a
   * no-break space too) and characters that show nothing (a zero-width space). A name or note
   * that is blank is refused as missing.
   */
  public static boolean blank(String text) {
    return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
        || Character.getType(c) == Character.FORMAT);
  }

  /**
   * How a reader tells {@code text} apart from other names: its compatibility form (NFKC: a
   * composed and a decomposed "Café" alike, a full-width letter as its letter), without
   * characters that show nothing (a zero-width space), any run of spaces (a no-break space too)
   * as one, none at either end, and case ignored. Two names of one key read as one name; a
   * Latin and a Cyrillic letter that look alike are still told apart, and so no name may mix
   * them ({@link #mixedScripts}).
   */
  public static String readingKey(String text) {
    String normal = Normalizer.normalize(text, Normalizer.Form.NFKC);
    StringBuilder out = new StringBuilder(normal.length());
    boolean space = false;
    for (int i = 0; i < normal.length(); ) {
      int c = normal.codePointAt(i);
      i += Character.charCount(c);
      if (Character.getType(c) == Character.FORMAT) {
        continue;
      }
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        space = out.length() > 0;
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      out.appendCodePoint(c);
    }
    return out.toString().toLowerCase(Locale.ROOT);
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
        out.append(Character.isISOControl(c) || formatting(c) || Character.isSurrogate(c) ? '?'
            : c);
      }
    }
    return out.toString();
  }
}
