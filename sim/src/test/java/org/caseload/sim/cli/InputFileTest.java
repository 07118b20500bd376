package org.caseload.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseload.sim.cli.CliRunner.run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input files are regular files: a FIFO (like {@code /dev/zero}, a file without an end) is
 * refused before it is opened, never read until memory runs out or forever.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InputFileTest {

  @TempDir
  Path temp;

  private Path fifo;

  @BeforeEach
  void makeFifo() throws Exception {
    fifo = temp.resolve("pipe.json");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mkfifo.waitFor()).isZero();
  }

  private void assertRefused(CliRunner.Result result) {
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).endsWith(fifo + ": is not a regular file\n").hasLineCount(1);
    assertThat(result.out()).isEmpty();
  }

  @Test
  void validate_fifo_isNotARegularFile() {
    assertRefused(run("validate", fifo.toString()));
  }

  @Test
  void runScenario_andProject_fifo_isNotARegularFile() {
    assertRefused(run("run", "--scenario", fifo.toString(), "--replications", "4", "--quiet"));
    assertRefused(run("project", fifo.toString()));
  }

  @Test
  void sweep_fifoGrid_orFifoScenarioInTheGrid_isNotARegularFile() throws Exception {
    assertRefused(run("sweep", fifo.toString(), "--replications", "4", "--quiet"));
    Path grid = Files.writeString(temp.resolve("grid.json"), "{\"scenario\": \"pipe.json\","
        + " \"axes\": {\"horizonMonths\": [3]}}");
    assertRefused(run("sweep", grid.toString(), "--replications", "4", "--quiet"));
  }

  @Test
  void invalidUtf8_saysSo() throws Exception {
    Path file = Files.write(temp.resolve("latin1.json"), new byte[] {'{', (byte) 0xE9, '}'});
    CliRunner.Result result = run("validate", file.toString());
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).isEqualTo(file + ": is not UTF-8 text: byte 2 (line 1) is 0xE9\n");
  }

  /**
   * A scenario saved by an editor that starts UTF-8 with a byte-order mark (Windows Notepad,
   * Excel) is read as the same scenario without it (RFC 8259 lets a reader ignore it; it had
   * been refused as "unexpected character U+FEFF"); a mark anywhere else is still refused.
   */
  @Test
  void aByteOrderMarkAtTheStart_isIgnored() throws Exception {
    Path plain = temp.resolve("plain.json");
    assertThat(run("calibrate", "--la", "Rutland", "--year", "2022", "--months", "6",
        "--data", Path.of("..", "data", "dfe").toString(), "--out", plain.toString(),
        "--quiet").code()).isZero();
    byte[] bytes = Files.readAllBytes(plain);
    byte[] marked = new byte[bytes.length + 3];
    marked[0] = (byte) 0xEF;
    marked[1] = (byte) 0xBB;
    marked[2] = (byte) 0xBF;
    System.arraycopy(bytes, 0, marked, 3, bytes.length);
    Path withMark = Files.write(temp.resolve("notepad.json"), marked);
    assertThat(run("validate", withMark.toString()).code()).isZero();
    CliRunner.Result fromMarked = run("project", withMark.toString(), "--draws", "0",
        "--format", "csv");
    assertThat(fromMarked.code()).isZero();
    assertThat(fromMarked.out()).isEqualTo(run("project", plain.toString(), "--draws", "0",
        "--format", "csv").out());
    java.io.ByteArrayOutputStream markedTwice = new java.io.ByteArrayOutputStream();
    markedTwice.write(marked);
    markedTwice.write(marked, 0, 3);
    Path twice = Files.write(temp.resolve("twice.json"), markedTwice.toByteArray());
    assertThat(run("validate", twice.toString()).code()).as("a mark after the JSON")
        .isEqualTo(2);
  }

  @Test
  void emptyFileName_isSaidToBeEmpty_notAFolder() {
    CliRunner.Result result = run("validate", "");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("FILE: the file name is empty; give a scenario file\n");
    result = run("run", "--scenario", "", "--replications", "4", "--quiet");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("--scenario: the file name is empty; give a scenario"
        + " file\n");
  }

  @Test
  void scenarioFlag_folder_namesTheFlag() {
    CliRunner.Result result = run("run", "--scenario", temp.toString(), "--replications", "4",
        "--quiet");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("--scenario: " + temp
        + ": is a directory, not a scenario file\n");
    assertThat(run("run", "--scenario", fifo.toString(), "--quiet").err())
        .isEqualTo("--scenario: " + fifo + ": is not a regular file\n");
  }
}
