/**
 * Reproducible randomness: one generator per (master seed, replication, process), derived
 * with the SplitMix64 mixer into JDK 17 {@code L64X128MixRandom} generators, and exact,
 * allocation-free samplers for the distributions the model draws from.
 */
package org.caseload.sim.random;
