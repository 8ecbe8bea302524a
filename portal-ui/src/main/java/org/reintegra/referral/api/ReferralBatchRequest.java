package org.reintegra.referral.api;

import java.util.List;

/**
 * Several new referrals in one call: created (and sent, unless an item says otherwise) together,
 * or, when any one is refused, none of them.
 */
public record ReferralBatchRequest(List<ReferralRequest> referrals) {
}
