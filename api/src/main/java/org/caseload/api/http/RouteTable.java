package org.caseload.api.http;

import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which methods each path of the API has: the contract's operations and the plain routes
 * beside them. A 405's {@code Allow} header comes from here.
 *
 * @implNote Immutable once built and thread-safe.
 */
final class RouteTable {

  private record Entry(Pattern path, List<String> methods) {}

  private final List<Entry> entries;

  private RouteTable(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /**
   * The contract's paths, and {@code extraGets}, each answering GET only ({@code /x/*} every
   * path under {@code /x/}).
   */
  static RouteTable of(OpenAPIContract contract, List<String> extraGets) {
    Map<String, TreeSet<String>> methods = new LinkedHashMap<>();
    for (Operation operation : contract.operations()) {
      methods.computeIfAbsent(operation.getOpenAPIPath(), p -> new TreeSet<>())
          .add(operation.getHttpMethod().name());
    }
    extraGets.forEach(p -> methods.computeIfAbsent(p, k -> new TreeSet<>()).add("GET"));
    List<Entry> entries = new ArrayList<>();
    methods.forEach((path, names) -> entries.add(new Entry(pattern(path), List.copyOf(names))));
    return new RouteTable(entries);
  }

  /**
   * A path's pattern: {@code {name}} is one segment; a path ending in {@code *} is every path
   * under it (the page's files: {@code /assets/*} holds a folder of its own).
   */
  private static Pattern pattern(String path) {
    boolean under = path.endsWith("*");
    String exact = Pattern.quote(under ? path.substring(0, path.length() - 1) : path)
        .replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
    return Pattern.compile(under ? exact + ".+" : exact);
  }

  /**
   * The methods {@code path} answers, as an Allow header ({@code ""} for an unknown path). A
   * slash at its end is the path without it, as the router routes it ({@code GET
   * /api/v1/runs/} had been a 405 allowing nothing).
   */
  String allow(String path) {
    String routed = path.length() > 1 && path.endsWith("/")
        ? path.substring(0, path.length() - 1) : path;
    for (Entry entry : entries) {
      if (entry.path().matcher(routed).matches()) {
        List<String> methods = new java.util.ArrayList<>(entry.methods());
        if (methods.contains("GET") && !methods.contains("HEAD")) {
          methods.add(methods.indexOf("GET") + 1, "HEAD"); // HeadAsGet answers it
        }
        return String.join(", ", methods);
      }
    }
    return "";
  }
}
