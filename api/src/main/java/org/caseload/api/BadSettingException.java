package org.caseload.api;

/**
 * A command's flag or environment variable set to a value it cannot take: the user's mistake,
 * printed as one line naming the setting ({@code caseload serve: --port: must be ...}) with
 * exit code 2 ({@link Launch}). Any other exception of a command is a failure of ours, not
 * blamed on the user.
 *
 * @implNote Immutable and thread-safe. An {@link IllegalArgumentException}, as the checks of
 *     the settings' records have always thrown.
 */
public final class BadSettingException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String setting;

  /**
   * @param setting the flag ({@code --port}) or variable ({@code CASELOAD_API_TOKEN})
   * @param reason what is wrong with its value
   */
  public BadSettingException(String setting, String reason) {
    super(setting + ": " + reason);
    this.setting = setting;
  }

  /** The flag or variable. */
  public String setting() {
    return setting;
  }
}
