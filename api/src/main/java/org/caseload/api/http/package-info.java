/**
 * The HTTP surface: routes bound to the OpenAPI contract's operations, request parsing with
 * the scenario format's strict reader, problem+json for every failure, bearer auth, health.
 */
package org.caseload.api.http;
