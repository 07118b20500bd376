package org.caseload.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseload.sim.cli.CliRunner.run;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.caseload.core.data.DfeData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A --data folder holding a .csv that cannot be read as a DfE table (too large, endless,
 * never answering, a folder, not UTF-8): every command that reads --data exits with code 2
 * naming that file and why, with nothing on standard output.
 */
class DataFolderTest {

  @TempDir
  Path temp;

  Path folder;

  @BeforeEach
  void copyRealData() throws Exception {
    folder = Files.createDirectory(temp.resolve("d2"));
    try (var files = Files.list(Path.of(CalibrationCommandsTest.DATA))) {
      for (Path file : files.toList()) {
        Files.copy(file, folder.resolve(file.getFileName().toString()));
      }
    }
  }

  /** The commands that read --data, each asked for Medway 2019 and little work. */
  private List<String[]> commands() {
    String data = folder.toString();
    return List.of(
        new String[] {"calibrate", "--data", data, "--la", "Medway", "--year", "2019"},
        new String[] {"forecast", "--data", data, "--la", "Medway", "--year", "2019",
            "--replications", "4", "--quiet"},
        new String[] {"backtest", "--data", data, "--la", "Medway", "--base-year", "2019",
            "--years", "1", "--replications", "4"},
        new String[] {"sweep", "--all-councils", "--data", data, "--year", "2019",
            "--councils", "Medway", "--replications", "4", "--quiet"});
  }

  private void assertEveryCommandRefuses(String message) {
    for (String[] args : commands()) {
      CliRunner.Result result = assertTimeoutPreemptively(Duration.ofSeconds(60),
          () -> run(args));
      assertThat(result.code()).as(args[0]).isEqualTo(2);
      assertThat(result.err()).as(args[0]).isEqualTo(message + "\n");
      assertThat(result.out()).as(args[0]).isEmpty();
    }
  }

  @Test
  void hugeFile_isRefusedByItsSize() throws Exception {
    Path huge = folder.resolve("huge.csv");
    try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
      sparse.setLength(3L << 30);
    }
    assertEveryCommandRefuses("--data: " + huge + ": is larger than "
        + (DfeData.MAX_FILE_BYTES >> 20) + " MiB");
  }

  @Test
  void linkToDevZero_isNotARegularFile() throws Exception {
    Path zero = Files.createSymbolicLink(folder.resolve("zero.csv"), Path.of("/dev/zero"));
    assertEveryCommandRefuses("--data: " + zero + ": is not a regular file");
  }

  @Test
  void fifo_isNotARegularFile_andDoesNotHang() throws Exception {
    Path fifo = folder.resolve("fifo.csv");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    assertEveryCommandRefuses("--data: " + fifo + ": is not a regular file");
  }

  @Test
  void folderNamedCsv_isNamed() throws Exception {
    Path dir = Files.createDirectory(folder.resolve("dir.csv"));
    assertEveryCommandRefuses("--data: " + dir + ": is a folder where a CSV file was expected");
  }

  @Test
  void utf16File_isNamed_withTheByte() throws Exception {
    Path file = Files.write(folder.resolve("utf16.csv"), new byte[] {(byte) 0xff, (byte) 0xfe});
    assertEveryCommandRefuses("--data: " + file + ": is not UTF-8 text: byte 1 (line 1) is"
        + " 0xFF; it looks like UTF-16: save it as UTF-8");
  }
}
