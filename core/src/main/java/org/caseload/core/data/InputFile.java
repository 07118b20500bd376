package org.caseload.core.data;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Locale;

/**
 * The one place input files are opened: only regular files (never a folder, device or FIFO
 * such as {@code /dev/zero}, which has no end or never answers; links are followed), at most a
 * stated number of bytes (checked before reading and again while reading, so a file that grows
 * is stopped too), UTF-8 text (a bad byte is named by its place; a byte-order mark at the
 * start is dropped). Every refusal is an
 * {@link UnreadableFileException}.
 *
 * @implNote Instances are not thread-safe; the static methods are.
 */
public final class InputFile implements Closeable {

  private final Path file;
  private final long maxBytes;
  private final InputStream in;
  private byte[] buffer = new byte[512];
  private long position;
  private int line;

  private InputFile(Path file, long maxBytes, InputStream in) {
    this.file = file;
    this.maxBytes = maxBytes;
    this.in = new BufferedInputStream(in, 1 << 16);
  }

  /**
   * Refuses {@code file} unless it is a regular file of at most {@code maxBytes}, without
   * opening it; {@code what} ("a CSV file") is what a folder was found in place of.
   */
  public static void check(Path file, long maxBytes, String what) throws UnreadableFileException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw new UnreadableFileException(file, UnreadableFileException.Reason.NO_SUCH_FILE,
          "no such file", e);
    } catch (IOException e) {
      throw cannotRead(file, e);
    }
    if (attributes.isDirectory()) {
      throw new UnreadableFileException(file, UnreadableFileException.Reason.FOLDER,
          "is a folder where " + what + " was expected");
    }
    if (!attributes.isRegularFile()) {
      throw new UnreadableFileException(file,
          UnreadableFileException.Reason.NOT_A_REGULAR_FILE, "is not a regular file");
    }
    if (attributes.size() > maxBytes) {
      throw tooLarge(file, maxBytes);
    }
  }

  /** The file's lines, read one at a time; see {@link #check} for the refusals. */
  public static InputFile lines(Path file, long maxBytes, String what)
      throws UnreadableFileException {
    check(file, maxBytes, what);
    try {
      return new InputFile(file, maxBytes, Files.newInputStream(file));
    } catch (NoSuchFileException e) {
      throw new UnreadableFileException(file, UnreadableFileException.Reason.NO_SUCH_FILE,
          "no such file", e);
    } catch (IOException e) {
      throw cannotRead(file, e);
    }
  }

  /** The whole text of the file; see {@link #check} for the refusals. */
  public static String readText(Path file, long maxBytes, String what)
      throws UnreadableFileException {
    check(file, maxBytes, what);
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    } catch (NoSuchFileException e) {
      throw new UnreadableFileException(file, UnreadableFileException.Reason.NO_SUCH_FILE,
          "no such file", e);
    } catch (IOException e) {
      throw cannotRead(file, e);
    }
    if (bytes.length > maxBytes) {
      throw tooLarge(file, maxBytes);
    }
    return withoutByteOrderMark(decode(file, bytes, bytes.length, 0, 1));
  }

  /**
   * {@code text} without the byte-order mark (U+FEFF) some editors write at the start of
   * UTF-8 (Windows Notepad, Excel), which RFC 8259 lets a reader ignore: a planner's scenario
   * saved so had been refused as "unexpected character U+FEFF". One anywhere else stays.
   */
  private static String withoutByteOrderMark(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /**
   * The next line without its ending ({@code \n}, {@code \r\n} or {@code \r}), or null at the
   * end of the file.
   */
  public String readLine() throws UnreadableFileException {
    try {
      long start = position;
      int length = 0;
      int b;
      boolean ended = false;
      while ((b = read()) != -1) {
        if (b == '\n') {
          ended = true;
          break;
        }
        if (b == '\r') {
          in.mark(1);
          if (in.read() == '\n') {
            position++;
          } else {
            in.reset();
          }
          ended = true;
          break;
        }
        if (length == buffer.length) {
          buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        buffer[length++] = (byte) b;
      }
      if (!ended && length == 0) {
        return null;
      }
      line++;
      String text = decode(file, buffer, length, start, line);
      return line == 1 ? withoutByteOrderMark(text) : text;
    } catch (UnreadableFileException e) {
      throw e;
    } catch (IOException e) {
      throw cannotRead(file, e);
    }
  }

  private int read() throws IOException {
    int b = in.read();
    if (b != -1 && ++position > maxBytes) {
      throw tooLarge(file, maxBytes);
    }
    return b;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /**
   * The UTF-8 text of {@code bytes[0, length)}, which start at byte {@code offset} (from 0) of
   * the file, on line {@code firstLine}.
   */
  private static String decode(Path file, byte[] bytes, int length, long offset, int firstLine)
      throws UnreadableFileException {
    try {
      return StrictUtf8.decode(bytes, length);
    } catch (StrictUtf8.MalformedException e) {
      StrictUtf8.Malformed where = e.where();
      String words = String.format(Locale.ROOT, "is not UTF-8 text: byte %d (line %d) is 0x%02X",
          offset + where.byteIndex() + 1, firstLine + where.line() - 1, where.bad());
      if (offset == 0 && length >= 2 && ((bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe
          || (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff)) {
        words += "; it looks like UTF-16: save it as UTF-8";
      }
      throw new UnreadableFileException(file, UnreadableFileException.Reason.NOT_UTF8, words);
    }
  }

  private static UnreadableFileException tooLarge(Path file, long maxBytes) {
    return new UnreadableFileException(file, UnreadableFileException.Reason.TOO_LARGE,
        "is larger than " + (maxBytes >> 20) + " MiB");
  }

  private static UnreadableFileException cannotRead(Path file, IOException e) {
    return new UnreadableFileException(file, UnreadableFileException.Reason.CANNOT_READ,
        "cannot be read", e);
  }
}
