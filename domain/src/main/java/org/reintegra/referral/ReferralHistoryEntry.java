package org.reintegra.referral;

import java.time.Instant;

/** One line of a referral's history as screens show it. */
public record ReferralHistoryEntry(ReferralStatus from, ReferralStatus to, ReferralCommand command, String changedBy,
                                   Instant changedAt, String reasonCode, String reasonText) {

    static ReferralHistoryEntry of(ReferralStatusChange change) {
        return new ReferralHistoryEntry(change.fromStatus(), change.toStatus(), change.command(), change.changedBy(),
                change.changedAt(), change.reasonCode(), change.reasonText());
    }
}
