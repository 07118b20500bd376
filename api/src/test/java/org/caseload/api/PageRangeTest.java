package org.caseload.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A {@code Range} on the page's files past their end is a 416 problem naming {@code Range}
 * (RFC 9110 section 15.5.17), with the file's length in {@code Content-Range}; it had been
 * a 400 saying only "request: was refused (416)". A satisfiable range is a 206.
 */
class PageRangeTest extends ServerPerClass {

  @Test
  void aRangePastTheEnd_is416NamingRange() {
    RawHttp.Response page = RawHttp.send(api.server.port(),
        RawHttp.request("GET", "/assets/index.css", "", ""));
    assertThat(page.status()).isEqualTo(200);
    RawHttp.Response beyond = RawHttp.send(api.server.port(), RawHttp.request("GET",
        "/assets/index.css", "Range: bytes=99999999-\r\n", ""));
    assertThat(beyond.status()).as(beyond.toString()).isEqualTo(416);
    assertThat(beyond.isProblem()).as(beyond.toString()).isTrue();
    assertThat(beyond.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("Range");
    assertThat(beyond.header("content-range")).startsWith("bytes */");
    RawHttp.Response part = RawHttp.send(api.server.port(), RawHttp.request("GET",
        "/assets/index.css", "Range: bytes=0-9\r\n", ""));
    assertThat(part.status()).isEqualTo(206);
    assertThat(part.body()).hasSize(10);
  }
}
