package org.reintegra.staff;

/** How a person wants to hear of what happens to their referrals, besides the portal's bell. */
public enum NotificationDelivery {
    /** An e-mail for each notification, within a minute or so. */
    IMMEDIATE,
    /** One e-mail a day listing the day's notifications. */
    DAILY_DIGEST,
    /** No e-mail: the bell in the portal only. */
    IN_APP_ONLY
}
