package org.reintegra.performance;

import java.util.List;

/** The figures of a report's referrals grouped by one dimension, small cells hidden. */
public record Breakdown(Dimension dimension, List<BreakdownRow> rows) {
}
