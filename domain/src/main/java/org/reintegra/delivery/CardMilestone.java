package org.reintegra.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import org.reintegra.tenancy.AgencyPartnerSharedEntity;
import org.reintegra.tenancy.TenantId;

/** An ID or transport card for a referred client: requested, then issued (date and document number). */
@Entity
@Table(name = "card_milestone")
public class CardMilestone extends AgencyPartnerSharedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "card_milestone_id")
    @SequenceGenerator(name = "card_milestone_id", sequenceName = "card_milestone_id_seq", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Column(name = "referral_id", nullable = false, updatable = false)
    private Long referralId;

    @Enumerated(EnumType.STRING)
    @Column(name = "card_type", nullable = false, length = 16, updatable = false)
    private CardType type;

    @Column(name = "requested_on", nullable = false, updatable = false)
    private LocalDate requestedOn;

    @Column(name = "issued_on")
    private LocalDate issuedOn;

    @Column(name = "document_number", length = 40)
    private String documentNumber;

    @Column(name = "recorded_by", nullable = false, length = 100)
    private String recordedBy;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected CardMilestone() {
    }

    CardMilestone(TenantId agency, TenantId partner, long referralId, CardType type, LocalDate requestedOn, String by) {
        super(agency, partner);
        this.referralId = referralId;
        this.type = type;
        this.requestedOn = requestedOn;
        this.recordedBy = by;
    }

    void issue(LocalDate on, String number, String by) {
        if (issuedOn != null) {
            throw new SessionRefused("issuedOn", "card.already-issued");
        }
        if (on == null || on.isBefore(requestedOn) || on.isAfter(LocalDate.now())) {
            throw new SessionRefused("issuedOn", "card.issued-on.invalid");
        }
        if (number == null || number.isBlank() || number.strip().length() > 40) {
            throw new SessionRefused("documentNumber", "card.number.required");
        }
        this.issuedOn = on;
        this.documentNumber = number.strip();
        this.recordedBy = by;
    }

    CardEntry entry() {
        return new CardEntry(id, type, requestedOn, issuedOn, CardEntry.mask(documentNumber), version);
    }

    public long referralId() {
        return referralId;
    }

    public long version() {
        return version;
    }
}
