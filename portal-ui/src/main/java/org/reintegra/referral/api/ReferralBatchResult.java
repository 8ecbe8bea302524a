package org.reintegra.referral.api;

import java.util.List;

/** The referrals a batch created, in the order of the request; each one's full record is at its location. */
public record ReferralBatchResult(List<Created> referrals) {

    /** One created referral. */
    public record Created(long id, String reference, String status, long version, String location) {
    }
}
