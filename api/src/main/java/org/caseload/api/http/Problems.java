package org.caseload.api.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.DecoderException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorErrorType;
import io.vertx.openapi.validation.ValidatorException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseload.api.runs.CannotCancelException;
import org.caseload.api.runs.QueueFullException;
import org.caseload.api.runs.ServerStoppingException;
import org.caseload.api.store.Database;
import org.caseload.api.store.NotFoundException;
import org.caseload.api.store.StaleVersionException;
import org.caseload.core.scenario.ScenarioJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into an {@code application/problem+json} response naming the field
 * and the reason: our own problems, the OpenAPI validator's (400), unknown paths (404) and
 * methods (405 with Allow), oversized bodies (413), a lost database (503). Anything else is
 * a 500, logged with its stack; no exception's class or message reaches the client.
 *
 * @implNote Immutable and thread-safe.
 */
public final class Problems {

  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
  private static final Pattern PARAMETER = Pattern.compile("parameter (\\w+)");
  static final int RETRY_SECONDS = 5;
  private static final ApiProblem.FieldError NOT_JSON =
      new ApiProblem.FieldError("body", "is not valid JSON");

  private final long maxBodyBytes;
  private final RouteTable routes;

  /**
   * @param maxBodyBytes the body limit, named in 413s
   * @param routes the methods of each path, for 405's Allow
   */
  Problems(long maxBodyBytes, RouteTable routes) {
    this.maxBodyBytes = maxBodyBytes;
    this.routes = routes;
  }

  /** The router's failure and error handler. */
  void handle(RoutingContext rc) {
    if (rc.response().headWritten()) {
      rc.response().reset();
      return;
    }
    if (clientGone(rc)) {
      // nothing to log or blame on the server: the client's (400), sent if it can still be
      if (!rc.response().closed()) {
        send(rc, ApiProblem.badField("body", "did not arrive: the client closed the"
            + " connection first"));
      }
      return;
    }
    ApiProblem problem = problem(rc.failure(), rc.statusCode(), rc);
    if (problem.errors().equals(List.of(NOT_JSON))) {
      // the validator's reader says no more; ours says what and where
      String text = Utf8Body.text(rc);
      String reason = text == null ? null : JsonErrors.syntax(text);
      if (reason != null) {
        problem = ApiProblem.badField("body", reason);
      } else {
        try {
          Bodies.object(rc);
        } catch (ApiProblem precise) {
          problem = precise;
        }
      }
    }
    send(rc, problem);
  }

  /**
   * Whether the request failed because its client went while its body was being read (it
   * closed the connection, or reset it): logged as an error with its stack, or as the
   * database being unavailable (a reset is an IOException), and counted as a 500, these had
   * let anyone fill the log and the server's error count.
   */
  private static boolean clientGone(RoutingContext rc) {
    return clientGone(rc.failure(), rc.request().isEnded());
  }

  /**
   * {@link #clientGone(RoutingContext)} on its parts. A connection this server could not make
   * ({@code ConnectException}: the database refusing it) is never the client's: a GET's
   * scenario asked as the database stopped had been a 400 "did not arrive" when the refusal
   * came back before the request was marked ended (seen once under load in
   * {@code DatabaseLossTest}), where it is a 503.
   */
  static boolean clientGone(Throwable failure, boolean requestEnded) {
    return failure instanceof HttpClosedException
        || failure instanceof java.io.IOException && !(failure instanceof java.net.ConnectException)
            && !requestEnded;
  }

  /** The problem a failure (or, without one, a status) stands for. */
  private ApiProblem problem(Throwable failure, int status, RoutingContext rc) {
    if (failure instanceof HttpException http) {
      status = http.getStatusCode();
      failure = http.getCause();
    }
    if (failure == null) {
      return byStatus(status, rc);
    }
    if (failure instanceof ApiProblem p) {
      return p;
    }
    if (failure instanceof SchemaValidationException || failure instanceof ValidatorException) {
      String parameter = parameterOf(failure.getMessage());
      ApiProblem path = pathProblem(rc, parameter);
      if (path != null) {
        return path;
      }
      // a query value the validator could not read (?wait=%00) is said to be what it is
      String query = parameter == null ? null : rc.queryParams().get(parameter);
      String plain = query == null ? null : Text.problem(query);
      if (plain != null) {
        return ApiProblem.badField(parameter, plain);
      }
    }
    if (failure instanceof SchemaValidationException e) {
      String parameter = parameterOf(e.getMessage());
      return SchemaProblems.of(e, parameter,
          parameter == null ? body(rc) : parameterValue(rc, parameter),
          parameter == null ? exactBody(rc) : null);
    }
    if (failure instanceof ValidatorException e) {
      String undecodable = undecodableQueryParameter(rc);
      if (undecodable != null && parameterOf(e.getMessage()) == null) {
        // the contract's validator decodes query values a second time: a % in a decoded
        // value (sent as %25) fails there, unnamed; it had been refused as "body"
        return ApiProblem.badField(Bodies.shown(undecodable), "must not contain a % sign"
            + " (no parameter's value has one)");
      }
      return validatorProblem(e);
    }
    return domainProblem(failure);
  }

  /**
   * The problem of a path parameter the validator refused, said of the text as sent: every
   * path parameter is a string, but the validator reads one that looks like JSON ({@code -1},
   * {@code 1.5}, {@code []}, {@code {}}) as that JSON and then finds it is no string, or
   * cannot read it at all ({@code %00}). Null when {@code parameter} is not one of the path
   * (or is a preset name beyond the contract's length, which the validator says as it is).
   */
  private static ApiProblem pathProblem(RoutingContext rc, String parameter) {
    String raw = parameter == null ? null : rc.pathParam(parameter);
    if (raw == null) {
      return null;
    }
    String plain = Text.problem(raw);
    if (plain != null) {
      return ApiProblem.badField(parameter, plain);
    }
    if (parameter.endsWith("Id")) {
      return ApiProblem.badField(parameter, "must be a UUID");
    }
    if (parameter.equals("name") && raw.length() <= CatalogHandlers.MAX_NAME) {
      return CatalogHandlers.noPreset(raw);
    }
    return null;
  }

  /** The field naming a resource's id: {@code goal-seek} is {@code goalSeekId}. */
  static String idField(String resource) {
    StringBuilder field = new StringBuilder();
    boolean upper = false;
    for (char c : resource.toCharArray()) {
      if (c == '-') {
        upper = true;
      } else {
        field.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return field.append("Id").toString();
  }

  /** The problem of a failure from the stores or the run service. */
  static ApiProblem domainProblem(Throwable failure) {
    if (failure instanceof ApiProblem p) {
      return p;
    }
    if (failure instanceof NotFoundException e) {
      return ApiProblem.notFound(idField(e.resource()), "no " + e.resource() + " " + e.id());
    }
    if (failure instanceof StaleVersionException e) {
      return ApiProblem.conflict("version", e.getMessage());
    }
    if (failure instanceof CannotCancelException e) {
      return ApiProblem.conflict("status", e.getMessage());
    }
    if (failure instanceof QueueFullException e) {
      return ApiProblem.tooManyRuns(e.getMessage(), RETRY_SECONDS);
    }
    if (failure instanceof ServerStoppingException e) {
      return ApiProblem.unavailable("server", e.getMessage(), RETRY_SECONDS);
    }
    if (malformedBody(failure)) {
      return ApiProblem.badField("body", "could not be read: the HTTP decoder refused it");
    }
    if (Database.isUnavailable(failure)) {
      LOG.warn("database unavailable: {}", failure.toString());
      return ApiProblem.unavailable("database", "does not answer; try again shortly",
          RETRY_SECONDS);
    }
    LOG.error("unhandled failure", failure);
    return ApiProblem.internal();
  }

  /**
   * Whether {@code failure} is the HTTP decoder's refusal of a request's body, which reaches
   * the route's failure handler as it is (a DecoderException, or a NumberFormatException from
   * its code). Chunked bodies, where these arose (a chunk size not hexadecimal, a chunk line
   * too long), are refused before they are read (RequestGuard); this is the net under them.
   */
  private static boolean malformedBody(Throwable failure) {
    if (failure instanceof DecoderException) {
      return true;
    }
    StackTraceElement[] stack = failure.getStackTrace();
    return failure instanceof NumberFormatException && stack.length > 0
        && stack[0].getClassName().startsWith("io.netty.handler.codec.http.");
  }

  private ApiProblem byStatus(int status, RoutingContext rc) {
    HttpServerRequest request = rc.request();
    return switch (status) {
      case 400 -> ApiProblem.badField("path", "is not a valid URL path (check its"
          + " percent-encoding)");
      case 401 -> ApiProblem.unauthorized("is required: Bearer and this server's token");
      case 404 -> ApiProblem.notFound("path", "no resource has this path");
      case 405 -> ApiProblem.methodNotAllowed(Bodies.shown(request.method().name(), 20),
          routes.allow(rc.normalizedPath()));
      case 413 -> ApiProblem.tooLarge(maxBodyBytes);
      case 415 -> ApiProblem.unsupportedMediaType(JsonOnly.REASON);
      case 416 -> ApiProblem.rangeNotSatisfiable();
      default -> {
        if (status >= 400 && status < 500) {
          yield ApiProblem.badField("request", "was refused (" + status + ")");
        }
        LOG.error("unhandled failure with status {} on {} {}", status,
            MethodLabel.of(request.method()), rc.normalizedPath());
        yield ApiProblem.internal();
      }
    };
  }

  private static ApiProblem validatorProblem(ValidatorException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (e.type() == ValidatorErrorType.UNSUPPORTED_VALUE_FORMAT
        && message.contains("request body")) {
      return ApiProblem.unsupportedMediaType(JsonOnly.REASON);
    }
    if (e.type() == ValidatorErrorType.ILLEGAL_VALUE && message.contains("request body")) {
      return ApiProblem.badFields(List.of(NOT_JSON));
    }
    if (e.type() == ValidatorErrorType.MISSING_REQUIRED_PARAMETER
        && message.contains("required body")) {
      return ApiProblem.badField("body", "is empty; send a JSON object");
    }
    String parameter = parameterOf(message);
    return ApiProblem.badField(parameter == null ? "body" : parameter,
        e.type() == ValidatorErrorType.MISSING_REQUIRED_PARAMETER ? "is required"
            : "is not valid here");
  }

  /** The request's body decoded as JSON (for a problem to say what was sent), or null. */
  private static Object body(RoutingContext rc) {
    try {
      return rc.body() == null || rc.body().buffer() == null ? null
          : Json.decodeValue(rc.body().buffer());
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * The body as the API reads it, each number as written ({@code 1e-400} is not the double
   * 0.0), or null if it is not JSON.
   */
  private static com.fasterxml.jackson.databind.JsonNode exactBody(RoutingContext rc) {
    try {
      String text = Utf8Body.text(rc);
      return text == null ? null
          : org.caseload.core.scenario.ScenarioJson.inputMapper().readTree(text);
    } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
      return null;
    }
  }

  /** The first query parameter whose decoded value has a % sign, or null. */
  private static String undecodableQueryParameter(RoutingContext rc) {
    for (Map.Entry<String, String> entry : rc.queryParams()) {
      if (entry.getValue().indexOf('%') >= 0) {
        return entry.getKey();
      }
    }
    return null;
  }

  /** The text sent for a path or query parameter (null if absent or repeated). */
  private static Object parameterValue(RoutingContext rc, String name) {
    String path = rc.pathParam(name);
    if (path != null) {
      return path;
    }
    List<String> query = rc.queryParam(name);
    return query.size() == 1 ? query.get(0) : null;
  }

  private static String parameterOf(String message) {
    if (message == null) {
      return null;
    }
    Matcher m = PARAMETER.matcher(message);
    return m.find() ? m.group(1) : null;
  }

  /** Writes {@code problem} as the response. */
  public static void send(RoutingContext rc, ApiProblem problem) {
    send(rc.request(), problem);
  }

  /** Writes {@code problem} as the response to {@code request}. */
  static void send(HttpServerRequest request, ApiProblem problem) {
    problem.headers().forEach(request.response()::putHeader);
    String path = String.valueOf(request.path());
    request.response().setStatusCode(problem.status())
        .putHeader("Content-Type", "application/problem+json")
        // a path of raw bytes (refused) is not echoed as the Latin-1 text it was read as
        .end(json(problem, RequestGuard.visibleAscii(path) ? Bodies.shown(path, 200) : null));
  }

  /** The problem as an RFC 9457 document. */
  static String json(ApiProblem problem, String instance) {
    ObjectNode body = ScenarioJson.mapper().createObjectNode();
    body.put("type", "about:blank");
    body.put("title", problem.title());
    body.put("status", problem.status());
    body.put("detail", problem.getMessage());
    ArrayNode errors = body.putArray("errors");
    problem.errors().forEach(e -> errors.addObject().put("field", e.field())
        .put("reason", e.reason()));
    if (instance != null) {
      body.put("instance", instance);
    }
    return body.toString();
  }
}
