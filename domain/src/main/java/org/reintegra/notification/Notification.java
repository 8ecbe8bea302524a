package org.reintegra.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.persistence.annotations.AdditionalCriteria;
import org.reintegra.referral.ReferralEvent;
import org.reintegra.referral.ReferralSide;
import org.reintegra.tenancy.AgencyPartnerSharedEntity;
import org.reintegra.tenancy.TenancyProperties;
import org.reintegra.tenancy.TenantId;

/**
 * A notification about a referral, addressed to one side of it: to one person, or (no recipient)
 * to everyone of that side who works referrals. Only the addressed side reads it; written once.
 */
@Entity
@Table(name = "notification")
@AdditionalCriteria("(this.agencyTenantId = :" + TenancyProperties.SHARED_TENANT_PARAMETER
        + " AND this.recipientSide = org.reintegra.referral.ReferralSide.AGENCY)"
        + " OR (this.partnerTenantId = :" + TenancyProperties.SHARED_TENANT_PARAMETER
        + " AND this.recipientSide = org.reintegra.referral.ReferralSide.PARTNER)")
public class Notification extends AgencyPartnerSharedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_id")
    @SequenceGenerator(name = "notification_id", sequenceName = "notification_id_seq", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Column(name = "referral_id", nullable = false, updatable = false)
    private Long referralId;

    @Column(name = "referral_reference", nullable = false, length = 40, updatable = false)
    private String referralReference;

    @Enumerated(EnumType.STRING)
    @Column(name = "recipient_side", nullable = false, length = 16, updatable = false)
    private ReferralSide recipientSide;

    @Column(name = "recipient", length = 100, updatable = false)
    private String recipient;

    @Enumerated(EnumType.STRING)
    @Column(name = "event", nullable = false, length = 30, updatable = false)
    private ReferralEvent event;

    @Column(name = "caused_by", nullable = false, length = 100, updatable = false)
    private String causedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Notification() {
    }

    Notification(TenantId agency, TenantId partner, long referralId, String referralReference, ReferralSide recipientSide,
                 String recipient, ReferralEvent event, String causedBy, Instant createdAt) {
        super(agency, partner);
        this.referralId = referralId;
        this.referralReference = referralReference;
        this.recipientSide = recipientSide;
        this.recipient = recipient;
        this.event = event;
        this.causedBy = causedBy;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public long referralId() {
        return referralId;
    }

    public String referralReference() {
        return referralReference;
    }

    public ReferralSide recipientSide() {
        return recipientSide;
    }

    /** One person, or null for everyone of the addressed side who works referrals. */
    public String recipient() {
        return recipient;
    }

    public ReferralEvent event() {
        return event;
    }

    public String causedBy() {
        return causedBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
