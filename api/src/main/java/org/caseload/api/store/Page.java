package org.caseload.api.store;

import java.util.List;

/** One page of a list: its items, how many there are in all, and where the page starts. */
public record Page<T>(List<T> items, long total, int limit, long offset) {}
