package org.reintegra.referral;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import java.util.HashSet;
import java.util.Set;

/**
 * Forgets the cached inbox counts of a referral's two organisations whenever the referral is written.
 * JPA injects CDI beans into entity listeners; should a container not, the cache is looked up, so a
 * missing injection never turns into a failed write.
 */
public class ReferralCountListener {

    @Inject
    private InboxCountCache counts;

    @PostPersist
    @PostUpdate
    @PostRemove
    void written(Referral referral) {
        Set<String> tenants = new HashSet<>();
        if (referral.agencyTenant() != null) {
            tenants.add(referral.agencyTenant().value());
        }
        if (referral.partnerTenant() != null) {
            tenants.add(referral.partnerTenant().value());
        }
        (counts != null ? counts : CDI.current().select(InboxCountCache.class).get()).changed(tenants);
    }
}
