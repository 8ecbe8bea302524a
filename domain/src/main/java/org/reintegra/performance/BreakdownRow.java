package org.reintegra.performance;

import java.util.Map;

/**
 * One group of a breakdown: its key as stored (a sex, an age band, an organisation id, a programme
 * area), the organisation's name where the key is one, and its figures as they may be shown.
 */
public record BreakdownRow(String key, String organisationName, Map<Measure, Cell> cells) {
}
