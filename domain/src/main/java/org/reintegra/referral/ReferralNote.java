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
 * A case note or a question written on a referral by the agency or the partner; both see it (the
 * partner once the referral was sent). Written once, never changed.
 */
@Entity
@Table(name = "referral_note")
@AdditionalCriteria("this.agencyTenantId = :" + TenancyProperties.SHARED_TENANT_PARAMETER
        + " OR (this.partnerTenantId = :" + TenancyProperties.SHARED_TENANT_PARAMETER
        + " AND this.visibleToPartner = TRUE)")
public class ReferralNote extends AgencyPartnerSharedEntity {

    public static final int MAX_LENGTH = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "referral_note_id")
    @SequenceGenerator(name = "referral_note_id", sequenceName = "referral_note_id_seq", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "referral_id", nullable = false, updatable = false)
    private Referral referral;

    @Column(name = "author", nullable = false, length = 100, updatable = false)
    private String author;

    @Enumerated(EnumType.STRING)
    @Column(name = "author_side", nullable = false, length = 16, updatable = false)
    private ReferralSide authorSide;

    @Column(name = "question", nullable = false, updatable = false)
    private boolean question;

    @Column(name = "body", nullable = false, length = MAX_LENGTH, updatable = false)
    private String body;

    @Column(name = "written_at", nullable = false, updatable = false)
    private Instant writtenAt;

    @Column(name = "visible_to_partner", nullable = false, updatable = false)
    private boolean visibleToPartner;

    protected ReferralNote() {
    }

    ReferralNote(Referral referral, Actor author, ReferralSide side, boolean question, String body, Instant at) {
        super(referral.agencyTenant(), referral.partnerTenant());
        this.referral = referral;
        this.author = author.username();
        this.authorSide = side;
        this.question = question;
        this.body = body;
        this.writtenAt = at;
        this.visibleToPartner = referral.sentAt() != null;
    }

    public String author() {
        return author;
    }

    public ReferralSide authorSide() {
        return authorSide;
    }

    public boolean question() {
        return question;
    }

    public String body() {
        return body;
    }

    public Instant writtenAt() {
        return writtenAt;
    }
}
