/**
 * PostgreSQL storage: the database (configured or embedded, migrated by Flyway), stored
 * scenarios with versions, runs with their results. Prepared statements only.
 */
package org.caseload.api.store;
