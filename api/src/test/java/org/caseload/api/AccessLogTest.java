package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * {@code --access-log}: each request is logged when answered, a refused one (401, 404) too,
 * never its token; without the flag nothing is.
 */
@ExtendWith(VertxExtension.class)
class AccessLogTest {

  private static final String LOGGER = "io.vertx.ext.web.handler.LoggerHandler";
  private static final String TOKEN = "an-access-log-token-0123456789";

  private static List<String> requestsLogged(Vertx vertx, boolean accessLog) {
    Logger logger = (Logger) LoggerFactory.getLogger(LOGGER);
    ListAppender<ILoggingEvent> seen = new ListAppender<>();
    seen.start();
    logger.addAppender(seen);
    try (TestServer api = TestServer.start(vertx,
        c -> c.withToken(TOKEN).withAccessLog(accessLog))) {
      assertThat(api.get("/api/v1/presets").statusCode()).isEqualTo(200);
      WebClient anonymous = WebClient.create(vertx, new WebClientOptions()
          .setDefaultHost("127.0.0.1").setDefaultPort(api.server.port()));
      assertThat(anonymous.get("/api/v1/scenarios").send().await().statusCode()).isEqualTo(401);
      assertThat(api.get("/nowhere").statusCode()).isEqualTo(404);
      anonymous.close();
    } finally {
      logger.detachAppender(seen);
    }
    return seen.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  @Test
  void withTheFlag_everyRequestIsLoggedWithItsStatus_neverTheToken(Vertx vertx) {
    List<String> lines = requestsLogged(vertx, true);
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("GET /api/v1/presets", " 200 "));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("GET /api/v1/scenarios", " 401 "));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("GET /nowhere", " 404 "));
    assertThat(String.join("\n", lines)).doesNotContain(TOKEN);
  }

  @Test
  void withoutIt_nothingIsLogged(Vertx vertx) {
    assertThat(requestsLogged(vertx, false)).isEmpty();
  }
}
