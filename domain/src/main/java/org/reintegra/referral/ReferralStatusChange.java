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
import org.reintegra.access.Actor;
import org.eclipse.persistence.annotations.AdditionalCriteria;
import org.reintegra.tenancy.AgencyPartnerSharedEntity;
import org.reintegra.tenancy.TenancyProperties;

/**
 * One step of a referral's history: from, to, who, when and why. Written once, never changed. The
 * partner sees the history only of referrals it sees, that is once they were sent (a draft
 * withdrawn by the agency leaves history the partner never sees). The RLS policy checks the same
 * against the referral itself, so a row cannot claim a visibility its referral does not have.
 */
@Entity
@Table(name = "referral_status_change")
@AdditionalCriteria("this.agencyTenantId = :" + TenancyProperties.SHARED_TENANT_PARAMETER
        + " OR (this.partnerTenantId = :" + TenancyProperties.SHARED_TENANT_PARAMETER
        + " AND this.visibleToPartner = TRUE)")
public class ReferralStatusChange extends AgencyPartnerSharedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "referral_status_change_id")
    @SequenceGenerator(name = "referral_status_change_id", sequenceName = "referral_status_change_id_seq", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "referral_id", nullable = false, updatable = false)
    private Referral referral;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 20, updatable = false)
    private ReferralStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 20, updatable = false)
    private ReferralStatus toStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "command", nullable = false, length = 20, updatable = false)
    private ReferralCommand command;

    @Column(name = "changed_by", nullable = false, length = 100, updatable = false)
    private String changedBy;

    @Column(name = "changed_by_tenant", nullable = false, length = 63, updatable = false)
    private String changedByTenant;

    @Column(name = "changed_at", nullable = false, updatable = false)
    private Instant changedAt;

    @Column(name = "reason_code", length = 40, updatable = false)
    private String reasonCode;

    @Column(name = "reason_text", length = 2000, updatable = false)
    private String reasonText;

    @Column(name = "visible_to_partner", nullable = false, updatable = false)
    private boolean visibleToPartner;

    protected ReferralStatusChange() {
    }

    ReferralStatusChange(Referral referral, ReferralStatus from, ReferralStatus to, ReferralCommand command,
                         Actor actor, Instant at, String reasonCode, String reasonText) {
        super(referral.agencyTenant(), referral.partnerTenant());
        this.referral = referral;
        this.fromStatus = from;
        this.toStatus = to;
        this.command = command;
        this.changedBy = actor.username();
        this.changedByTenant = actor.tenant().value();
        this.changedAt = at;
        this.reasonCode = reasonCode;
        this.reasonText = reasonText;
        // the partner sees the change that sends a referral and every change after it
        this.visibleToPartner = command == ReferralCommand.SEND || referral.sentAt() != null;
    }

    public ReferralStatus fromStatus() {
        return fromStatus;
    }

    public ReferralStatus toStatus() {
        return toStatus;
    }

    public ReferralCommand command() {
        return command;
    }

    public String changedBy() {
        return changedBy;
    }

    public String changedByTenant() {
        return changedByTenant;
    }

    public Instant changedAt() {
        return changedAt;
    }

    public String reasonCode() {
        return reasonCode;
    }

    public String reasonText() {
        return reasonText;
    }
}
