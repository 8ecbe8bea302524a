package org.reintegra.referral;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.persistence.annotations.AdditionalCriteria;
import org.reintegra.access.Actor;
import org.reintegra.tenancy.AgencyPartnerSharedEntity;
import org.reintegra.tenancy.TenancyProperties;

/**
 * One line of a sent referral's changelog: which field, old value, new value, who, when and why.
 * The agency amends what it wrote; the partner reassigns its caseworker. Written once, never changed.
 */
@Entity
@Table(name = "referral_amendment")
@AdditionalCriteria("this.agencyTenantId = :" + TenancyProperties.SHARED_TENANT_PARAMETER
        + " OR this.partnerTenantId = :" + TenancyProperties.SHARED_TENANT_PARAMETER)
public class ReferralAmendment extends AgencyPartnerSharedEntity {

    public static final int MAX_REASON_LENGTH = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "referral_amendment_id")
    @SequenceGenerator(name = "referral_amendment_id", sequenceName = "referral_amendment_id_seq", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "referral_id", nullable = false, updatable = false)
    private Referral referral;

    @Enumerated(EnumType.STRING)
    @Column(name = "field", nullable = false, length = 40, updatable = false)
    private ReferralField field;

    @Column(name = "old_value", length = 4000, updatable = false)
    private String oldValue;

    @Column(name = "new_value", length = 4000, updatable = false)
    private String newValue;

    @Column(name = "reason", nullable = false, length = MAX_REASON_LENGTH, updatable = false)
    private String reason;

    @Column(name = "amended_by", nullable = false, length = 100, updatable = false)
    private String amendedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "amended_by_side", nullable = false, length = 16, updatable = false)
    private ReferralSide amendedBySide;

    @Column(name = "amended_at", nullable = false, updatable = false)
    private Instant amendedAt;

    protected ReferralAmendment() {
    }

    ReferralAmendment(Referral referral, ReferralField field, String oldValue, String newValue, String reason,
                      Actor actor, ReferralSide side, Instant at) {
        super(referral.agencyTenant(), referral.partnerTenant());
        this.referral = referral;
        this.field = field;
        this.oldValue = oldValue;
        this.newValue = newValue;
        this.reason = reason;
        this.amendedBy = actor.username();
        this.amendedBySide = side;
        this.amendedAt = at;
    }

    public ReferralField field() {
        return field;
    }

    public String oldValue() {
        return oldValue;
    }

    public String newValue() {
        return newValue;
    }

    public String reason() {
        return reason;
    }

    public String amendedBy() {
        return amendedBy;
    }

    public ReferralSide amendedBySide() {
        return amendedBySide;
    }

    public Instant amendedAt() {
        return amendedAt;
    }
}
