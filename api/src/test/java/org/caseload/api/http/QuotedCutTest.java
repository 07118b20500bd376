package org.caseload.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A reason's quotes cut to 60 characters ({@link ApiProblem.FieldError}): the client's value,
 * never the server's words, in time linear in the reason's length.
 */
class QuotedCutTest {

  private static String cut(String reason) {
    return new ApiProblem.FieldError("f", reason).reason();
  }

  @Test
  void aLongQuoteIsCut_theServersWordsAreNot() {
    String q = "Q".repeat(90);
    assertThat(cut("unknown team '" + q + "'; teams: a, b"))
        .isEqualTo("unknown team '" + "Q".repeat(60) + "...'; teams: a, b");
    assertThat(cut("target \"caseload <= " + q + "\": not a number"))
        .isEqualTo("target \"caseload <= " + "Q".repeat(48) + "...\": not a number");
    // apostrophes in words open and close nothing; a short quote is left as it is
    String words = "the team's caseload and the workers' cases, as the lever's 'campaign' sets"
        + " them over the council's " + "long words ".repeat(10);
    assertThat(cut(words)).isEqualTo(words);
    // a value Bodies.shown cut already is not cut again; an unclosed quote is left
    String shown = "'" + "Q".repeat(60) + "...' is not a parameter";
    assertThat(cut(shown)).isEqualTo(shown);
    assertThat(cut("was '" + q)).isEqualTo("was '" + q);
    assertThat(cut("'' and \"\"")).isEqualTo("'' and \"\"");
    assertThat(cut(null)).isNull();
  }

  /** A megabyte of quotes that never close (a regular expression had taken minutes). */
  @Test
  void unclosedQuotes_takeLinearTime() {
    String hostile = "must be a date, was \" " + "-'a".repeat(350_000);
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      assertThat(cut(hostile)).hasSize(hostile.length());
    });
  }
}
