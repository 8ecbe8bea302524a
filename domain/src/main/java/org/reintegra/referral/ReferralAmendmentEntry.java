package org.reintegra.referral;

import java.time.Instant;

/** A changelog line as the referral page shows it. */
public record ReferralAmendmentEntry(ReferralField field, String oldValue, String newValue, String reason,
                                     String amendedBy, ReferralSide amendedBySide, Instant amendedAt) {

    static ReferralAmendmentEntry of(ReferralAmendment amendment) {
        return new ReferralAmendmentEntry(amendment.field(), amendment.oldValue(), amendment.newValue(),
                amendment.reason(), amendment.amendedBy(), amendment.amendedBySide(), amendment.amendedAt());
    }
}
