package org.reintegra.referral;

import java.time.Instant;

/** A referral that changed, as the agency's change feed lists it. */
public record ReferralChange(long id, String reference, ReferralStatus status, Instant changedAt, long version,
                             long clientId) {
}
