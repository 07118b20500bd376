package org.caseload.sim.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Optional;

/**
 * Standard output that remembers why it could not be written: a {@link PrintWriter} (which
 * keeps only a flag) over a writer that records its first {@link IOException}, so that a
 * reader who closed the pipe ({@code caseload presets | head -1}) is told apart from a full
 * disk.
 *
 * @implNote Not thread-safe beyond {@link PrintWriter}'s own locking; one per process.
 */
public final class Stdout extends PrintWriter {

  /** Exit code when standard output could not be written: sysexits' EX_IOERR. */
  public static final int OUTPUT_FAILED = 74;

  /**
   * Exit code when the reader closed the pipe: 128 + SIGPIPE, what a shell reports for a
   * program a closed pipe ended ({@code yes | head -1}).
   */
  public static final int CLOSED_PIPE = 141;

  private final Recording sink;

  private Stdout(Recording sink) {
    super(sink, true);
    this.sink = sink;
  }

  /** Standard output over {@code writer}, with its first failure kept. */
  public static Stdout over(Writer writer) {
    return new Stdout(new Recording(writer));
  }

  /** Standard output over {@code stream}, in the platform's encoding (UTF-8 by the launcher). */
  public static Stdout over(OutputStream stream) {
    return over(new OutputStreamWriter(stream, Charset.defaultCharset()));
  }

  /** The first failure to write, if there was one. */
  public Optional<IOException> failure() {
    return Optional.ofNullable(sink.failure);
  }

  /**
   * The exit code of a command that returned {@code code} having written to {@code out}: the
   * code itself when out took everything (or the command had failed already), else
   * {@link #CLOSED_PIPE} silently when the reader had closed the pipe, else
   * {@link #OUTPUT_FAILED} with the reason on {@code err}.
   */
  public static int exitCode(PrintWriter out, PrintWriter err, int code) {
    out.flush();
    if (code != 0 || !out.checkError()) {
      return code;
    }
    Optional<IOException> failure = out instanceof Stdout stdout ? stdout.failure()
        : Optional.empty();
    if (failure.filter(Stdout::isClosedPipe).isPresent()) {
      return CLOSED_PIPE; // as a program a closed pipe ends: nothing to tell the reader gone
    }
    err.println("stdout: the output could not be written: " + failure
        .map(FileReasons::of).orElse("a full disk or a closed pipe?"));
    err.flush();
    return OUTPUT_FAILED;
  }

  private static boolean isClosedPipe(IOException e) {
    String message = e.getMessage();
    return message != null && message.toLowerCase(Locale.ROOT).contains("broken pipe");
  }

  /** A writer that passes everything on and keeps its first failure. */
  private static final class Recording extends FilterWriter {

    private IOException failure;

    Recording(Writer out) {
      super(out);
    }

    @Override
    public void write(int c) throws IOException {
      try {
        super.write(c);
      } catch (IOException e) {
        throw kept(e);
      }
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
      try {
        super.write(chars, offset, length);
      } catch (IOException e) {
        throw kept(e);
      }
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
      try {
        super.write(text, offset, length);
      } catch (IOException e) {
        throw kept(e);
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        super.flush();
      } catch (IOException e) {
        throw kept(e);
      }
    }

    private IOException kept(IOException e) {
      if (failure == null) {
        failure = e;
      }
      return e;
    }
  }
}
