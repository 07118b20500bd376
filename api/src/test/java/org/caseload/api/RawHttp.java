package org.caseload.api;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written byte by byte, for requests no well-behaved client sends: raw paths,
 * missing or malformed Host, unknown methods, huge lines. One request per connection.
 */
final class RawHttp {

  /** A response as read off the socket; {@code status} is -1 when the server closed first. */
  record Response(int status, Map<String, String> headers, String body) {

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    boolean isProblem() {
      return "application/problem+json".equals(header("content-type"));
    }

    JsonObject json() {
      return new JsonObject(body);
    }

    @Override
    public String toString() {
      return status + " " + headers + " " + body;
    }
  }

  private RawHttp() {}

  /** A request with {@code Host}, {@code Connection: close} and these extra header lines. */
  static String request(String method, String target, String headers, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        + headers + (bytes.length > 0 || method.equals("POST") || method.equals("PUT")
            ? "Content-Length: " + bytes.length + "\r\n" : "")
        + "\r\n" + body;
  }

  static Response send(int port, String request) {
    return send(port, request.getBytes(StandardCharsets.UTF_8));
  }

  static Response send(int port, byte[] request) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      socket.getOutputStream().write(request);
      socket.getOutputStream().flush();
      return read(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads one response (the server closes after it: Connection: close). */
  static Response read(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        all.write(buffer, 0, n);
        if (complete(all.toString(StandardCharsets.ISO_8859_1))) {
          break;
        }
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError("no complete response within the timeout: " + all, e);
    } catch (java.net.SocketException e) {
      // reset by the server after its answer
    }
    return parse(all.toString(StandardCharsets.UTF_8));
  }

  private static boolean complete(String text) {
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      return false;
    }
    Map<String, String> headers = headers(text.substring(0, end));
    String length = headers.get("content-length");
    if (length != null) {
      return text.length() - end - 4 >= Integer.parseInt(length.strip());
    }
    return "chunked".equals(headers.get("transfer-encoding")) ? text.endsWith("0\r\n\r\n")
        : false;
  }

  private static Response parse(String text) {
    int end = text.indexOf("\r\n\r\n");
    if (text.isEmpty() || end < 0) {
      return new Response(-1, Map.of(), text);
    }
    String head = text.substring(0, end);
    int status = Integer.parseInt(head.split(" ", 3)[1]);
    Map<String, String> headers = headers(head);
    String body = text.substring(end + 4);
    if ("chunked".equals(headers.get("transfer-encoding"))) {
      body = dechunk(body);
    }
    return new Response(status, headers, body);
  }

  private static Map<String, String> headers(String head) {
    Map<String, String> headers = new LinkedHashMap<>();
    String[] lines = head.split("\r\n");
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).strip());
      }
    }
    return headers;
  }

  private static String dechunk(String body) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (at < body.length()) {
      int line = body.indexOf("\r\n", at);
      int size = Integer.parseInt(body.substring(at, line).strip(), 16);
      if (size == 0) {
        break;
      }
      out.append(body, line + 2, line + 2 + size);
      at = line + 2 + size + 2;
    }
    return out.toString();
  }
}
