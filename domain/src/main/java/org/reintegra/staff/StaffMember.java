package org.reintegra.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.reintegra.tenancy.TenantOwnedEntity;

/** A person of one organisation, as last seen at sign-in, with their notification choice. */
@Entity
@Table(name = "staff_member")
public class StaffMember extends TenantOwnedEntity {

    @Id
    @Column(name = "username", length = 100)
    private String username;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "email", length = 200)
    private String email;

    @Column(name = "roles", nullable = false, length = 300)
    private String roles;

    @Enumerated(EnumType.STRING)
    @Column(name = "notification_delivery", nullable = false, length = 16)
    private NotificationDelivery notificationDelivery = NotificationDelivery.IMMEDIATE;

    @Column(name = "preferred_locale", length = 16)
    private String preferredLocale;

    @Column(name = "first_signed_in_at", nullable = false, updatable = false)
    private Instant firstSignedInAt;

    @Column(name = "last_signed_in_at", nullable = false)
    private Instant lastSignedInAt;

    @Column(name = "digest_sent_up_to")
    private Instant digestSentUpTo;

    @Column(name = "notifications_seen_at")
    private Instant notificationsSeenAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected StaffMember() {
    }

    StaffMember(String username, Instant now) {
        this.username = username;
        this.firstSignedInAt = now;
        this.digestSentUpTo = now;
    }

    void signedIn(String displayName, String email, Set<String> roles, String locale, Instant now) {
        this.displayName = displayName == null || displayName.isBlank() ? username : displayName.strip();
        this.email = email == null || email.isBlank() ? null : email.strip();
        this.roles = String.join(",", new TreeSet<>(roles));
        if (preferredLocale == null && locale != null && !locale.isBlank()) {
            this.preferredLocale = locale; // the browser's language until the person chooses one
        }
        this.lastSignedInAt = now;
    }

    void chooseDelivery(NotificationDelivery delivery, Instant now) {
        if (delivery == NotificationDelivery.DAILY_DIGEST && this.notificationDelivery != delivery) {
            this.digestSentUpTo = now; // the first digest starts from the choice, not from the past
        }
        this.notificationDelivery = delivery;
    }

    void chooseLanguage(String languageTag) {
        this.preferredLocale = languageTag;
    }

    void sawNotifications(Instant now) {
        this.notificationsSeenAt = now;
    }

    public void digestSent(Instant upTo) {
        this.digestSentUpTo = upTo;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String email() {
        return email;
    }

    public Set<String> roles() {
        return roles == null || roles.isBlank() ? Set.of()
                : Arrays.stream(roles.split(",")).collect(Collectors.toUnmodifiableSet());
    }

    public boolean hasRole(String role) {
        return roles().contains(role);
    }

    public NotificationDelivery notificationDelivery() {
        return notificationDelivery;
    }

    public String preferredLocale() {
        return preferredLocale;
    }

    public Instant digestSentUpTo() {
        return digestSentUpTo;
    }

    public Instant notificationsSeenAt() {
        return notificationsSeenAt;
    }

    public long version() {
        return version;
    }
}
