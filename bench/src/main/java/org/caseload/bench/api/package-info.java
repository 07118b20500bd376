/** The API end to end against the same run computed in-process. */
package org.caseload.bench.api;
