package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * A server's start routes {@code java.util.logging} (the PostgreSQL JDBC driver's) to the
 * server's log: a record arrives at logback, and java.util.logging prints nothing of its own.
 */
@ExtendWith(VertxExtension.class)
class JavaLoggingTest {

  @Test
  void aJdbcDriversRecord_reachesTheServersLog(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx)) {
      assertThat(server.server.port()).isPositive();
    }
    Logger logger = (Logger) LoggerFactory.getLogger("org.postgresql.ssl.PGjdbcHostnameVerifier");
    ListAppender<ILoggingEvent> seen = new ListAppender<>();
    seen.start();
    logger.addAppender(seen);
    try {
      java.util.logging.Logger.getLogger("org.postgresql.ssl.PGjdbcHostnameVerifier")
          .severe("Server name validation failed: a test's record");
    } finally {
      logger.detachAppender(seen);
    }
    assertThat(seen.list).singleElement().satisfies(e -> {
      assertThat(e.getFormattedMessage()).isEqualTo(
          "Server name validation failed: a test's record");
      assertThat(e.getLevel().toString()).isEqualTo("ERROR");
    });
    assertThat(java.util.logging.Logger.getLogger("").getHandlers())
        .allMatch(h -> h instanceof org.slf4j.bridge.SLF4JBridgeHandler);
  }
}
