/**
 * The planners' HTTP API: {@link org.caseload.api.ServeCommand} starts a
 * {@link org.caseload.api.CaseloadServer} (Vert.x 5, PostgreSQL through vertx-pg-client),
 * whose routes are in {@code http}, storage in {@code store}, run execution in
 * {@code runs}, what runs are (kinds and statuses) in {@code domain}, and running on several
 * machines in {@code cluster}.
 */
package org.caseload.api;
