package org.caseload.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The host of a request target in absolute form, as written (RFC 9112 section 3.2.2). */
class AbsoluteTargetTest {

  @Test
  void hostOf_readsTheAuthority() {
    assertThat(RequestGuard.hostOf("http://evil.example/health")).isEqualTo("evil.example");
    assertThat(RequestGuard.hostOf("HTTP://user:pw@Plan_Server:8080/api?x=1"))
        .isEqualTo("Plan_Server");
    assertThat(RequestGuard.hostOf("http://[::1]:8080/health")).isEqualTo("[::1]");
    assertThat(RequestGuard.hostOf("http://127.0.0.1")).isEqualTo("127.0.0.1");
    assertThat(RequestGuard.hostOf("http:///health")).isNull();
    assertThat(RequestGuard.hostOf("http://[::1/health")).isNull();
  }
}
