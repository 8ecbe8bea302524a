package org.reintegra.outcome;

import java.time.Instant;
import java.util.List;
import org.reintegra.referral.EndedEarlyReason;

/** An end-of-service report as both sides see it. */
public record ReportEntry(long id, Conclusion conclusion, EndedEarlyReason endedEarlyReason, String endedEarlyText,
                          String summary, List<RatedOutcome> ratings, String submittedBy, Instant submittedAt,
                          String acknowledgedBy, Instant acknowledgedAt, long version) {
}
