/**
 * Running on several machines (docs/cluster.md): nodes join over Hazelcast and share a run's
 * 64-replication chunks over the Vert.x clustered event bus. The API node's
 * {@link org.caseload.api.cluster.ClusterExecutor} sends chunks to every node's
 * {@link org.caseload.api.cluster.ComputeService} (its own included), with back-pressure and
 * resends when a node leaves or times out, and merges the answers in chunk order, so the
 * result has the bytes of one process; {@link org.caseload.api.cluster.WorkerCommand} starts
 * a compute node and {@link org.caseload.api.cluster.ClusterSweepCommand} an all-England
 * sweep on a cluster.
 */
package org.caseload.api.cluster;
