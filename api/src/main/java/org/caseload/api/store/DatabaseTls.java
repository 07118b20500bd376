package org.caseload.api.store;

import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.TrustOptions;
import io.vertx.pgclient.SslMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * How the connection to PostgreSQL is protected: libpq's {@code sslmode} and, for the modes
 * that check the server's certificate, the authorities trusted to have issued it
 * ({@code sslrootcert}), as a database URL's query gives them. The same for the Vert.x client
 * that serves requests and the JDBC driver that Flyway migrates with.
 *
 * <p>As libpq: {@code prefer} (the default) encrypts when the server offers TLS and
 * {@code require} insists on it, neither checking the certificate (an eavesdropper is kept
 * out, an impostor is not); {@code verify-ca} checks it was issued by a trusted authority and
 * {@code verify-full} also that it names the host connected to.
 */
public record DatabaseTls(SslMode mode, Authorities authorities) {

  /** libpq's default: TLS when the server offers it, its certificate not checked. */
  public static final DatabaseTls DEFAULT = new DatabaseTls(SslMode.PREFER, new None());

  /** No TLS: for our own embedded database on 127.0.0.1. */
  public static final DatabaseTls OFF = new DatabaseTls(SslMode.DISABLE, new None());

  /** Larger than any bundle of CA certificates (Mozilla's whole store is about 220 KB). */
  static final long MAX_ROOT_CERT_BYTES = 4L << 20;

  /**
   * Who may have issued the server's certificate: a closed set, each saying how the Vert.x
   * client, the JDBC driver and a URL give it.
   */
  public sealed interface Authorities {

    /** Sets the client's trust in {@code options}. */
    void trustIn(ClientSSLOptions options);

    /** The JDBC driver's parameters for it, each led by an ampersand, or empty. */
    String jdbcParameters();

    /** The URL's parameter for it, led by an ampersand, or empty. */
    String urlParameter();
  }

  /** None given: the mode does not check the certificate. */
  public record None() implements Authorities {
    @Override
    public void trustIn(ClientSSLOptions options) {
      options.setTrustAll(true);
    }

    @Override
    public String jdbcParameters() {
      return "";
    }

    @Override
    public String urlParameter() {
      return "";
    }
  }

  /** The authorities the JVM trusts ({@code sslrootcert=system}, as libpq 16 names it). */
  public record SystemStore() implements Authorities {
    @Override
    public void trustIn(ClientSSLOptions options) {
      options.setTrustOptions(TrustOptions.wrap(systemTrust()));
    }

    @Override
    public String jdbcParameters() {
      return "&sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory";
    }

    @Override
    public String urlParameter() {
      return "&sslrootcert=system";
    }
  }

  /** The certificates of a PEM file ({@code sslrootcert=/path/to/ca.pem}). */
  public record PemFile(Path path) implements Authorities {
    @Override
    public void trustIn(ClientSSLOptions options) {
      options.setTrustOptions(new PemTrustOptions().addCertPath(path.toString()));
    }

    @Override
    public String jdbcParameters() {
      return "&sslrootcert=" + encoded(path.toString());
    }

    @Override
    public String urlParameter() {
      return jdbcParameters();
    }
  }

  public DatabaseTls {
    if (authorities instanceof SystemStore && mode != SslMode.VERIFY_FULL) {
      // any of the public authorities' certificates, for any name, would pass (as libpq)
      throw new IllegalArgumentException("sslrootcert=system needs sslmode=verify-full: the"
          + " authorities Java trusts issue certificates to anyone for their own names, so"
          + " only the host name check keeps an impostor out");
    }
    boolean verifies = mode == SslMode.VERIFY_CA || mode == SslMode.VERIFY_FULL;
    if (verifies == authorities instanceof None) {
      throw new IllegalArgumentException(verifies
          ? "sslmode=" + mode.value + " needs sslrootcert: the PEM file of the certificate"
              + " authority that issued the server's certificate, or system for the"
              + " authorities Java trusts"
          : "sslrootcert is read only with sslmode=verify-ca or verify-full: with sslmode="
              + mode.value + " the server's certificate is not checked");
    }
  }

  /**
   * The protection a URL's {@code sslmode} and {@code sslrootcert} values ask for (null when
   * not given); a file is read now, so a wrong one is told before anything connects.
   *
   * @throws IllegalArgumentException naming the parameter and what is wrong with it
   */
  static DatabaseTls of(String sslmode, String sslrootcert) {
    SslMode mode = sslmode == null ? DEFAULT.mode : mode(sslmode);
    Authorities authorities;
    if (sslrootcert == null) {
      authorities = new None();
    } else if (sslrootcert.equals("system")) {
      authorities = new SystemStore();
    } else {
      authorities = new PemFile(readableCertificates(sslrootcert));
    }
    return new DatabaseTls(mode, authorities);
  }

  private static SslMode mode(String value) {
    for (SslMode mode : SslMode.values()) {
      if (mode.value.equals(value)) {
        return mode;
      }
    }
    throw new IllegalArgumentException("sslmode must be one of disable, allow, prefer, require,"
        + " verify-ca, verify-full; was " + value);
  }

  /** {@code file}, once it is known to be a readable PEM file holding a certificate. */
  private static Path readableCertificates(String file) {
    if (file.isEmpty()) {
      throw new IllegalArgumentException("sslrootcert is empty: give the CA's PEM file, or"
          + " system");
    }
    Path path = Path.of(file);
    String problem;
    try {
      if (!Files.isRegularFile(path)) {
        problem = Files.exists(path) ? "is not a file" : "does not exist";
      } else if (Files.size(path) > MAX_ROOT_CERT_BYTES) {
        problem = "is larger than " + (MAX_ROOT_CERT_BYTES >> 20) + " MiB";
      } else {
        try (InputStream in = Files.newInputStream(path)) {
          problem = CertificateFactory.getInstance("X.509").generateCertificates(in).isEmpty()
              ? "holds no certificate" : null;
        }
      }
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      problem = "cannot be read as PEM certificates (" + e.getClass().getSimpleName() + ")";
    }
    if (problem != null) {
      throw new IllegalArgumentException("sslrootcert " + file + " " + problem);
    }
    return path;
  }

  /** The Vert.x client's TLS options, or null when TLS is off. */
  ClientSSLOptions clientOptions() {
    if (mode == SslMode.DISABLE) {
      return null;
    }
    ClientSSLOptions options = new ClientSSLOptions()
        .setHostnameVerificationAlgorithm(mode == SslMode.VERIFY_FULL ? "HTTPS" : "");
    authorities.trustIn(options);
    return options;
  }

  /** The JDBC driver's parameters for the same protection, as a URL's query (no '?'). */
  String jdbcParameters() {
    return "sslmode=" + mode.value + authorities.jdbcParameters();
  }

  /** The URL query that gives this protection, empty for the default. */
  String urlQuery() {
    return equals(DEFAULT) ? "" : "?sslmode=" + mode.value + authorities.urlParameter();
  }

  /**
   * {@code value} percent-encoded for a URL's query as {@link java.net.URLDecoder} reads it
   * back, a usual path left as it is typed: every byte but letters, digits and
   * {@code / . _ ~ -} encoded.
   */
  static String encoded(String value) {
    return percentEncoded(value, "/._~-");
  }

  /** {@code value} with every byte but letters, digits and those of {@code kept} encoded. */
  static String percentEncoded(String value, String kept) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || kept.indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  private static TrustManagerFactory systemTrust() {
    try {
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init((KeyStore) null);
      return factory;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JVM's trusted authorities cannot be read", e);
    }
  }

  @Override
  public String toString() {
    return "sslmode=" + mode.value + authorities.urlParameter();
  }
}
