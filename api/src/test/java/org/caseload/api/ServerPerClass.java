package org.caseload.api;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** A test class whose tests share one server with the test defaults, on a fresh database. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServerPerClass {

  protected TestServer api;

  @BeforeAll
  void start(Vertx vertx) {
    api = TestServer.start(vertx);
  }

  @AfterAll
  void stop() {
    if (api != null) {
      api.close();
    }
  }
}
