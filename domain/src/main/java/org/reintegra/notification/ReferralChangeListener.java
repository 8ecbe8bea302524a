package org.reintegra.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.reintegra.referral.ReferralChanged;

/**
 * Hands each referral change to {@link NotificationWriter}, in the change's transaction. The
 * writer is an EJB: observed directly, Weld made a new reference to it (a JNDI look-up and a
 * proxy) for every event, 8% of the intake's processor time (docs/benchmarks.md, "Intake, stop
 * 23"); this bean holds one reference for the application's life.
 */
@ApplicationScoped
public class ReferralChangeListener {

    @Inject
    NotificationWriter writer;

    void on(@Observes ReferralChanged change) {
        writer.write(change);
    }
}
