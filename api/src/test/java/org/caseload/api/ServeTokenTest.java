package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code CASELOAD_API_TOKEN}: unset serves without a token; set but blank is refused. */
class ServeTokenTest {

  @Test
  void blankToken_isRefused_unsetIsNone_setIsUsed() {
    assertThatThrownBy(() -> ServeCommand.token(Map.of("CASELOAD_API_TOKEN", "")))
        .isInstanceOf(BadSettingException.class).hasMessageContaining("set but empty");
    assertThatThrownBy(() -> ServeCommand.token(Map.of("CASELOAD_API_TOKEN", "  ")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ServeCommand.token(Map.of())).isNull();
    assertThat(ServeCommand.token(Map.of("CASELOAD_API_TOKEN", "s3cret"))).isEqualTo("s3cret");
  }

  /**
   * A token no client can send (a header loses its surrounding whitespace and splits on
   * spaces) is refused at start; the server had started and answered every request 401.
   */
  @Test
  void tokenNoClientCanSend_isRefused() {
    for (String token : new String[] {"s3cret-from-a-file\n", " s3cret", "s3cret ", "s3 cret",
        "s3cr\tet", "s3cr\u00e9t", "s3cr\u0000et"}) {
      assertThatThrownBy(() -> ServeCommand.token(Map.of("CASELOAD_API_TOKEN", token)))
          .as(token).isInstanceOf(BadSettingException.class)
          .hasMessageContaining("CASELOAD_API_TOKEN: has")
          .hasMessageContaining("no client can send it");
    }
    assertThatThrownBy(() -> ServeCommand.token(Map.of("CASELOAD_API_TOKEN", "abc\n")))
        .hasMessageContaining("at its end (a file's newline?)");
    String visible = "A-z_0.9~+/=!#$%&'*,;:<>?@[]^`{|}\"";
    assertThat(ServeCommand.token(Map.of("CASELOAD_API_TOKEN", visible))).isEqualTo(visible);
  }

  @Test
  void shortToken_isWarnedOf() {
    assertThat(ServeCommand.tokenWarning("s3cret")).contains("only 6 characters");
    assertThat(ServeCommand.tokenWarning("0123456789abcdef")).isNull();
    assertThat(ServeCommand.tokenWarning(null)).isNull();
  }
}
