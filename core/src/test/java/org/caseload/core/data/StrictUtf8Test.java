package org.caseload.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Strict UTF-8: what the JDK's lenient decoding would read as U+FFFD is refused, with where. */
class StrictUtf8Test {

  @Test
  void validText_decodesAsTheJdkDoes() throws Exception {
    String text = "caseload\n\u00e9t\u00e9 \ud83d\ude00 \u0663";
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    assertThat(StrictUtf8.decode(bytes, bytes.length)).isEqualTo(text);
    assertThat(StrictUtf8.decode(bytes, 8)).isEqualTo("caseload");
  }

  @Test
  void overlongForms_surrogatesAndStrayBytes_areRefusedWithWhere() {
    // line 2, after "ab": the overlong '/' (C0 AF), an encoded surrogate (ED A0 80), a stray
    // continuation byte (80), a lone lead byte at the end (E2)
    for (byte[] bad : new byte[][] {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0,
        (byte) 0x80}, {(byte) 0x80}, {(byte) 0xE2}}) {
      byte[] bytes = new byte[6 + bad.length];
      System.arraycopy("x\u00e9\nab".getBytes(StandardCharsets.UTF_8), 0, bytes, 0, 6);
      System.arraycopy(bad, 0, bytes, 6, bad.length);
      assertThatThrownBy(() -> StrictUtf8.decode(bytes, bytes.length))
          .isInstanceOfSatisfying(StrictUtf8.MalformedException.class, e -> assertThat(
              e.where()).isEqualTo(new StrictUtf8.Malformed(6, bad[0] & 0xff, 2, 3)));
    }
  }
}
