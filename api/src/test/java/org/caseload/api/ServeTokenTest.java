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
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("set but empty");
    assertThatThrownBy(() -> ServeCommand.token(Map.of("CASELOAD_API_TOKEN", "  ")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ServeCommand.token(Map.of())).isNull();
    assertThat(ServeCommand.token(Map.of("CASELOAD_API_TOKEN", "s3cret"))).isEqualTo("s3cret");
  }
}
