package org.caseload.core.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A folder of DfE files refused as a whole: not a folder, or no workforce table in it
 * ({@link Reason}). {@link #getMessage()} is the folder and the words: "data/dfe is not a
 * folder".
 */
public final class UnusableFolderException extends IOException {

  private static final long serialVersionUID = 1L;

  /** Why the folder was refused. */
  public enum Reason {
    /** Nothing, or a file, where a folder was expected. */
    NOT_A_FOLDER,
    /** None of its CSV files is a DfE workforce table, which every calibration needs. */
    NO_WORKFORCE_TABLE
  }

  private final transient Path folder;
  private final Reason reason;

  public UnusableFolderException(Path folder, Reason reason, String words) {
    super(folder + " " + words);
    this.folder = folder;
    this.reason = reason;
  }

  /** The folder refused. */
  public Path folder() {
    return folder;
  }

  public Reason reason() {
    return reason;
  }
}
