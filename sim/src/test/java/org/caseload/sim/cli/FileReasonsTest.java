package org.caseload.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** Why a file could not be read or written, in words: never a Java class's name. */
class FileReasonsTest {

  @Test
  void reasons_areWordsNotClassNames() {
    assertThat(FileReasons.of(new AccessDeniedException("/x"))).isEqualTo("permission denied");
    assertThat(FileReasons.of(new NoSuchFileException("/x"))).isEqualTo("no such file or folder");
    assertThat(FileReasons.of(new FileSystemException("/x", null, "Read-only file system")))
        .isEqualTo("read-only file system");
    assertThat(FileReasons.of(new FileSystemException("/x", null, "Is a directory")))
        .isEqualTo("it is a folder, not a file");
    assertThat(FileReasons.of(new FileSystemException("/x")))
        .isEqualTo("the file system refused it");
    assertThat(FileReasons.of(new IOException("No space left on device")))
        .isEqualTo("no space left on device");
    assertThat(FileReasons.of(new IOException())).isEqualTo("an input or output error");
  }
}
