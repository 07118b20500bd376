package org.caseload.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded mutations of valid requests: bodies, paths, methods and headers. */
final class Mutations {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Tokens that replace a value in the JSON text (some are not JSON at all). */
  private static final List<String> RAW_VALUES = List.of("NaN", "Infinity", "-Infinity",
      "1e400", "-1e400", "123456789012345678901234567890", "-0", "1.5", "0x10", "01",
      "true", "null", "\"\"", "[]", "{}", "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00x\"",
      "\"a\\u0007b\"", "\"\\u202e\"", "9".repeat(2_000), "\"" + "\\u0000".repeat(50) + "\"");
  private static final List<String> PATHS = List.of("//", "/./", "/x/../", "/%2e/", "/%2F",
      "/%00", "/%ZZ", "/%", "/%u0041", "/%C0%AF", "/%E2%80%AE", "/;x=1/", "/%20/", "/~/",
      "/\\/", "/..%2F", "/%252e/");

  private Mutations() {}

  /** A mutation of the JSON text {@code valid}. */
  static String body(String valid, Random random) {
    JsonNode tree = read(valid);
    int kind = random.nextInt(16);
    switch (kind) {
      case 0, 1 -> replace(tree, random, wrongType(random));
      case 2, 3 -> remove(tree, random);
      case 4, 5 -> add(tree, random);
      case 6 -> {
        replace(tree, random, NODES.textNode("__DEEP__"));
        return tree.toString().replace("\"__DEEP__\"", nested(random.nextInt(3) == 0
            ? 2_000 : 900));
      }
      case 7 -> replace(tree, random, NODES.textNode(hostileText(random)));
      case 8 -> replace(tree, random, NODES.textNode("x".repeat(random.nextBoolean()
          ? 400_000 : 1_100_000)));
      case 9 -> {
        String text = tree.toString();
        return rawValue(text, random);
      }
      case 10 -> {
        String text = tree.toString();
        return text.substring(0, random.nextInt(text.length()));
      }
      case 11 -> {
        String text = tree.toString();
        int at = text.indexOf(':');
        return at < 0 ? text : "{" + text.substring(1, at) + ":1," + text.substring(1);
      }
      case 12 -> {
        return List.of("", "null", "[]", "1", "\"x\"", "{", "}", "{}{}", "\u0000",
            "\ufeff{}", "{\"a\":1}garbage", new String(new byte[] {(byte) 0xc3, (byte) 0x28},
                StandardCharsets.ISO_8859_1)).get(random.nextInt(12));
      }
      case 13 -> {
        ObjectNode flood = ((ObjectNode) tree.deepCopy());
        int n = 1 + random.nextInt(20_000);
        for (int i = 0; i < n; i++) {
          flood.put("unknown" + i, i);
        }
        return flood.toString();
      }
      case 14 -> {
        ObjectNode many = (ObjectNode) tree;
        ArrayNode big = many.putArray(random.nextBoolean() ? "targets" : "variants");
        int n = random.nextInt(5_000);
        for (int i = 0; i < n; i++) {
          big.add(random.nextBoolean() ? NODES.textNode("caseload <= " + i + " at month 1")
              : NODES.objectNode().put("preset", "synthetic-small"));
        }
      }
      default -> replace(tree, random, NODES.numberNode(List.of(Long.MAX_VALUE,
          Long.MIN_VALUE, -1L, 0L, (long) Integer.MAX_VALUE + 1, 100_001L)
          .get(random.nextInt(6))));
    }
    return tree.toString();
  }

  private static JsonNode read(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode wrongType(Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> NODES.textNode("12");
      case 1 -> NODES.numberNode(random.nextDouble() * 1e6);
      case 2 -> NODES.booleanNode(random.nextBoolean());
      case 3 -> NODES.nullNode();
      case 4 -> NODES.arrayNode().add(1).add("two");
      default -> NODES.objectNode().put("a", 1);
    };
  }

  /** Arrays and objects nested {@code depth} deep, as text (beyond what a writer writes). */
  private static String nested(int depth) {
    StringBuilder open = new StringBuilder();
    StringBuilder close = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      open.append(i % 2 == 0 ? "[" : "{\"n\":");
      close.append(i % 2 == 0 ? "]" : "}");
    }
    return open + "1" + close.reverse();
  }

  private static String hostileText(Random random) {
    return List.of("a\u0000b", "bell\u0007", "lone \ud800", "\udc00", "del\u007f",
        "c1\u0085", "crlf\r\nX-Injected: 1", "\u202eevil", "'; DROP TABLE runs; --",
        "../../etc/passwd", "${jndi:ldap://x}", "%s%n%x", "\ufffe\uffff").get(
            random.nextInt(13));
  }

  /** Every container of the tree (objects and arrays), for a mutation to pick one. */
  private static List<JsonNode> containers(JsonNode root) {
    List<JsonNode> all = new ArrayList<>();
    List<JsonNode> todo = new ArrayList<>(List.of(root));
    while (!todo.isEmpty()) {
      JsonNode node = todo.remove(todo.size() - 1);
      if (node.isContainerNode() && node.size() > 0) {
        all.add(node);
        node.forEach(todo::add);
      }
    }
    return all;
  }

  private static void replace(JsonNode root, Random random, JsonNode value) {
    List<JsonNode> all = containers(root);
    JsonNode at = all.get(random.nextInt(all.size()));
    if (at instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      object.set(names.get(random.nextInt(names.size())), value);
    } else if (at instanceof ArrayNode array) {
      array.set(random.nextInt(array.size()), value);
    }
  }

  private static void remove(JsonNode root, Random random) {
    List<JsonNode> all = containers(root);
    JsonNode at = all.get(random.nextInt(all.size()));
    if (at instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      object.remove(names.get(random.nextInt(names.size())));
    } else if (at instanceof ArrayNode array) {
      array.remove(random.nextInt(array.size()));
    }
  }

  private static void add(JsonNode root, Random random) {
    List<JsonNode> all = containers(root);
    JsonNode at = all.get(random.nextInt(all.size()));
    if (at instanceof ObjectNode object) {
      object.set(List.of("extra", "__proto__", "constructor", "\u0000key", "\ud800",
          "scenarioId", "preset").get(random.nextInt(7)), wrongType(random));
    } else if (at instanceof ArrayNode array) {
      array.add(wrongType(random));
    }
  }

  /** The text with one value replaced by a raw token. */
  private static String rawValue(String text, Random random) {
    List<Integer> colons = new ArrayList<>();
    for (int i = text.indexOf(':'); i >= 0; i = text.indexOf(':', i + 1)) {
      colons.add(i);
    }
    int at = colons.get(random.nextInt(colons.size())) + 1;
    int end = at;
    int depth = 0;
    boolean string = false;
    for (; end < text.length(); end++) {
      char c = text.charAt(end);
      if (string) {
        if (c == '\\') {
          end++;
        } else if (c == '"') {
          string = false;
        }
      } else if (c == '"') {
        string = true;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        if (depth == 0) {
          break;
        }
        depth--;
      } else if (c == ',' && depth == 0) {
        break;
      }
    }
    return text.substring(0, at) + RAW_VALUES.get(random.nextInt(RAW_VALUES.size()))
        + text.substring(end);
  }

  /** A spelling of {@code path} a router may or may not normalise. */
  static String path(String path, Random random) {
    String[] segments = path.substring(1).split("/");
    int kind = random.nextInt(6);
    return switch (kind) {
      case 0 -> AuthScopeApiTest.VARIANTS.get(random.nextInt(AuthScopeApiTest.VARIANTS.size()))
          .apply(path);
      case 1 -> {
        int at = random.nextInt(segments.length);
        segments[at] = segments[at] + PATHS.get(random.nextInt(PATHS.size()))
            .replaceAll("^/|/$", "");
        yield "/" + String.join("/", segments);
      }
      case 2 -> path.replace(segments[segments.length - 1],
          List.of("not-a-uuid", "00000000-0000-4000-8000-00000000000g", "%00", "x".repeat(
              random.nextInt(3_000)), "..", ".", "%2e%2e", "\u00e9t\u00e9").get(
                  random.nextInt(8)));
      case 3 -> path + "?" + List.of("limit=0", "limit=abc", "limit=1e400", "offset=-1",
          "wait=61", "wait=-1", "wait=x", "format=xml", "limit=1&limit=2", "%ZZ=1",
          "a=" + "b".repeat(random.nextInt(3_000)), "wait=0").get(random.nextInt(12));
      case 4 -> "/" + segments[0] + PATHS.get(random.nextInt(PATHS.size()))
          + String.join("/", java.util.Arrays.copyOfRange(segments, 1, segments.length));
      default -> path.toUpperCase(java.util.Locale.ROOT);
    };
  }

  static String method(Random random) {
    return List.of("PATCH", "OPTIONS", "TRACE", "CONNECT", "HEAD", "FOO", "get", "PROPFIND",
        "M" + random.nextInt(1_000), "X".repeat(1 + random.nextInt(200))).get(
            random.nextInt(10));
  }

  /** A request with mutated request line or headers. */
  static byte[] headers(String method, String path, Random random) {
    String request = switch (random.nextInt(9)) {
      case 0 -> method + " " + path + " HTTP/1.1\r\nConnection: close\r\n\r\n";
      case 1 -> method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:abc\r\nConnection:"
          + " close\r\n\r\n";
      case 2 -> method + " " + path + " HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection:"
          + " close\r\n\r\n";
      case 3 -> RawHttp.request(method, path, "X-Big: " + "b".repeat(random.nextInt(30_000))
          + "\r\n", "");
      case 4 -> RawHttp.request(method, path + "?" + "q".repeat(random.nextInt(20_000)), "",
          "");
      case 5 -> method + " " + path + " HTTP/1.0\r\n\r\n";
      case 6 -> RawHttp.request(method, path, "Authorization: Bearer x\r\nAccept: text/csv\r\n"
          + "Accept: application/xml\r\n", "");
      case 7 -> method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nBroken line\r\n"
          + "Connection: close\r\n\r\n";
      default -> RawHttp.request(method, path, "Transfer-Encoding: chunked\r\n"
          + "Content-Type: application/json\r\n", "").replace("\r\n\r\n",
              "\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
    };
    return request.getBytes(StandardCharsets.UTF_8);
  }
}
