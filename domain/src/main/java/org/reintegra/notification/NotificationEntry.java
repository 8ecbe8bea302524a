package org.reintegra.notification;

import java.time.Instant;
import org.reintegra.referral.ReferralEvent;

/** A notification as the bell's list shows it; {@code unseen} when newer than the person's last look. */
public record NotificationEntry(long id, long referralId, String referralReference, ReferralEvent event,
                                String causedBy, Instant createdAt, boolean unseen) {
}
