package org.caseload.sim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import org.caseload.core.scenario.InvalidScenarioException;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.ScenarioJson;

/**
 * Reads scenario files and other JSON input, turning every failure into a {@link UserError}
 * naming the file. The one place input files are read: only regular files (never a device or
 * FIFO such as {@code /dev/zero}, which has no end), at most {@link #MAX_BYTES}, in bounded
 * memory.
 */
public final class ScenarioFiles {

  /** Larger files are refused before reading. */
  static final long MAX_BYTES = 8L << 20;

  private ScenarioFiles() {}

  static Scenario read(Path file) {
    return read(null, file);
  }

  /**
   * The scenario in {@code file}; {@code flag} (--scenario), when not null, starts the message
   * of a file that cannot be read.
   */
  static Scenario read(String flag, Path file) {
    String json = readText(flag, file, "a scenario file");
    try {
      return ScenarioJson.read(json);
    } catch (InvalidScenarioException e) {
      List<String> lines = e.problems().stream().map(p -> file + ": " + p).toList();
      throw new UserError(lines);
    }
  }

  /**
   * The UTF-8 text of {@code file}, a regular file of at most {@link #MAX_BYTES} ({@code what}
   * names what it should be, for the message about a folder: "a scenario file").
   */
  public static String readText(String flag, Path file, String what) {
    String where = (flag == null ? "" : flag + ": ") + file;
    if (file.toString().isEmpty()) {
      throw new UserError((flag == null ? "FILE" : flag) + ": the file name is empty; give "
          + what);
    }
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      if (attributes.isDirectory()) {
        throw new UserError(where + ": is a directory, not " + what);
      }
      if (!attributes.isRegularFile()) {
        throw new UserError(where + ": is not a regular file");
      }
      if (attributes.size() > MAX_BYTES) {
        throw new UserError(where + ": is larger than " + (MAX_BYTES >> 20) + " MiB");
      }
      byte[] bytes;
      try (InputStream in = Files.newInputStream(file)) {
        bytes = in.readNBytes((int) MAX_BYTES + 1);
      }
      if (bytes.length > MAX_BYTES) {
        throw new UserError(where + ": is larger than " + (MAX_BYTES >> 20) + " MiB");
      }
      try {
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
      } catch (CharacterCodingException e) {
        throw new UserError(where + ": is not UTF-8 text");
      }
    } catch (NoSuchFileException e) {
      throw new UserError(where + ": no such file");
    } catch (IOException e) {
      throw new UserError(where + ": cannot be read: " + FileReasons.of(e));
    }
  }
}
