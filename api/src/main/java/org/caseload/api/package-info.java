/**
 * The planners' HTTP API: {@link org.caseload.api.ServeCommand} starts a
 * {@link org.caseload.api.CaseloadServer} (Vert.x 5, PostgreSQL through vertx-pg-client),
 * whose routes are in {@code http}, storage in {@code store} and run execution in
 * {@code runs}.
 */
package org.caseload.api;
