package org.reintegra.outcome;

import java.util.List;
import org.reintegra.referral.EndedEarlyReason;

/** What the partner writes in an end-of-service report. */
public record ReportDraft(Conclusion conclusion, EndedEarlyReason endedEarlyReason, String endedEarlyText,
                          String summary, List<RatedOutcome> ratings) {

    public ReportDraft {
        ratings = ratings == null ? List.of() : List.copyOf(ratings);
    }
}
