package org.caseload.sim.output;

/**
 * The tool's name and version as its outputs record them ({@code "tool"} in run and
 * comparison JSON) and {@code --version} prints: the Maven project's version without
 * {@code -SNAPSHOT} (a test keeps the two equal).
 */
public final class ToolVersion {

  /** {@code caseload} and the version. */
  public static final String TEXT = "caseload 0.1.0";

  private ToolVersion() {}
}
