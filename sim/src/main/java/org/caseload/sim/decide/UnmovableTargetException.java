package org.caseload.sim.decide;

import org.caseload.sim.target.Target;

/**
 * A target below the required probability that no listed lever moves: the values it looks at
 * are the same in every screening replication with every lever at its weakest and at its
 * strongest.
 */
public final class UnmovableTargetException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final transient Target target;

  UnmovableTargetException(Target target, double probability) {
    super("target \"" + target + "\" is met with probability "
        + String.format(java.util.Locale.ROOT, "%.3f", probability)
        + " whatever the listed levers do (its metric is the same in every replication with"
        + " every lever at its weakest and its strongest); add a lever that moves it");
    this.target = target;
  }

  public Target target() {
    return target;
  }
}
