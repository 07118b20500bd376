package org.caseload.core.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An input file refused before or while reading it, naming the file and saying why in words
 * ({@link #words()}: "is not a regular file"); {@link #getMessage()} is the file, a colon and
 * the words. Where the operating system refused it ({@link Reason#CANNOT_READ}) its exception
 * is the cause.
 */
public final class UnreadableFileException extends IOException {

  private static final long serialVersionUID = 1L;

  /** Why the file was refused. */
  public enum Reason {
    /** A folder where a file was expected. */
    FOLDER,
    /** A device, FIFO or socket, which may never end or never answer. */
    NOT_A_REGULAR_FILE,
    /** Larger than the limit for such files. */
    TOO_LARGE,
    /** Not UTF-8 text; the words say at which byte. */
    NOT_UTF8,
    /** No such file (or a link to nothing). */
    NO_SUCH_FILE,
    /** The operating system refused to read it; its exception is the cause. */
    CANNOT_READ,
    /** Two rows of one table give one area, year and figure two different values. */
    CONFLICTING_ROWS,
    /**
     * Not a table this reader can trust: a row with more or fewer fields than the header (a
     * comma inside a figure, a field left out), a column named twice, or a figure that is
     * neither a number nor one of the DfE's codes for a figure not published.
     */
    MALFORMED
  }

  private final transient Path file;
  private final Reason reason;
  private final String words;

  public UnreadableFileException(Path file, Reason reason, String words, Throwable cause) {
    super(file + ": " + words, cause);
    this.file = file;
    this.reason = reason;
    this.words = words;
  }

  public UnreadableFileException(Path file, Reason reason, String words) {
    this(file, reason, words, null);
  }

  /** The file refused. */
  public Path file() {
    return file;
  }

  public Reason reason() {
    return reason;
  }

  /** Why, in words, without the file's name: "is larger than 64 MiB". */
  public String words() {
    return words;
  }
}
