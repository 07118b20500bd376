/**
 * The monthly dynamics of a scenario, written once ({@code Model} and
 * its steps) and run two ways through a {@code Draws} strategy: the stochastic
 * {@link org.caseload.core.model.Simulation} of individual workers and cases, and the
 * {@link org.caseload.core.model.ExpectedProjection} with every draw replaced by its
 * expectation and workers by cohorts.
 *
 * <p>Randomness is a parameter: the caller hands in one {@link org.caseload.core.model.Sampler}
 * per {@link org.caseload.core.model.RandomProcess}, so that two scenarios run on the same
 * sources share their random numbers process by process.
 */
package org.caseload.core.model;
