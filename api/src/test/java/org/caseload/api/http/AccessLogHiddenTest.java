package org.caseload.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The access log's request line never shows the server's token or a secret's value. */
class AccessLogHiddenTest {

  private static final String TOKEN = "s3cr&t;T0ken%21";

  @Test
  void theTokenIsHiddenWhereverItIs_asSentOrPercentEncoded() {
    assertThat(AccessLogLine.hidden("/api/v1/presets?access_token=" + TOKEN + "&limit=5", TOKEN))
        .isEqualTo("/api/v1/presets?access_token=[token]&limit=5");
    // the name carries it; percent-encoded in a value; in the path
    assertThat(AccessLogLine.hidden("/api/v1/presets?" + TOKEN + "=1", TOKEN))
        .isEqualTo("/api/v1/presets?[token]=1");
    assertThat(AccessLogLine.hidden("/api/v1/presets?x=s3cr%26t%3BT0ken%2521", TOKEN))
        .isEqualTo("/api/v1/presets?x=[token]");
    assertThat(AccessLogLine.hidden("/" + TOKEN + "/x", TOKEN)).isEqualTo("/[token]/x");
    // a malformed escape beside it does not let it through
    assertThat(AccessLogLine.hidden("/a?x=%zz&t=" + TOKEN, TOKEN))
        .isEqualTo("/a?x=%zz&t=[token]").doesNotContain("T0ken");
  }

  @Test
  void aSecretNamedParametersValueIsHidden_othersAreShown() {
    assertThat(AccessLogLine.hidden("/a?api_key=old-one&wait=30;Password=p&format=csv", null))
        .isEqualTo("/a?api_key=[hidden]&wait=30;Password=[hidden]&format=csv");
    assertThat(AccessLogLine.hidden("/api/v1/runs/x/results?format=csv", "")).isEqualTo(
        "/api/v1/runs/x/results?format=csv");
    assertThat(AccessLogLine.hidden(null, TOKEN)).isNull();
  }
}
