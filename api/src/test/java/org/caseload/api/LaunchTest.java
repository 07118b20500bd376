package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/**
 * How the API module's commands end: a bad setting exits 2 with one line naming it; an
 * {@link IllegalArgumentException} of another kind is a failure of ours (exit 1, with its
 * trace), not blamed on the user's flags as it had been.
 */
class LaunchTest {

  @Command(name = "fails")
  static final class Failing implements Callable<Integer> {
    private final RuntimeException failure;

    Failing(RuntimeException failure) {
      this.failure = failure;
    }

    @Override
    public Integer call() {
      throw failure;
    }
  }

  private static int launch(RuntimeException failure, StringWriter err) {
    return Launch.execute("fails", new Failing(failure), new PrintWriter(new StringWriter()),
        new PrintWriter(err, true));
  }

  @Test
  void aBadSetting_exitsTwoWithOneLineNamingIt() {
    StringWriter err = new StringWriter();

    int code = launch(new BadSettingException("--port", "must be between 0 and 65535, was -1"),
        err);

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("caseload fails: --port: must be between 0 and"
        + " 65535, was -1" + System.lineSeparator());
  }

  @Test
  void anotherIllegalArgument_isOurFailure_exitOneWithItsTrace() {
    StringWriter err = new StringWriter();

    int code = launch(new IllegalArgumentException("an internal check"), err);

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("java.lang.IllegalArgumentException: an internal check")
        .contains("\tat ");
  }
}
