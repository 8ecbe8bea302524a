package org.reintegra.referral;

import java.time.Instant;
import org.reintegra.tenancy.TenantId;

/**
 * Fired (synchronously, inside the transaction of the change) for each notice a referral change
 * gives, so that notifications commit or roll back with the change itself.
 */
public record ReferralChanged(TenantId agency, TenantId partner, long referralId, String reference,
                              ReferralNotice notice, Instant at) {
}
