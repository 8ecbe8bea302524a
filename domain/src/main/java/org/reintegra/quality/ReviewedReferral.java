package org.reintegra.quality;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import org.reintegra.tenancy.AgencyPartnerSharedEntity;

/** One referral in a review's sample, with its checklist once checked. */
@Entity
@Table(name = "quality_review_item")
public class ReviewedReferral extends AgencyPartnerSharedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "quality_review_item_id")
    @SequenceGenerator(name = "quality_review_item_id", sequenceName = "quality_review_item_id_seq", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "review_id", nullable = false, updatable = false)
    private QualityReview review;

    @Column(name = "referral_id", nullable = false, updatable = false)
    private long referralId;

    @Column(name = "checks", nullable = false, length = 600)
    private String checks;

    @Column(name = "note", length = QualityReview.MAX_TEXT)
    private String note;

    @Column(name = "checked_by", length = 100)
    private String checkedBy;

    @Column(name = "checked_at")
    private Instant checkedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ReviewedReferral() {
    }

    ReviewedReferral(QualityReview review, long referralId) {
        super(review.agencyTenant(), review.partnerTenant());
        this.review = review;
        this.referralId = referralId;
        this.checks = "";
    }

    void record(Map<QualityCheck, CheckResult> results, String note, String by, Instant now) {
        if (results == null || results.size() != QualityCheck.values().length || results.containsValue(null)) {
            throw new QualityRefused("checks", "quality.every-check-required");
        }
        if (note != null && note.strip().length() > QualityReview.MAX_TEXT) {
            throw new QualityRefused("note", "quality.text-too-long");
        }
        this.checks = Checklist.encode(results);
        this.note = note == null || note.isBlank() ? null : note.strip();
        this.checkedBy = by;
        this.checkedAt = now;
    }

    public boolean checked() {
        return checkedAt != null;
    }

    public Long id() {
        return id;
    }

    public long referralId() {
        return referralId;
    }

    public Map<QualityCheck, CheckResult> results() {
        return Checklist.decode(checks);
    }

    public String note() {
        return note;
    }

    public String checkedBy() {
        return checkedBy;
    }

    public Instant checkedAt() {
        return checkedAt;
    }

    public long version() {
        return version;
    }
}
