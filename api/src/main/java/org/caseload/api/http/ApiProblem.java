package org.caseload.api.http;

import java.util.List;
import java.util.Map;

/**
 * A client error or an unavailable service, as an RFC 9457 problem: the status, a title, a
 * detail and, for bad input, each field with its reason.
 */
public final class ApiProblem extends RuntimeException {

  /** One thing wrong with the request: where (a JSON path, a parameter) and why. */
  public record FieldError(String field, String reason) {}

  private final int status;
  private final String title;
  private final List<FieldError> errors;
  private final Map<String, String> headers;

  public ApiProblem(int status, String title, String detail, List<FieldError> errors,
      Map<String, String> headers) {
    super(detail);
    this.status = status;
    this.title = title;
    this.errors = List.copyOf(errors);
    this.headers = Map.copyOf(headers);
  }

  /** 400: one field is wrong. */
  public static ApiProblem badField(String field, String reason) {
    return badFields(List.of(new FieldError(field, reason)));
  }

  /** 400: these fields are wrong. */
  public static ApiProblem badFields(List<FieldError> errors) {
    String detail = errors.size() == 1
        ? errors.get(0).field() + ": " + errors.get(0).reason()
        : errors.size() + " problems, the first " + errors.get(0).field() + ": "
            + errors.get(0).reason();
    return new ApiProblem(400, "Invalid request", detail, errors, Map.of());
  }

  public static ApiProblem notFound(String detail) {
    return new ApiProblem(404, "Not found", detail, List.of(), Map.of());
  }

  /** 404 for a reference inside a request body, naming the field. */
  public static ApiProblem notFound(String field, String reason) {
    return new ApiProblem(404, "Not found", field + ": " + reason,
        List.of(new FieldError(field, reason)), Map.of());
  }

  public static ApiProblem conflict(String detail) {
    return new ApiProblem(409, "Conflict", detail, List.of(), Map.of());
  }

  public static ApiProblem conflict(String field, String reason) {
    return new ApiProblem(409, "Conflict", field + ": " + reason,
        List.of(new FieldError(field, reason)), Map.of());
  }

  public static ApiProblem tooManyRuns(String detail, int retryAfterSeconds) {
    return new ApiProblem(429, "Too many runs", detail, List.of(),
        Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
  }

  public static ApiProblem unavailable(String detail, int retryAfterSeconds) {
    return new ApiProblem(503, "Service unavailable", detail, List.of(),
        Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public List<FieldError> errors() {
    return errors;
  }

  public Map<String, String> headers() {
    return headers;
  }
}
