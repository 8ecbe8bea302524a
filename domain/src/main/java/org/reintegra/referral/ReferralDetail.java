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
import jakarta.persistence.Version;
import org.reintegra.tenancy.AgencyPartnerSharedEntity;

/**
 * Health notes or legal case details of a referral, kept apart from the referral's row so that
 * the database shows each only to a partner whose category needs it (row-level security with
 * {@code partner_may_see}). Written by the agency.
 */
@Entity
@Table(name = "referral_detail")
public class ReferralDetail extends AgencyPartnerSharedEntity {

    public static final int MAX_LENGTH = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "referral_detail_id")
    @SequenceGenerator(name = "referral_detail_id", sequenceName = "referral_detail_id_seq", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "referral_id", nullable = false, updatable = false)
    private Referral referral;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 16, updatable = false)
    private DataKind kind;

    @Column(name = "body", nullable = false, length = MAX_LENGTH)
    private String body;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ReferralDetail() {
    }

    ReferralDetail(Referral referral, DataKind kind, String body) {
        super(referral.agencyTenant(), referral.partnerTenant());
        if (kind != DataKind.HEALTH && kind != DataKind.LEGAL) {
            throw new IllegalArgumentException("details are health notes or legal case details");
        }
        this.referral = referral;
        this.kind = kind;
        this.body = body;
    }

    public DataKind kind() {
        return kind;
    }

    /** The text, or "" when the agency cleared it (rows are never deleted). */
    public String body() {
        return body;
    }

    void rewrite(String text) {
        this.body = text;
    }
}
