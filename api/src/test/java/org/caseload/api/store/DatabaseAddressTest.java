package org.caseload.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.pgclient.SslMode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    DatabaseAddress special = DatabaseAddress.parse(
        "postgresql://app:p%40s%3As%2F%25%3F@db.example/cl");
    assertThat(special.password()).isEqualTo("p@s:s/%?");
    assertThat(DatabaseAddress.parse(special.url())).isEqualTo(special);
  }

  @Test
  void withoutAQuery_tlsIsLibpqsDefault_preferUnverified() {
    DatabaseAddress address = DatabaseAddress.parse("postgresql://app@db.example/cl");
    assertThat(address.tls()).isEqualTo(DatabaseTls.DEFAULT);
    assertThat(address.connectOptions().getSslMode()).isEqualTo(SslMode.PREFER);
    assertThat(address.connectOptions().getSslOptions().isTrustAll()).isTrue();
    assertThat(address.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5432/cl?sslmode=prefer");
    assertThat(address.toString()).isEqualTo("postgresql://app@db.example:5432/cl");
  }

  @Test
  void sslmodeAndRootCertificate_reachBothClients_andSurviveTheUrl(@TempDir Path folder)
      throws Exception {
    Path ca = folder.resolve("my CAs & more+%.pem"); // every character a URL treats specially
    Files.writeString(ca, CERTIFICATE);
    DatabaseAddress address = DatabaseAddress.parse("postgresql://app:pw%3Fx%26y@db.example/cl"
        + "?sslmode=verify-full&sslrootcert=" + DatabaseTls.encoded(ca.toString()));
    assertThat(address.password()).isEqualTo("pw?x&y");
    assertThat(address.tls()).isEqualTo(new DatabaseTls(SslMode.VERIFY_FULL,
        new DatabaseTls.PemFile(ca)));
    assertThat(address.connectOptions().getSslMode()).isEqualTo(SslMode.VERIFY_FULL);
    assertThat(address.connectOptions().getSslOptions().getHostnameVerificationAlgorithm())
        .isEqualTo("HTTPS");
    assertThat(address.connectOptions().getSslOptions().isTrustAll()).isFalse();
    assertThat(DatabaseAddress.parse(address.url())).isEqualTo(address);
    assertThat(DatabaseAddress.parse(address.url()).withDatabase("other").tls())
        .isEqualTo(address.tls());
    String jdbcRoot = address.jdbcUrl().substring(address.jdbcUrl().indexOf("sslrootcert=") + 12);
    assertThat(URLDecoder.decode(jdbcRoot, StandardCharsets.UTF_8)).isEqualTo(ca.toString());
    assertThat(address.toString()).doesNotContain("pw");

    DatabaseAddress system = DatabaseAddress.parse("postgresql://app@db.example/cl"
        + "?sslmode=verify-full&sslrootcert=system");
    assertThat(system.tls().authorities()).isInstanceOf(DatabaseTls.SystemStore.class);
    assertThat(system.connectOptions().getSslOptions().getHostnameVerificationAlgorithm())
        .isEqualTo("HTTPS");
    assertThat(system.jdbcUrl()).endsWith(
        "?sslmode=verify-full&sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory");
    DatabaseAddress ca2 = DatabaseAddress.parse("postgresql://app@db.example/cl"
        + "?sslmode=verify-ca&sslrootcert=" + DatabaseTls.encoded(ca.toString()));
    assertThat(ca2.connectOptions().getSslOptions().getHostnameVerificationAlgorithm())
        .isEmpty();

    // a '@' or '+' in a query value is the value's: the query is still read (a '@' had ended
    // the authority there, and the query, verify-full and all, was ignored)
    Path odd = Files.writeString(folder.resolve("a@b+c.pem"), CERTIFICATE);
    DatabaseAddress raw = DatabaseAddress.parse("postgresql://app:pw@db.example/cl"
        + "?sslmode=verify-full&sslrootcert=" + odd);
    assertThat(raw.tls()).isEqualTo(new DatabaseTls(SslMode.VERIFY_FULL,
        new DatabaseTls.PemFile(odd)));
    assertThat(raw.host()).isEqualTo("db.example");
    assertThat(raw.password()).isEqualTo("pw");
    // a database name that would rewrite the JDBC URL's parameters is encoded in it
    DatabaseAddress named = DatabaseAddress.parse("postgresql://app@db.example/"
        + "db%3Fsslmode%3Ddisable%26x?sslmode=require");
    assertThat(named.database()).isEqualTo("db?sslmode=disable&x");
    assertThat(named.jdbcUrl()).isEqualTo(
        "jdbc:postgresql://db.example:5432/db%3Fsslmode%3Ddisable%26x?sslmode=require");
    assertThat(org.postgresql.Driver.parseURL(named.jdbcUrl(), null))
        .containsEntry("PGDBNAME", "db?sslmode=disable&x").containsEntry("sslmode", "require");
    assertThat(DatabaseAddress.parse(named.url())).isEqualTo(named);
    assertThat(DatabaseAddress.parse("postgresql://app@db.example/cl?sslmode=disable")
        .connectOptions().getSslOptions()).isNull();
  }

  @Test
  void hostileOrMistakenQueries_areRefusedNamingTheParameter_neverThePassword(
      @TempDir Path folder) throws Exception {
    Path notPem = Files.writeString(folder.resolve("notes.txt"), "not a certificate");
    Files.writeString(folder.resolve("ca.pem"), CERTIFICATE);
    Path empty = Files.createFile(folder.resolve("empty.pem"));
    String base = "postgresql://app:Hunter2@db.example/cl?";
    Object[][] cases = {
        {"sslmode=bogus", "sslmode must be one of disable, allow, prefer, require, verify-ca,"
            + " verify-full; was bogus"},
        {"sslmode=REQUIRE", "was REQUIRE"},
        {"sslmode=", "was "},
        {"sslmode", "sslmode has no value"},
        {"sslcert=/client.pem", "parameter sslcert is not read here (only sslmode and"
            + " sslrootcert are)"},
        {"password=x", "parameter password is not read here"},
        {"", "parameter (empty) is not read here"},
        {"sslmode=require&", "parameter (empty) is not read here"},
        {"sslmode=require&sslmode=disable", "sslmode is given twice"},
        {"sslmode=%zz", "sslmode has a malformed percent-encoding"},
        {"sslmode=verify-full", "sslmode=verify-full needs sslrootcert"},
        {"sslmode=verify-ca", "sslmode=verify-ca needs sslrootcert"},
        {"sslrootcert=" + notPem.getParent().resolve("ca.pem"), "sslrootcert is read only"
            + " with sslmode=verify-ca or verify-full: with sslmode=prefer the server's"
            + " certificate is not checked"},
        {"sslmode=require&sslrootcert=" + notPem.getParent().resolve("ca.pem"),
            "with sslmode=require"},
        {"sslrootcert=system", "sslrootcert=system needs sslmode=verify-full"},
        {"sslmode=verify-ca&sslrootcert=system", "sslrootcert=system needs sslmode=verify-full"},
        {"sslmode=verify-full#frag", "has a '#'"},
        {"sslmode=verify-ca&sslrootcert=", "sslrootcert is empty"},
        {"sslmode=verify-ca&sslrootcert=" + folder.resolve("missing.pem"),
            "sslrootcert " + folder.resolve("missing.pem") + " does not exist"},
        {"sslmode=verify-ca&sslrootcert=" + folder, "sslrootcert " + folder + " is not a file"},
        {"sslmode=verify-ca&sslrootcert=/dev/zero", "sslrootcert /dev/zero is not a file"},
        {"sslmode=verify-ca&sslrootcert=" + notPem, "cannot be read as PEM certificates"},
        {"sslmode=verify-ca&sslrootcert=" + empty, "holds no certificate"},
    };
    for (Object[] c : cases) {
      String url = base + c[0];
      assertThatThrownBy(() -> DatabaseAddress.parse(url)).as(url)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining((String) c[1])
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Hunter2"));
    }
  }

  @Test
  void aRootCertificateFileLargerThanAnyBundle_isNotRead(@TempDir Path folder)
      throws Exception {
    Path huge = folder.resolve("huge.pem");
    try (var out = Files.newOutputStream(huge)) {
      out.write(new byte[(int) DatabaseTls.MAX_ROOT_CERT_BYTES + 1]);
    }
    assertThatThrownBy(() -> DatabaseAddress.parse(
        "postgresql://app@db.example/cl?sslmode=verify-ca&sslrootcert=" + huge))
        .hasMessageContaining("is larger than 4 MiB");
  }

  /** A self-signed certificate (openssl req -x509, EC P-256), as an authority's file holds. */
  private static final String CERTIFICATE = """
      -----BEGIN CERTIFICATE-----
      MIIBeTCCAR+gAwIBAgIUd/OlxU8eWtzZ5X1hpI+mH1o0c74wCgYIKoZIzj0EAwIw
      ETEPMA0GA1UEAwwGVGVzdENBMCAXDTI2MTIwMTAxNTk0NVoYDzIxMjYxMTA3MDE1
      OTQ1WjARMQ8wDQYDVQQDDAZUZXN0Q0EwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNC
      AAQU7OUP4g4P9bKrEbQ6Fu28NE2Yh8qLFPv+YH7kat4biwQynF39Ye9dMXm51/iT
      eARYSszpwmBc8zJeB+hjbmbvo1MwUTAdBgNVHQ4EFgQUfiy5e2yNp9jmVUdsyAs0
      qOOuVwQwHwYDVR0jBBgwFoAUfiy5e2yNp9jmVUdsyAs0qOOuVwQwDwYDVR0TAQH/
      BAUwAwEB/zAKBggqhkjOPQQDAgNIADBFAiBeLQz0atl0PixJtk2dO5xleg32M9Wt
      WEiRBfrgOYeEQgIhAIG8ZkQ0t2D7/Q13nC6UK+WwrE+GTicS3+3OKWOBAcMI
      -----END CERTIFICATE-----
      """;
}
