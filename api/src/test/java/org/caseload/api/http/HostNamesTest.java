package org.caseload.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The names a server answers to in Host, by the address it is bound to. No name is resolved. */
class HostNamesTest {

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "127.0.0.2", "localhost", "LOCALHOST", "::1",
      "::1%lo", "0:0:0:0:0:0:0:1"})
  void aLoopbackServer_answersOnlyToLocalhostAndAddresses(String bind) {
    HostNames names = HostNames.of(bind, List.of());
    for (String host : List.of("localhost", "LocalHost", "localhost.", "127.0.0.1",
        "10.0.0.7", "[::1]", "::1")) {
      assertThat(names.allows(host)).as(bind + " answers " + host).isTrue();
    }
    for (String host : List.of("evil.example", "localhost.evil.example", "127.0.0.1.nip.io",
        "caseload", "[evil.example]", "[v1.evil]", "2130706433", "0x7f.1")) {
      assertThat(names.allows(host)).as(bind + " refuses " + host).isFalse();
    }
  }

  /** This machine's own name resolves to loopback here (as 127.0.1.1 on Debian), if it does. */
  @Test
  void aServerBoundByANameThatResolvesToLoopback_isALoopbackServer() throws Exception {
    String own = java.net.InetAddress.getLocalHost().getHostName();
    boolean loopback = java.net.InetAddress.getByName(own).isLoopbackAddress();
    assertThat(HostNames.of(own, List.of()).allows("evil.example")).as(own)
        .isEqualTo(!loopback);
    assertThat(HostNames.of("localhost", List.of()).allows("evil.example")).isFalse();
  }

  @Test
  void allowedHostsAreAnsweredToo_inAnyCase() {
    HostNames names = HostNames.of("127.0.0.1", List.of("Caseload.Council.GOV.uk"));
    assertThat(names.allows("caseload.council.gov.uk")).isTrue();
    assertThat(names.allows("CASELOAD.council.gov.uk.")).isTrue();
    assertThat(names.allows("other.council.gov.uk")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "10.1.2.3", "caseload-host"})
  void aServerOnAnotherAddress_answersToAnyNameUnlessNamesAreGiven(String bind) {
    assertThat(HostNames.of(bind, List.of()).allows("anything.example")).isTrue();
    HostNames named = HostNames.of(bind, List.of("caseload.example"));
    assertThat(named.allows("caseload.example")).isTrue();
    assertThat(named.allows("anything.example")).isFalse();
    assertThat(named.allows("10.1.2.3")).isTrue();
  }

  @Test
  void anAllowedHostThatIsNotAName_isRefused() {
    for (String name : List.of("evil example", "", "a/b", "-dash", "x".repeat(300))) {
      assertThatThrownBy(() -> HostNames.of("127.0.0.1", List.of(name))).as(name)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("--allowed-host:");
    }
  }
}
