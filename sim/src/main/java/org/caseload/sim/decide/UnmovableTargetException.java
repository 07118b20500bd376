package org.caseload.sim.decide;

import org.caseload.sim.target.Target;

/**
 * A target below the required probability that no listed lever moves: it is met in exactly as
 * many replications with every lever at its strongest as at its weakest.
 */
public final class UnmovableTargetException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final transient Target target;

  UnmovableTargetException(Target target, double probability) {
    super("target \"" + target + "\" is met with probability "
        + String.format(java.util.Locale.ROOT, "%.3f", probability)
        + " whatever the listed levers do (the same with every lever at its weakest and its"
        + " strongest); add a lever that moves it");
    this.target = target;
  }

  public Target target() {
    return target;
  }
}
