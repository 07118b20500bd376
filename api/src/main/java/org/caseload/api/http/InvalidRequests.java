package org.caseload.api.http;

import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;

/**
 * Requests the HTTP codec could not read (a request line or headers beyond the server's
 * limits, a malformed request) answered as problems: 414 naming {@code path}, 431 naming
 * {@code headers}, 400 naming {@code request}; the server then closes the connection.
 *
 * @implNote Immutable and thread-safe.
 */
public final class InvalidRequests implements Handler<HttpServerRequest> {

  private final int maxLineBytes;
  private final int maxHeaderBytes;
  private final boolean accessLog;
  private final String token;

  /**
   * Refusals of requests beyond these limits; each logged when answered if {@code accessLog},
   * never showing {@code token} (the server's, or null).
   */
  public InvalidRequests(int maxLineBytes, int maxHeaderBytes, boolean accessLog,
      String token) {
    this.maxLineBytes = maxLineBytes;
    this.maxHeaderBytes = maxHeaderBytes;
    this.accessLog = accessLog;
    this.token = token;
  }

  @Override
  public void handle(HttpServerRequest request) {
    Throwable cause = request.decoderResult() == null ? null : request.decoderResult().cause();
    if (accessLog) {
      // a line too long is not read: the codec makes up GET /bad-request in its place
      AccessLogLine.whenAnswered(request, !(cause instanceof TooLongHttpLineException)
          && !"/bad-request".equals(request.uri()), token);
    }
    ApiProblem problem;
    if (cause instanceof TooLongHttpLineException) {
      problem = ApiProblem.uriTooLong(maxLineBytes);
    } else if (cause instanceof TooLongHttpHeaderException) {
      problem = ApiProblem.headersTooLarge(maxHeaderBytes);
    } else if (cause instanceof TooLongFrameException) {
      problem = ApiProblem.badField("request", "has a part longer than this server reads");
    } else {
      problem = ApiProblem.badField("request", "is not a valid HTTP/1.1 request");
    }
    RequestGuard.everyAnswer(request.response());
    request.response().setStatusCode(problem.status())
        .putHeader("Content-Type", "application/problem+json")
        .putHeader("Connection", "close")
        .end(Problems.json(problem, null));
  }
}
