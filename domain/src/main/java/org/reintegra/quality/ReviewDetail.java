package org.reintegra.quality;

import java.util.List;

/** A review with its sample and findings, and whether the caller is the reviewing agency. */
public record ReviewDetail(ReviewSummary summary, long version, boolean reviewer, List<SampledReferral> sample,
                           List<FindingEntry> findings) {
}
