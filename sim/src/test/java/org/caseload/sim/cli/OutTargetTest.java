package org.caseload.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseload.sim.cli.CliRunner.run;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --out} writes regular files only, and never replaces a device, FIFO or link. */
class OutTargetTest {

  @TempDir
  Path temp;

  private static CliRunner.Result runTo(Path out) {
    return run("run", "--preset", "synthetic-small", "--months", "2", "--replications", "4",
        "--quiet", "--out", out.toString());
  }

  @Test
  void out_replacingAPrivateFile_keepsItPrivate() throws Exception {
    Path file = temp.resolve("private.txt");
    Files.writeString(file, "old");
    Files.setPosixFilePermissions(file,
        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    assertThat(runTo(file).code()).isZero();
    assertThat(Files.readString(file)).contains("synthetic");
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    Path fresh = temp.resolve("new.txt");
    assertThat(runTo(fresh).code()).isZero();
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(fresh))).isEqualTo("rw-r--r--");
  }

  @Test
  void out_fifo_isRefusedAndLeftAFifo() throws Exception {
    Path fifo = temp.resolve("pipe");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mkfifo.waitFor()).isZero();
    CliRunner.Result result = runTo(fifo);
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("--out: " + fifo + " is not a regular file\n");
    assertThat(result.out()).isEmpty();
    assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).isFalse();
    assertThat(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS)).isTrue();
  }

  @Test
  void out_symlink_writesTheFileItPointsTo_andKeepsTheLink() throws Exception {
    Path real = Files.writeString(temp.resolve("real.txt"), "old");
    Path link = Files.createSymbolicLink(temp.resolve("link.txt"), real);
    CliRunner.Result result = runTo(link);
    assertThat(result.code()).isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).startsWith("Small synthetic service");
  }

  @Test
  void out_danglingSymlink_isRefused() throws Exception {
    Path link = Files.createSymbolicLink(temp.resolve("link.txt"), temp.resolve("missing"));
    CliRunner.Result result = runTo(link);
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("--out: cannot write " + link
        + ": it is a symbolic link to a file that does not exist\n");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.exists(temp.resolve("missing"))).isFalse();
  }

  @Test
  void out_symlinkLoop_isRefusedAsALoop() throws Exception {
    Path a = temp.resolve("a");
    Path b = temp.resolve("b");
    Files.createSymbolicLink(a, b);
    Files.createSymbolicLink(b, a);
    CliRunner.Result result = runTo(a);
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).startsWith("--out: cannot write " + a
        + ": too many levels of symbolic links").hasLineCount(1);
    assertThat(Files.isSymbolicLink(a)).isTrue();
  }

  /**
   * calibrate and forecast check --out before calibrating: the calibration's notes had been
   * printed first, then the refusal (an analyst's trial).
   */
  @Test
  void calibrateAndForecast_outAFolder_exitTwoBeforeCalibrating() {
    for (String command : new String[] {"calibrate", "forecast"}) {
      CliRunner.Result result = run(command, "--la", "Kent", "--year", "2019", "--data",
          Path.of("..", "data", "dfe").toString(), "--out", temp.toString());
      assertThat(result.code()).as(command).isEqualTo(2);
      assertThat(result.err()).as(command).isEqualTo("--out: cannot write " + temp
          + ": it is a folder, not a file\n");
      assertThat(result.out()).isEmpty();
    }
  }

  /** An all-England sweep's --skipped file is checked as --out is, before the sweep runs. */
  @Test
  void skipped_aFolder_exitsTwoBeforeTheSweep() {
    CliRunner.Result result = run("sweep", "--all-councils", "--year", "2019", "--councils",
        "Medway", "--replications", "100000", "--months", "120", "--quiet", "--yes",
        "--data", Path.of("..", "data", "dfe").toString(), "--skipped", temp.toString());
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("--skipped: cannot write " + temp
        + ": it is a folder, not a file\n");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void stdout_writeError_exits2() {
    Writer failing = new Writer() {
      @Override
      public void write(char[] c, int off, int len) throws java.io.IOException {
        throw new java.io.IOException("No space left on device");
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    StringWriter err = new StringWriter();
    int code = CaseloadCommand.execute(new PrintWriter(failing), new PrintWriter(err), "run",
        "--preset", "synthetic-small", "--months", "2", "--replications", "4", "--quiet");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).startsWith("stdout: the result could not be written");
  }
}
