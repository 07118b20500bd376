/**
 * The planners' HTTP API (Vert.x 5 on PostgreSQL). Not built yet: the module exists so the
 * build enforces its place in the architecture from the start (it may depend on sim and
 * core; nothing depends on it).
 */
package org.caseload.api;
