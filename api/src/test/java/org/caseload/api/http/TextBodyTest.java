package org.caseload.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which {@code Accept-Encoding} headers accept gzip (RFC 9110 section 12.5.3). */
class TextBodyTest {

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "gzip | true", "GZip | true", "x-gzip | true", "gzip, deflate, br | true",
      "deflate, gzip;q=0.5 | true", "* | true", "*;q=0.1 | true", "gzip;q=1.000 | true",
      "gzip;q=0 | false", "gzip;q=0.000 | false", "*, gzip;q=0 | false", "deflate | false",
      "br;q=1, identity | false", "gzip;q=abc | false", "gzip;q=2 | false",
      "gzip;q=0.0001 | false", "gzip;q= | false", "'' | false"})
  void acceptsGzip(String header, boolean accepted) {
    assertThat(TextBody.acceptsGzip(header)).isEqualTo(accepted);
  }

  @org.junit.jupiter.api.Test
  void noHeader_acceptsNoGzip() {
    assertThat(TextBody.acceptsGzip(null)).isFalse();
  }
}
