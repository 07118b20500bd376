package org.caseload.api;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.caseload.api.http.Problems;
import org.slf4j.LoggerFactory;

/** What the server's problem handler logs while this is open: for tests that it logs nothing. */
final class LoggedProblems implements AutoCloseable {

  private final Logger logger = (Logger) LoggerFactory.getLogger(Problems.class);
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();

  LoggedProblems() {
    events.start();
    logger.addAppender(events);
  }

  List<ILoggingEvent> events() {
    return events.list;
  }

  @Override
  public void close() {
    logger.detachAppender(events);
  }
}
