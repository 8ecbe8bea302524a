package org.reintegra.referral.api;

import java.time.Instant;
import java.util.List;

/**
 * A page of the change feed. To continue, call again with {@code changedSince} and {@code after}
 * from {@code next} (null when this page was the last).
 */
public record ChangesPage(List<Change> changes, Next next) {

    /** A referral that changed. */
    public record Change(long id, String reference, String status, long version, Instant changedAt) {
    }

    /** Where the next page starts. */
    public record Next(Instant changedSince, long after) {
    }
}
