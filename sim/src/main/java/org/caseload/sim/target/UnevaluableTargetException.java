package org.caseload.sim.target;

/**
 * A target the scenario cannot evaluate: its month beyond the horizon, or its snapshot date
 * not a 30 September within it. The message names the target and why.
 */
public final class UnevaluableTargetException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public UnevaluableTargetException(String message) {
    super(message);
  }
}
