/**
 * What the API's runs are, apart from how they are stored or executed: their kind (a run, a
 * comparison, a goal-seek, a sensitivity study or an all-England sweep) and their status. Immutable enums, safe
 * from any thread.
 */
package org.caseload.api.domain;
