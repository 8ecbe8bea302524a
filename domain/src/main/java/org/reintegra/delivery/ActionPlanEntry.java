package org.reintegra.delivery;

import java.time.Instant;

/** One version of a referral's action plan, as both sides see it. */
public record ActionPlanEntry(long id, int planVersion, String activities, int plannedSessions, ActionPlanStatus status,
                              String submittedBy, Instant submittedAt, String reviewedBy, Instant reviewedAt,
                              String reviewComment, long version) {
}
