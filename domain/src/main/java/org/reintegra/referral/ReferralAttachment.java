package org.reintegra.referral;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.persistence.annotations.AdditionalCriteria;
import org.reintegra.tenancy.AgencyPartnerSharedEntity;
import org.reintegra.tenancy.TenancyProperties;
import org.reintegra.tenancy.TenantId;

/**
 * A document attached to a referral, stored in PostgreSQL with its kind: the partner's side of
 * the row-level security policy lets through only the kinds its category needs. Written once.
 * Lists read its metadata through a constructor query; the content is read only for a download.
 */
@Entity
@Table(name = "referral_attachment")
@AdditionalCriteria("this.agencyTenantId = :" + TenancyProperties.SHARED_TENANT_PARAMETER
        + " OR (this.partnerTenantId = :" + TenancyProperties.SHARED_TENANT_PARAMETER
        + " AND this.visibleToPartner = TRUE)")
public class ReferralAttachment extends AgencyPartnerSharedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "referral_attachment_id")
    @SequenceGenerator(name = "referral_attachment_id", sequenceName = "referral_attachment_id_seq", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Column(name = "referral_id", nullable = false, updatable = false)
    private Long referralId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 16, updatable = false)
    private DataKind kind;

    @Column(name = "file_name", nullable = false, length = 200, updatable = false)
    private String fileName;

    @Column(name = "media_type", nullable = false, length = 100, updatable = false)
    private String mediaType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private int sizeBytes;

    @Column(name = "sha256", nullable = false, length = 64, updatable = false)
    private String sha256;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "content", nullable = false, updatable = false)
    private byte[] content;

    @Column(name = "uploaded_by", nullable = false, length = 100, updatable = false)
    private String uploadedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "uploaded_by_side", nullable = false, length = 16, updatable = false)
    private ReferralSide uploadedBySide;

    @Column(name = "uploaded_at", nullable = false, updatable = false)
    private Instant uploadedAt;

    @Column(name = "visible_to_partner", nullable = false, updatable = false)
    private boolean visibleToPartner;

    protected ReferralAttachment() {
    }

    ReferralAttachment(TenantId agency, TenantId partner, long referralId, DataKind kind, CheckedFile file,
                       String uploadedBy, ReferralSide side, Instant at) {
        super(agency, partner);
        this.referralId = referralId;
        this.kind = kind;
        this.fileName = file.fileName();
        this.mediaType = file.mediaType();
        this.sizeBytes = file.content().length;
        this.sha256 = file.sha256();
        this.content = file.content();
        this.uploadedBy = uploadedBy;
        this.uploadedBySide = side;
        this.uploadedAt = at;
        this.visibleToPartner = true; // the partner sees it once it sees the referral, if its category may
    }

    public Long id() {
        return id;
    }
}
