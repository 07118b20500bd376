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
  void stdout_fullDisk_exits74WithTheReason() {
    StringWriter err = new StringWriter();
    int code = CaseloadCommand.execute(Stdout.over(failing("No space left on device")),
        new PrintWriter(err), "run", "--preset", "synthetic-small", "--months", "2",
        "--replications", "4", "--quiet");
    assertThat(code).isEqualTo(Stdout.OUTPUT_FAILED).isEqualTo(74);
    assertThat(err.toString())
        .isEqualTo("stdout: the output could not be written: no space left on device\n");
  }

  @Test
  void stdout_closedPipe_exits141Silently() {
    StringWriter err = new StringWriter();
    int code = CaseloadCommand.execute(Stdout.over(failing("Broken pipe")),
        new PrintWriter(err), "run", "--preset", "synthetic-small", "--months", "2",
        "--replications", "4", "--quiet");
    assertThat(code).isEqualTo(Stdout.CLOSED_PIPE).isEqualTo(141);
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void stdout_failingWithoutAReason_exits74() {
    StringWriter err = new StringWriter();
    int code = CaseloadCommand.execute(new PrintWriter(failing("No space left on device")),
        new PrintWriter(err), "presets");
    assertThat(code).isEqualTo(74);
    assertThat(err.toString()).isEqualTo("stdout: the output could not be written: a full disk"
        + " or a closed pipe?\n");
  }

  /** A reader that closes the pipe, as {@code head} does, ends a real process quietly. */
  @Test
  void stdout_closedByItsReader_inARealProcess() throws Exception {
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin",
        "java").toString(), "-cp", System.getProperty("java.class.path"),
        CaseloadCommand.class.getName(), "run", "--preset", "synthetic-small", "--months", "2",
        "--replications", "4", "--quiet")
        .redirectError(temp.resolve("err.txt").toFile()).start();
    child.getInputStream().close(); // before the JVM has started: its first write fails
    assertThat(child.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).isEqualTo(141);
    assertThat(Files.readString(temp.resolve("err.txt"))).isEmpty();
  }

  private static Writer failing(String reason) {
    return new Writer() {
      @Override
      public void write(char[] c, int off, int len) throws java.io.IOException {
        throw new java.io.IOException(reason);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
  }

  @Test
  void out_isTheScenarioFile_isRefusedAndTheFileKept() throws Exception {
    String medway = Files.readString(Path.of("../examples/synthetic-small.json"));
    Path scenario = Files.writeString(temp.resolve("s.json"), medway);
    Path link = Files.createSymbolicLink(temp.resolve("link.json"), scenario);
    for (Path out : new Path[] {scenario, link, temp.resolve("./sub/../s.json")}) {
      CliRunner.Result r = run("run", "--scenario", scenario.toString(), "--months", "2",
          "--replications", "4", "--quiet", "--out", out.toString());
      assertThat(r.code()).as(r.err()).isEqualTo(2);
      assertThat(r.err()).isEqualTo("--out: " + out + " is the --scenario file: the result"
          + " would replace it; give another file\n");
    }
    CliRunner.Result compared = run("compare", "--preset", "synthetic-small", "--variant",
        scenario.toString(), "--months", "2", "--replications", "4", "--quiet", "--out",
        link.toString());
    assertThat(compared.code()).isEqualTo(2);
    assertThat(compared.err()).contains("is the --variant file");
    CliRunner.Result projected = run("project", scenario.toString(), "--out",
        scenario.toString());
    assertThat(projected.code()).isEqualTo(2);
    assertThat(projected.err()).contains("is the scenario file");
    CliRunner.Result sought = run("goal-seek", "--scenario", scenario.toString(), "--lever",
        "posts:children=0..3", "--probability", "0.8", "--target",
        "caseload <= 20 at month 2", "--out", scenario.toString());
    assertThat(sought.code()).isEqualTo(2);
    assertThat(sought.err()).contains("is the --scenario file");
    assertThat(Files.readString(scenario)).isEqualTo(medway);
  }

  /**
   * A preset is read from the tool, but its file in the working folder (the repository's
   * presets/ or examples/, from which the tool is built) is an input too: an --out naming it
   * had replaced it with the command's table, exit 0 (found by an outside trial). Here the
   * working folder is the module's, so the preset's file is made there for the test.
   */
  @Test
  void out_isThePresetsFileInTheWorkingFolder_isRefusedAndTheFileKept() throws Exception {
    Path folder = Path.of("examples");
    assertThat(folder).as("the test makes this folder and removes it").doesNotExist();
    String text = Files.readString(Path.of("../examples/synthetic-small.json"));
    Path file = Files.writeString(Files.createDirectory(folder).resolve("synthetic-small.json"),
        text);
    try {
      Path grid = Files.writeString(temp.resolve("grid.json"),
          "{\"preset\": \"synthetic-small\", \"axes\": {\"horizonMonths\": [2]}}");
      String[][] commands = {
          {"run", "--preset", "Synthetic-Small", "--months", "2", "--replications", "4",
              "--quiet"},
          {"project", "synthetic-small", "--months", "2"},
          {"compare", "--preset", "medway-2019", "--variant", "synthetic-small", "--months",
              "2", "--replications", "4", "--quiet"},
          {"goal-seek", "--preset", "synthetic-small", "--lever", "posts:children=0..3",
              "--probability", "0.8", "--target", "caseload <= 20 at month 2", "--quiet"},
          {"sensitivity", "--preset", "synthetic-small", "--metric", "caseload", "--month",
              "2", "--quiet"},
          {"sweep", grid.toString(), "--replications", "4", "--quiet"}};
      for (String[] command : commands) {
        for (String out : new String[] {"examples/synthetic-small.json",
            "./examples/../examples/synthetic-small.json"}) {
          String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(command),
              java.util.stream.Stream.of("--out", out)).toArray(String[]::new);
          CliRunner.Result r = run(args);
          assertThat(r.code()).as(command[0] + ": " + r.err()).isEqualTo(2);
          assertThat(r.err()).as(command[0]).isEqualTo("--out: " + out + " is the file of the"
              + " preset synthetic-small: the result would replace it; give another file\n");
          assertThat(Files.readString(file)).isEqualTo(text);
        }
      }
      // another preset's run may write where it likes
      assertThat(run("run", "--preset", "medway-2019", "--months", "1", "--replications", "2",
          "--quiet", "--out", temp.resolve("other.txt").toString()).code()).isZero();
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(folder);
    }
  }

  /**
   * The repository's file of the preset named from another working folder (an absolute path,
   * as from /tmp) is refused too: only a path below the working folder had been, and a run
   * from /tmp replaced presets/medway-2019.json, after which the rebuilt tool failed on every
   * use of the preset (an outside trial). The tests run in sim/, the repository one up.
   */
  @Test
  void out_isThePresetsFileInTheRepository_fromAnotherFolder_isRefused() throws Exception {
    Path file = Path.of("..", "examples", "synthetic-small.json").toAbsolutePath().normalize();
    String text = Files.readString(file);
    try {
      String refused = "--out: " + file + " is the file of the preset synthetic-small: the"
          + " result would replace it; give another file\n";
      CliRunner.Result r = runTo(file);
      assertThat(r.code()).as(r.err()).isEqualTo(2);
      assertThat(r.err()).isEqualTo(refused);
      // another preset's run, a scenario file's, a calibration's: any preset's file (a review)
      Path scenario = Files.writeString(temp.resolve("s.json"), text);
      for (String[] command : new String[][] {
          {"run", "--preset", "medway-2019", "--months", "1", "--replications", "2"},
          {"run", "--scenario", scenario.toString(), "--months", "1", "--replications", "2"},
          {"calibrate", "--la", "Medway", "--year", "2019"}}) {
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(command),
            java.util.stream.Stream.of("--quiet", "--out", file.toString()))
            .toArray(String[]::new);
        CliRunner.Result other = run(args);
        assertThat(other.code()).as(String.join(" ", command) + ": " + other.err()).isEqualTo(2);
        assertThat(other.err()).as(String.join(" ", command)).endsWith(refused);
      }
    } finally {
      if (!Files.readString(file).equals(text)) {
        Files.writeString(file, text); // never leave the repository's file replaced
      }
    }
    assertThat(Files.readString(file)).isEqualTo(text);
  }

  @Test
  void out_isTheSweepGridOrItsScenario_isRefused() throws Exception {
    Path scenario = Files.writeString(temp.resolve("s.json"),
        Files.readString(Path.of("../examples/synthetic-small.json")));
    String text = "{\"scenario\": \"s.json\", \"axes\": {\"horizonMonths\": [2]}}";
    Path grid = Files.writeString(temp.resolve("grid.json"), text);
    CliRunner.Result r = run("sweep", grid.toString(), "--replications", "4", "--quiet",
        "--out", grid.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("is the grid file");
    r = run("sweep", grid.toString(), "--replications", "4", "--quiet", "--out",
        scenario.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains("is the grid's scenario file");
    assertThat(Files.readString(grid)).isEqualTo(text);
  }
}
