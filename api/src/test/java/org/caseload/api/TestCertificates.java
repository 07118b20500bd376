package org.caseload.api;

import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority of a test's own and the server certificates it issues, written as
 * PEM files as PostgreSQL and its clients read them.
 */
final class TestCertificates {

  private final String name;
  private final KeyPair key;
  private final X509Certificate certificate;

  private TestCertificates(String name, KeyPair key, X509Certificate certificate) {
    this.name = name;
    this.key = key;
    this.certificate = certificate;
  }

  /** A new self-signed authority called {@code name}. */
  static TestCertificates authority(String name) throws GeneralSecurityException {
    KeyPair key = keyPair();
    X500Name subject = new X500Name("CN=" + name);
    X509v3CertificateBuilder builder = builder(subject, subject, key);
    try {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    } catch (IOException e) {
      throw new GeneralSecurityException(e);
    }
    return new TestCertificates(name, key, sign(builder, key));
  }

  /**
   * Writes this authority's certificate to {@code file} (an {@code sslrootcert}).
   *
   * @return the file
   */
  Path writeCertificate(Path file) throws IOException {
    write(file, certificate);
    return file;
  }

  /**
   * Issues a server certificate for the DNS name {@code host} and writes it and its key into
   * {@code folder} as {@code server.crt} and {@code server.key} (readable by its owner only,
   * as PostgreSQL requires).
   */
  void issueServer(String host, Path folder) throws IOException, GeneralSecurityException {
    KeyPair serverKey = keyPair();
    X509v3CertificateBuilder builder = builder(new X500Name("CN=" + name), new X500Name(
        "CN=" + host), serverKey);
    builder.addExtension(Extension.subjectAlternativeName, false,
        new GeneralNames(new GeneralName(GeneralName.dNSName, host)));
    write(folder.resolve("server.crt"), sign(builder, key));
    Path keyFile = folder.resolve("server.key");
    write(keyFile, new JcaPKCS8Generator(serverKey.getPrivate(), null)); // PKCS#8, curve named
    Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
  }

  private static KeyPair keyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    return generator.generateKeyPair();
  }

  private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject,
      KeyPair subjectKey) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, new SecureRandom()),
        Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))),
        subject, subjectKey.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuerKey)
      throws GeneralSecurityException {
    try {
      return new JcaX509CertificateConverter().getCertificate(builder.build(
          new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate())));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  private static void write(Path file, Object pemObject) throws IOException {
    try (Writer out = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(out)) {
      pem.writeObject(pemObject);
    }
  }
}
