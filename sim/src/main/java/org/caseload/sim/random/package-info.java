/**
 * Reproducible randomness: per (master seed, replication, process) a stream seed from the
 * SplitMix64 mixer; within it, draws keyed by (worker or team, month, purpose) to re-seedable
 * SplitMix64 substreams (the algorithm of {@code java.util.SplittableRandom}); and exact,
 * allocation-free samplers for the distributions the model draws from.
 */
package org.caseload.sim.random;
