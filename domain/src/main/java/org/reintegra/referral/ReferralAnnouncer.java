package org.reintegra.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Hands a referral's notices to whoever listens (the notification writer), synchronously, inside
 * the caller's transaction: a notice commits or rolls back with the change it tells of.
 */
@ApplicationScoped
public class ReferralAnnouncer {

    @Inject
    Event<ReferralChanged> referralChanged;

    private final Clock clock = Clock.systemUTC();

    public void announce(Referral referral) {
        for (ReferralNotice notice : referral.drainNotices()) {
            referralChanged.fire(new ReferralChanged(referral.agencyTenant(), referral.partnerTenant(), referral.id(),
                    referral.reference(), notice, clock.instant()));
        }
    }
}
