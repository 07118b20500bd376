/**
 * The {@code caseload} command-line tool that analysts script. User errors (unreadable or
 * invalid files, bad flags) print one line per problem to stderr and exit with code 2.
 */
package org.caseload.sim.cli;
