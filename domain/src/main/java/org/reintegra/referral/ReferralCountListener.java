package org.reintegra.referral;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import java.util.HashSet;
import java.util.Set;

/**
 * Forgets the cached inbox counts of a referral's two organisations when the referral is created,
 * removed, or written with a change the counts depend on (its status, either side's attention, its
 * caseworker: {@link Referral#countedStateChanged}). A write that changes none of these, such as a
 * recorded session moving {@code changedAt}, keeps them: under load those writes came several times a
 * second and each made every inbox of both organisations count its referrals again (docs/benchmarks.md).
 * A referral whose state was not seen when read counts as changed.
 *
 * <p>JPA injects CDI beans into entity listeners; should a container not, the cache is looked up, so a
 * missing injection never turns into a failed write.
 */
public class ReferralCountListener {

    @Inject
    private InboxCountCache counts;

    @PostLoad
    void read(Referral referral) {
        referral.countedStateChanged();
    }

    @PostPersist
    @PostRemove
    void createdOrRemoved(Referral referral) {
        referral.countedStateChanged();
        forget(referral);
    }

    @PostUpdate
    void written(Referral referral) {
        if (referral.countedStateChanged()) {
            forget(referral);
        }
    }

    private void forget(Referral referral) {
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
