package org.caseload.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.caseload.sim.output.ToolVersion;

/**
 * The version of the code that ran a run: the tool's version as {@code caseload --version} and
 * every result's {@code tool} say it ({@link ToolVersion}; the API had said 0.1.0-SNAPSHOT
 * beside results saying 0.1.0), and the commit it was built from where the build was told it
 * ({@code caseload-version.properties}, {@code -Dcaseload.commit}).
 */
public final class CodeVersion {

  private static final String VERSION = read();

  private CodeVersion() {}

  public static String get() {
    return VERSION;
  }

  private static String read() {
    String version = ToolVersion.TEXT.substring(ToolVersion.TEXT.lastIndexOf(' ') + 1);
    Properties properties = new Properties();
    try (InputStream in = CodeVersion.class.getResourceAsStream("/caseload-version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      return version;
    }
    String commit = properties.getProperty("commit", "");
    return commit.isBlank() || commit.startsWith("${") ? version : version + "+" + commit;
  }
}
