/**
 * Decision support (docs/decide.md): goal-seek, the cheapest plan of levers whose probability
 * of meeting every target is at least a required level, found on common random numbers; and
 * sensitivity, one-way (tornado) and variance-based (Sobol indices). Built on the engine's
 * batches of per-replication readings ({@link org.caseload.sim.engine.ReplicationBatch}), run
 * on this process's threads or a cluster's nodes, so every figure is deterministic for a seed
 * on any thread or node count. Nothing here is null unless its Javadoc says so.
 */
package org.caseload.sim.decide;
