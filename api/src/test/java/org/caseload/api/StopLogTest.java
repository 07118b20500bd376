package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * A stop (SIGTERM, Ctrl-C) is logged with the runs it fails, and its end: the server had
 * stopped without a line, so an operator reading its log could not tell a stop from a crash.
 */
@ExtendWith(VertxExtension.class)
class StopLogTest {

  @Test
  void aStop_isLoggedWithTheRunsItFails(Vertx vertx) {
    Logger logger = (Logger) LoggerFactory.getLogger(CaseloadServer.class);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    logger.addAppender(events);
    try {
      TestServer api = TestServer.start(vertx);
      try {
        String run = api.submit("/api/v1/runs", RunApiTest.longRun());
        api.awaitProgress(run, Duration.ofSeconds(60));
      } finally {
        api.close();
      }
      List<String> lines = events.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
      assertThat(lines).anySatisfy(line -> assertThat(line)
          .startsWith("stopping: 1 running and 0 queued runs stored as failed"));
      assertThat(lines.get(lines.size() - 1)).isEqualTo("stopped");
    } finally {
      logger.detachAppender(events);
    }
  }
}
