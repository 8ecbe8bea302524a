package org.reintegra.performance;

import java.util.List;
import java.util.Map;

/**
 * A performance report: the headline figures over all of the filter's referrals, the reasons for
 * declining and ending early, and the breakdowns. Headline figures are totals and shown in full;
 * everything broken down has its small cells hidden.
 */
public record PerformanceReport(PerformanceSide side, PerformanceFilter filter, String organisationName,
                                Totals totals, Map<Measure, Cell> headline, List<ReasonCount> declineReasons,
                                List<ReasonCount> endedEarlyReasons, List<Breakdown> breakdowns) {

    public Breakdown breakdown(Dimension dimension) {
        return breakdowns.stream().filter(b -> b.dimension() == dimension).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no breakdown by " + dimension));
    }
}
