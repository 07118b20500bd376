package org.caseload.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpClosedException;
import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

/**
 * Which failures are the client's going (a 400 that is neither logged nor counted) and which
 * are the server's: a connection the server could not make to its database is the server's,
 * however early it comes back.
 */
class ClientGoneTest {

  @Test
  void theClientClosingOrResettingWhileItsRequestArrives_isTheClients() {
    assertThat(Problems.clientGone(new HttpClosedException("closed"), true)).isTrue();
    assertThat(Problems.clientGone(new IOException("Connection reset by peer"), false)).isTrue();
  }

  @Test
  void theDatabaseRefusingAConnection_isNeverTheClients() {
    // the race DatabaseLossTest met once: the refusal back before the GET was marked ended
    assertThat(Problems.clientGone(new ConnectException("Connection refused"), false)).isFalse();
    assertThat(Problems.clientGone(new ConnectException("Connection refused"), true)).isFalse();
  }

  @Test
  void anIoFailureOnceTheRequestHasArrived_isNotTheClientsGoing() {
    assertThat(Problems.clientGone(new IOException("disk"), true)).isFalse();
  }
}
