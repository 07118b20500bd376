package org.caseload.sim.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import org.caseload.core.data.UnreadableFileException;

/**
 * Why a file could not be read or written, in words a person reads: the operating system's
 * reason where it gave one ("read-only file system"), never the name of a Java class.
 *
 * @implNote Stateless and thread-safe.
 */
final class FileReasons {

  /** The words for a folder where a file was expected. */
  static final String FOLDER = "it is a folder, not a file";

  private FileReasons() {}

  static String of(IOException e) {
    if (e instanceof UnreadableFileException u) {
      return u.reason() == UnreadableFileException.Reason.CANNOT_READ && u.getCause()
          instanceof IOException cause ? u.words() + ": " + of(cause) : u.words();
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof DirectoryNotEmptyException) {
      return FOLDER;
    }
    if (e instanceof FileSystemException f) {
      String reason = f.getReason();
      if (reason == null || reason.isBlank()) {
        return "the file system refused it";
      }
      return reason.equalsIgnoreCase("Is a directory") ? FOLDER : lowerFirst(reason);
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? "an input or output error"
        : lowerFirst(message);
  }

  private static String lowerFirst(String text) {
    return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
  }
}
