package org.caseload.sim.engine;

/** Told how many replications are merged so far, after each chunk, on the caller's thread. */
@FunctionalInterface
public interface Progress {

  Progress NONE = (done, total) -> { };

  void update(long done, long total);
}
