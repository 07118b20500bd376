package org.caseload.sim.random;

import org.caseload.core.model.Sampler;

/**
 * Makes the sampler of one (seed, replication, process) stream from its seed. The engine uses
 * {@link FastSampler}; benchmarks swap in a commons-math3 one to measure the difference.
 */
@FunctionalInterface
public interface SamplerFactory {

  /** The default: {@link FastSampler}, re-used across replications. */
  SamplerFactory FAST = FastSampler::new;

  Sampler create(long streamSeed);
}
