package org.caseload.api.http;

import java.util.List;
import java.util.Map;

/**
 * A client error or an unavailable service, as an RFC 9457 problem: the status, a title and
 * always at least one field with its reason (a JSON path, a parameter, a header, or the
 * request's {@code path}, {@code method} or {@code body}). A long list is cut to the first
 * {@link #MAX_ERRORS}; the detail then gives how many there were.
 *
 * @implNote Immutable and thread-safe.
 */
public final class ApiProblem extends RuntimeException {

  /** The most field errors one problem lists. */
  public static final int MAX_ERRORS = 100;

  /**
   * One thing wrong with the request: where (a JSON path, a parameter) and why. What the
   * reason quotes ({@code 'VALUE'} or {@code "VALUE"}: a quote after neither a letter nor a
   * digit, to the first of its kind followed by neither, so not an apostrophe in a word) is
   * cut to its first {@link Bodies#SHOWN} characters, wherever the reason was written: a
   * lever's unknown team or a target quoted in a reason of the simulator's had repeated all
   * of what was sent. In one pass, linear in the reason's length (a regular expression had
   * taken seconds on a reason of thousands of unclosed quotes).
   */
  public record FieldError(String field, String reason) {

    public FieldError {
      reason = cutQuoted(reason);
    }

    static String cutQuoted(String reason) {
      if (reason == null) {
        return null;
      }
      int n = reason.length();
      // closes[k][i]: the first j >= i where quote k closes (followed by neither), else n
      char[] quotes = {'\'', '"'};
      int[][] closes = new int[2][n + 1];
      for (int k = 0; k < 2; k++) {
        closes[k][n] = n;
        for (int i = n - 1; i >= 0; i--) {
          boolean closing = reason.charAt(i) == quotes[k]
              && (i + 1 == n || !Character.isLetterOrDigit(reason.charAt(i + 1)));
          closes[k][i] = closing ? i : closes[k][i + 1];
        }
      }
      StringBuilder out = new StringBuilder(n);
      int i = 0;
      while (i < n) {
        char c = reason.charAt(i);
        int k = c == '\'' ? 0 : c == '"' ? 1 : -1;
        boolean opening = k >= 0 && (i == 0 || !Character.isLetterOrDigit(reason.charAt(i - 1)));
        int close = opening && i + 1 <= n ? closes[k][i + 1] : n;
        if (!opening || close == n) {
          out.append(c);
          i++;
          continue;
        }
        String quoted = reason.substring(i + 1, close);
        // a value Bodies.shown has cut already is left as it is
        boolean cut = quoted.length() == Bodies.SHOWN + 3 && quoted.endsWith("...");
        out.append(c).append(quoted.length() > Bodies.SHOWN && !cut ? Bodies.shown(quoted)
            : quoted).append(c);
        i = close + 1;
      }
      return out.toString();
    }
  }

  private final int status;
  private final String title;
  private final List<FieldError> errors;
  private final Map<String, String> headers;

  private ApiProblem(int status, String title, List<FieldError> errors, int total,
      Map<String, String> headers) {
    super(detail(errors, total), null, false, false);
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a problem names at least one field");
    }
    this.status = status;
    this.title = title;
    this.errors = List.copyOf(errors.subList(0, Math.min(errors.size(), MAX_ERRORS)));
    this.headers = Map.copyOf(headers);
  }

  private static ApiProblem of(int status, String title, String field, String reason) {
    return new ApiProblem(status, title, List.of(new FieldError(field, reason)), 1, Map.of());
  }

  private static String detail(List<FieldError> errors, int total) {
    if (errors.isEmpty()) {
      return "";
    }
    FieldError first = errors.get(0);
    return total <= 1 ? first.field() + ": " + first.reason()
        : total + " problems, the first " + first.field() + ": " + first.reason();
  }

  /** 400: one field is wrong. */
  public static ApiProblem badField(String field, String reason) {
    return of(400, "Invalid request", field, reason);
  }

  /** 400: these fields are wrong. */
  public static ApiProblem badFields(List<FieldError> errors) {
    return badFields(errors, errors.size());
  }

  /** 400: {@code total} fields are wrong, of which {@code errors} (the first ones) are shown. */
  public static ApiProblem badFields(List<FieldError> errors, int total) {
    return new ApiProblem(400, "Invalid request", errors, Math.max(total, errors.size()),
        Map.of());
  }

  /** 401: the bearer token is missing or wrong. */
  public static ApiProblem unauthorized(String reason) {
    return new ApiProblem(401, "Unauthorized", List.of(new FieldError("Authorization", reason)),
        1, Map.of("WWW-Authenticate", "Bearer realm=\"caseload\""));
  }

  /** 404: {@code field} (a path parameter, a body field, or {@code path}) names nothing. */
  public static ApiProblem notFound(String field, String reason) {
    return of(404, "Not found", field, reason);
  }

  /** 405 with the methods the resource has. */
  public static ApiProblem methodNotAllowed(String method, String allow) {
    return new ApiProblem(405, "Method not allowed", List.of(new FieldError("method",
        "this resource does not support " + method + "; it supports " + allow)), 1,
        Map.of("Allow", allow));
  }

  /** 408: the request did not arrive in time. */
  public static ApiProblem timedOut(long seconds) {
    return of(408, "Request timeout", "body", "did not arrive within " + seconds
        + " seconds");
  }

  public static ApiProblem conflict(String field, String reason) {
    return of(409, "Conflict", field, reason);
  }

  /** 413: the body is larger than the server's limit. */
  public static ApiProblem tooLarge(long maxBodyBytes) {
    return of(413, "Body too large", "body", "is larger than this server's limit of "
        + maxBodyBytes + " bytes");
  }

  /**
   * 416: a {@code Range} of the page's files that the file does not have; Vert.x's static
   * handler has put the file's length in {@code Content-Range}.
   */
  public static ApiProblem rangeNotSatisfiable() {
    return of(416, "Range not satisfiable", "Range", "asks for bytes this file does not have"
        + " (Content-Range gives its length)");
  }

  /** 414: the request line is longer than the server reads. */
  public static ApiProblem uriTooLong(int maxBytes) {
    return of(414, "URI too long", "path", "the request line is longer than " + maxBytes
        + " bytes");
  }

  /** 501: a transfer coding the server does not read (RFC 9112 section 6.1). */
  public static ApiProblem notImplemented(String field, String reason) {
    return new ApiProblem(501, "Not implemented", List.of(new FieldError(field, reason)), 1,
        Map.of("Connection", "close"));
  }

  /**
   * 411: a body framed by a transfer coding (chunked) instead of {@code Content-Length}; the
   * connection is closed, as what follows the chunks is not read as another request.
   */
  public static ApiProblem lengthRequired() {
    return new ApiProblem(411, "Length required", List.of(new FieldError("Transfer-Encoding",
        "is refused: send the body with Content-Length (a chunked body could smuggle a request"
        + " past a proxy, RFC 9112 section 6.3)")), 1, Map.of("Connection", "close"));
  }

  /** 417: an {@code Expect} the server does not meet (RFC 9110 section 10.1.1). */
  public static ApiProblem expectationFailed(String reason) {
    return of(417, "Expectation failed", "Expect", reason);
  }

  /** 415: the body is not JSON. */
  public static ApiProblem unsupportedMediaType(String reason) {
    return unsupportedMediaType("Content-Type", reason);
  }

  /** 415: the body is not in a form the server reads, as {@code header} says. */
  public static ApiProblem unsupportedMediaType(String header, String reason) {
    return of(415, "Unsupported media type", header, reason);
  }

  public static ApiProblem tooManyRuns(String reason, int retryAfterSeconds) {
    return new ApiProblem(429, "Too many runs", List.of(new FieldError("runs", reason)), 1,
        Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
  }

  /**
   * 429: the server is doing as much of something as it holds at once (another client's
   * downloads, say); {@code field} names what, with when to try again.
   */
  public static ApiProblem busy(String field, String reason, int retryAfterSeconds) {
    return new ApiProblem(429, "Too many requests", List.of(new FieldError(field, reason)), 1,
        Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
  }

  /** 431: the headers are larger than the server reads. */
  public static ApiProblem headersTooLarge(int maxBytes) {
    return of(431, "Request header fields too large", "headers", "are larger than "
        + maxBytes + " bytes in all");
  }

  /** 500: a bug, logged where it happened. */
  public static ApiProblem internal() {
    return of(500, "Internal error", "server", "an unexpected error; it has been logged");
  }

  /** 503 with Retry-After: {@code field} (the database, the server) cannot serve now. */
  public static ApiProblem unavailable(String field, String reason, int retryAfterSeconds) {
    return new ApiProblem(503, "Service unavailable", List.of(new FieldError(field, reason)),
        1, Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
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
