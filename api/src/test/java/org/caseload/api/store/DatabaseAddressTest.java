package org.caseload.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * {@link DatabaseAddress#parse}: a URL it cannot read is refused without repeating its
 * password, which goes to the terminal and to whatever collects the server's log.
 */
class DatabaseAddressTest {

  @Test
  void unreadableUrl_doesNotShowItsPassword() {
    for (String url : new String[] {
        "postgresql://app:Hunter2-secret@db.example:notaport/caseload",
        "postgresql://app:Hunter2-secret@db.example:5432:5433/caseload",
        "postgresq://app:Hunter2-secret@db.example/caseload",
        "postgresq://app:p@Hunter2-secret@db.example/caseload",
        "app:Hunter2-secret@db.example/caseload"}) {
      assertThatThrownBy(() -> DatabaseAddress.parse(url)).as(url)
          .isInstanceOf(IllegalArgumentException.class)
          .satisfies(e -> assertThat(e.getMessage()).as(url).doesNotContain("Hunter2")
              .doesNotContain("secret"));
    }
  }

  @Test
  void readableUrl_isRead_andShownWithoutItsPassword() {
    DatabaseAddress address = DatabaseAddress.parse("postgresql://app:Hunter2@db.example:6543/cl");
    assertThat(address.password()).isEqualTo("Hunter2");
    assertThat(address.toString()).isEqualTo("postgresql://app@db.example:6543/cl");
    assertThat(DatabaseAddress.parse("postgresql://app:p%40s%3As%2F%25@db.example/cl")
        .password()).isEqualTo("p@s:s/%");
  }
}
