package org.reintegra.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.reintegra.tenancy.TenantOwnedEntity;

/** Marks a notification as turned into mail for the recipient tenant's people (once per tenant). */
@Entity
@Table(name = "notification_fanout")
public class NotificationFanout extends TenantOwnedEntity {

    @Id
    @Column(name = "notification_id")
    private Long notificationId;

    @Column(name = "fanned_out_at", nullable = false, updatable = false)
    private Instant fannedOutAt;

    protected NotificationFanout() {
    }

    NotificationFanout(long notificationId, Instant at) {
        this.notificationId = notificationId;
        this.fannedOutAt = at;
    }
}
