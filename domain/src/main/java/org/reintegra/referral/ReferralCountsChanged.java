package org.reintegra.referral;

import java.util.Set;

/**
 * Event: referrals of these organisations were written and committed on this instance, so the tab
 * counts other instances keep for them are out of date (the portal passes it to the other instances
 * of a cluster; ADR 0011, ADR 0012).
 */
public record ReferralCountsChanged(Set<String> tenants) {

    public ReferralCountsChanged {
        tenants = Set.copyOf(tenants);
    }
}
