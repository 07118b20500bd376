/**
 * The scenario a planner asks about: the base state of the service (teams, workers, open
 * cases and queues), the model's parameters, the interventions, and the horizon.
 *
 * <p>Every scenario value here is an immutable record; the readers, writers and checks
 * around them are utilities whose working state ({@code Checks}, {@code JsonFields}) lives
 * for one call. {@link org.caseload.core.scenario.ScenarioJson}
 * reads and writes the documented JSON form, which round-trips exactly, and
 * {@link org.caseload.core.scenario.ScenarioValidator} reports every problem of a whole
 * scenario with its path. Nothing in this package runs the model. Fields are non-null
 * unless their Javadoc says otherwise.
 */
package org.caseload.core.scenario;
