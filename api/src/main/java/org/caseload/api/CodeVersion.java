package org.caseload.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of the code that ran a run, from the build ({@code caseload-version.properties}). */
public final class CodeVersion {

  private static final String VERSION = read();

  private CodeVersion() {}

  public static String get() {
    return VERSION;
  }

  private static String read() {
    Properties properties = new Properties();
    try (InputStream in = CodeVersion.class.getResourceAsStream("/caseload-version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    String version = properties.getProperty("version", "unknown");
    String commit = properties.getProperty("commit", "");
    return commit.isBlank() || commit.startsWith("${") ? version : version + "+" + commit;
  }
}
