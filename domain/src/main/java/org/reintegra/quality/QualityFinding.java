package org.reintegra.quality;

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
import java.time.Instant;
import java.time.LocalDate;
import org.reintegra.tenancy.AgencyPartnerSharedEntity;

/**
 * A finding of a quality review with the corrective action asked for and its due date: the
 * partner answers it, the agency closes it or opens it again with a comment.
 */
@Entity
@Table(name = "quality_finding")
public class QualityFinding extends AgencyPartnerSharedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "quality_finding_id")
    @SequenceGenerator(name = "quality_finding_id", sequenceName = "quality_finding_id_seq", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "review_id", nullable = false, updatable = false)
    private QualityReview review;

    @Column(name = "referral_id", updatable = false)
    private Long referralId;

    @Column(name = "finding", nullable = false, length = QualityReview.MAX_TEXT)
    private String finding;

    @Column(name = "corrective_action", nullable = false, length = QualityReview.MAX_TEXT)
    private String correctiveAction;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 12)
    private FindingStatus status;

    @Column(name = "raised_by", nullable = false, length = 100, updatable = false)
    private String raisedBy;

    @Column(name = "raised_at", nullable = false, updatable = false)
    private Instant raisedAt;

    @Column(name = "partner_response", length = QualityReview.MAX_TEXT)
    private String partnerResponse;

    @Column(name = "responded_by", length = 100)
    private String respondedBy;

    @Column(name = "responded_at")
    private Instant respondedAt;

    @Column(name = "agency_comment", length = QualityReview.MAX_TEXT)
    private String agencyComment;

    @Column(name = "closed_by", length = 100)
    private String closedBy;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected QualityFinding() {
    }

    QualityFinding(QualityReview review, Long referralId, String finding, String correctiveAction, LocalDate dueOn,
                   String by, Instant now) {
        super(review.agencyTenant(), review.partnerTenant());
        this.review = review;
        this.referralId = referralId;
        this.finding = text(finding, "finding");
        this.correctiveAction = text(correctiveAction, "action");
        if (dueOn == null) {
            throw new QualityRefused("due", "quality.due-required");
        }
        this.dueOn = dueOn;
        this.status = FindingStatus.OPEN;
        this.raisedBy = by;
        this.raisedAt = now;
    }

    /** The partner's answer: what it did or will do. An answered finding can be answered again. */
    public void answer(String response, String by, Instant now) {
        if (status == FindingStatus.CLOSED) {
            throw new QualityRefused("response", "quality.finding-closed");
        }
        this.partnerResponse = text(response, "response");
        this.respondedBy = by;
        this.respondedAt = now;
        this.status = FindingStatus.ANSWERED;
    }

    /** The agency is satisfied. */
    public void close(String by, Instant now) {
        if (status == FindingStatus.CLOSED) {
            throw new QualityRefused("finding", "quality.finding-closed");
        }
        this.status = FindingStatus.CLOSED;
        this.closedBy = by;
        this.closedAt = now;
    }

    /** The agency is not satisfied with the answer: open again, saying why. */
    public void reopen(String comment) {
        if (status != FindingStatus.ANSWERED) {
            throw new QualityRefused("finding", "quality.reopen-only-answered");
        }
        this.agencyComment = text(comment, "comment");
        this.status = FindingStatus.OPEN;
    }

    private static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new QualityRefused(field, "quality.text-required");
        }
        if (value.strip().length() > QualityReview.MAX_TEXT) {
            throw new QualityRefused(field, "quality.text-too-long");
        }
        return value.strip();
    }

    public Long id() {
        return id;
    }

    public QualityReview review() {
        return review;
    }

    public Long referralId() {
        return referralId;
    }

    public String finding() {
        return finding;
    }

    public String correctiveAction() {
        return correctiveAction;
    }

    public LocalDate dueOn() {
        return dueOn;
    }

    public FindingStatus status() {
        return status;
    }

    public String raisedBy() {
        return raisedBy;
    }

    public String partnerResponse() {
        return partnerResponse;
    }

    public String respondedBy() {
        return respondedBy;
    }

    public String agencyComment() {
        return agencyComment;
    }

    public long version() {
        return version;
    }
}
