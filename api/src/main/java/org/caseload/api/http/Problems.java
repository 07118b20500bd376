package org.caseload.api.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorErrorType;
import io.vertx.openapi.validation.ValidatorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseload.api.runs.CannotCancelException;
import org.caseload.api.runs.QueueFullException;
import org.caseload.api.store.Database;
import org.caseload.api.store.NotFoundException;
import org.caseload.api.store.StaleVersionException;
import org.caseload.core.scenario.ScenarioJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into an {@code application/problem+json} response: our own problems,
 * the OpenAPI validator's (400 naming the field), unknown paths and methods, oversized
 * bodies, a lost database (503). Anything else is a 500, logged with its stack.
 */
public final class Problems {

  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
  private static final Pattern PARAMETER = Pattern.compile("parameter (\\w+)");
  private static final Pattern REQUIRED =
      Pattern.compile("does not have required property \"([^\"]+)\"");
  private static final int RETRY_SECONDS = 5;
  private static final ApiProblem.FieldError NOT_JSON =
      new ApiProblem.FieldError("body", "is not valid JSON");

  private final long maxBodyBytes;

  /** @param maxBodyBytes the body limit, named in 413s */
  Problems(long maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  /** The router's failure handler. */
  void handle(RoutingContext rc) {
    if (rc.response().headWritten()) {
      rc.response().reset();
      return;
    }
    ApiProblem problem = rc.failure() == null && rc.statusCode() == 413 ? tooLarge()
        : problem(rc.failure(), rc.statusCode());
    if (problem.errors().equals(List.of(NOT_JSON))) {
      try {
        Bodies.object(rc);
      } catch (ApiProblem precise) {
        problem = precise;
      }
    }
    send(rc, problem);
  }

  ApiProblem tooLarge() {
    return new ApiProblem(413, "Body too large", "the request body is larger than this"
        + " server's limit of " + maxBodyBytes + " bytes", List.of(), Map.of());
  }

  /** The problem a failure stands for. */
  static ApiProblem problem(Throwable failure, int status) {
    if (failure instanceof HttpException http) {
      failure = http.getCause();
    }
    if (failure == null) {
      return byStatus(status);
    }
    if (failure instanceof ApiProblem p) {
      return p;
    }
    if (failure instanceof SchemaValidationException e) {
      return schemaProblem(e);
    }
    if (failure instanceof ValidatorException e) {
      return validatorProblem(e);
    }
    if (failure instanceof NotFoundException e) {
      return ApiProblem.notFound(e.getMessage());
    }
    if (failure instanceof StaleVersionException e) {
      return ApiProblem.conflict("version", e.getMessage());
    }
    if (failure instanceof CannotCancelException e) {
      return ApiProblem.conflict(e.getMessage());
    }
    if (failure instanceof QueueFullException e) {
      return ApiProblem.tooManyRuns(e.getMessage(), RETRY_SECONDS);
    }
    if (failure instanceof IllegalStateException e && "the server is stopping".equals(
        e.getMessage())) {
      return ApiProblem.unavailable(e.getMessage(), RETRY_SECONDS);
    }
    if (Database.isUnavailable(failure)) {
      LOG.warn("database unavailable: {}", failure.toString());
      return ApiProblem.unavailable("the database is unavailable; try again shortly",
          RETRY_SECONDS);
    }
    LOG.error("unhandled failure", failure);
    return new ApiProblem(500, "Internal error", "an unexpected error; it has been logged",
        List.of(), Map.of());
  }

  private static ApiProblem byStatus(int status) {
    return switch (status) {
      case 404 -> ApiProblem.notFound("no such resource");
      case 405 -> new ApiProblem(405, "Method not allowed",
          "this resource does not support the method", List.of(), Map.of());
      case 415 -> new ApiProblem(415, "Unsupported media type",
          "send the body as application/json", List.of(), Map.of());
      case 401 -> new ApiProblem(401, "Unauthorized", "a bearer token is required", List.of(),
          Map.of("WWW-Authenticate", "Bearer"));
      default -> status >= 400 && status < 500
          ? new ApiProblem(status, "Bad request", "the request was refused", List.of(), Map.of())
          : new ApiProblem(500, "Internal error", "an unexpected error; it has been logged",
              List.of(), Map.of());
    };
  }

  private static ApiProblem schemaProblem(SchemaValidationException e) {
    List<ApiProblem.FieldError> errors = new ArrayList<>();
    String parameter = parameterOf(e.getMessage());
    collect(e.getOutputUnit(), parameter, errors);
    if (errors.isEmpty()) {
      errors.add(new ApiProblem.FieldError(parameter == null ? "body" : parameter,
          e.getMessage()));
    }
    return ApiProblem.badFields(errors);
  }

  /**
   * The innermost errors of a JSON Schema output, each at its field. A property that fails
   * its own schema is also reported as not matching "additionalProperties"; that echo is
   * dropped, and a property that fails only there is an unknown field.
   */
  private static void collect(OutputUnit unit, String parameter, List<ApiProblem.FieldError> into) {
    List<OutputUnit> leaves = new ArrayList<>();
    leaves(unit, leaves);
    java.util.Set<String> specific = new java.util.HashSet<>();
    for (OutputUnit leaf : leaves) {
      if (!echo(leaf)) {
        specific.add(String.valueOf(leaf.getInstanceLocation()));
      }
    }
    for (OutputUnit leaf : leaves) {
      String location = String.valueOf(leaf.getInstanceLocation());
      String keyword = String.valueOf(leaf.getKeywordLocation());
      String reason;
      if (!echo(leaf)) {
        if (String.valueOf(leaf.getError()).startsWith("A subschema had errors")
            && leaves.size() > 1) {
          continue; // the specific error is another leaf
        }
        reason = SchemaMessages.plain(leaf.getError());
      } else if (keyword.endsWith("/additionalProperties") && !specific.contains(location)) {
        reason = "is not a known field";
      } else {
        continue;
      }
      String field = field(leaf.getInstanceLocation(), parameter);
      Matcher required = REQUIRED.matcher(reason);
      if (required.find()) {
        field = field.equals("body") ? required.group(1) : field + "." + required.group(1);
        reason = "is required";
      }
      ApiProblem.FieldError error = new ApiProblem.FieldError(field, reason);
      if (!into.contains(error)) {
        into.add(error);
      }
    }
  }

  private static boolean echo(OutputUnit leaf) {
    String keyword = String.valueOf(leaf.getKeywordLocation());
    return keyword.endsWith("/properties") || keyword.endsWith("/additionalProperties");
  }

  private static void leaves(OutputUnit unit, List<OutputUnit> into) {
    if (unit == null) {
      return;
    }
    if (unit.getErrors() != null && !unit.getErrors().isEmpty()) {
      unit.getErrors().forEach(inner -> leaves(inner, into));
    } else if (unit.getError() != null) {
      into.add(unit);
    }
  }

  private static ApiProblem validatorProblem(ValidatorException e) {
    String message = e.getMessage() == null ? "invalid request" : e.getMessage();
    if (e.type() == ValidatorErrorType.UNSUPPORTED_VALUE_FORMAT
        && message.contains("request body")) {
      return new ApiProblem(415, "Unsupported media type",
          "Content-Type: send the body as application/json",
          List.of(new ApiProblem.FieldError("Content-Type", "must be application/json")),
          Map.of());
    }
    if (e.type() == ValidatorErrorType.ILLEGAL_VALUE && message.contains("request body")) {
      return ApiProblem.badFields(List.of(NOT_JSON));
    }
    if (e.type() == ValidatorErrorType.MISSING_REQUIRED_PARAMETER
        && message.contains("required body")) {
      return ApiProblem.badField("body", "is empty; send a JSON object");
    }
    String parameter = parameterOf(message);
    return ApiProblem.badField(parameter == null ? "body" : parameter, message);
  }

  private static String parameterOf(String message) {
    if (message == null) {
      return null;
    }
    Matcher m = PARAMETER.matcher(message);
    return m.find() ? m.group(1) : null;
  }

  /** A JSON pointer ({@code /variants/0/preset}) as a path ({@code variants[0].preset}). */
  static String field(String pointer, String parameter) {
    String location = pointer == null ? "" : pointer.replaceFirst("^#", "");
    StringBuilder path = new StringBuilder(parameter == null ? "" : parameter);
    for (String part : location.split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      String name = part.replace("~1", "/").replace("~0", "~");
      if (name.chars().allMatch(Character::isDigit)) {
        path.append('[').append(name).append(']');
      } else {
        path.append(path.length() == 0 ? "" : ".").append(name);
      }
    }
    return path.length() == 0 ? "body" : path.toString();
  }

  /** Writes {@code problem} as the response. */
  public static void send(RoutingContext rc, ApiProblem problem) {
    ObjectNode body = ScenarioJson.mapper().createObjectNode();
    body.put("type", "about:blank");
    body.put("title", problem.title());
    body.put("status", problem.status());
    body.put("detail", problem.getMessage());
    if (!problem.errors().isEmpty()) {
      ArrayNode errors = body.putArray("errors");
      problem.errors().forEach(e -> errors.addObject().put("field", e.field())
          .put("reason", e.reason()));
    }
    body.put("instance", rc.request().path());
    problem.headers().forEach(rc.response()::putHeader);
    rc.response().setStatusCode(problem.status())
        .putHeader("Content-Type", "application/problem+json")
        .end(body.toString());
  }
}
