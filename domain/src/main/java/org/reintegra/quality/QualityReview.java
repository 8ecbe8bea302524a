package org.reintegra.quality;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reintegra.tenancy.AgencyPartnerSharedEntity;
import org.reintegra.tenancy.TenantId;

/**
 * A quality review of one partner by an agency: a sample of the partner's closed referrals, each
 * checked against the checklist, and findings with corrective actions. It closes once every
 * sampled referral is checked and every finding is closed.
 */
@Entity
@Table(name = "quality_review")
public class QualityReview extends AgencyPartnerSharedEntity {

    public static final int MAX_SAMPLE = 50;
    public static final int MAX_TEXT = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "quality_review_id")
    @SequenceGenerator(name = "quality_review_id", sequenceName = "quality_review_id_seq", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Column(name = "title", nullable = false, length = 200)
    private String title;

    @Column(name = "period_from", nullable = false, updatable = false)
    private LocalDate periodFrom;

    @Column(name = "period_to", nullable = false, updatable = false)
    private LocalDate periodTo;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 12)
    private ReviewStatus status;

    @Column(name = "created_by", nullable = false, length = 100, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "closed_by", length = 100)
    private String closedBy;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @OneToMany(mappedBy = "review", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<ReviewedReferral> items = new ArrayList<>();

    @OneToMany(mappedBy = "review", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<QualityFinding> findings = new ArrayList<>();

    protected QualityReview() {
    }

    /** Starts a review of a sample of the partner's closed referrals (ids chosen by the service). */
    public QualityReview(TenantId agency, TenantId partner, String title, LocalDate from, LocalDate to,
                         List<Long> sampledReferrals, String createdBy, Instant now) {
        super(agency, partner);
        if (title == null || title.isBlank()) {
            throw new QualityRefused("title", "quality.title-required");
        }
        if (title.strip().length() > 200) {
            throw new QualityRefused("title", "quality.title-too-long");
        }
        if (from == null || to == null || to.isBefore(from)) {
            throw new QualityRefused("period", "quality.period-invalid");
        }
        if (sampledReferrals.isEmpty()) {
            throw new QualityRefused("sample", "quality.nothing-to-sample");
        }
        if (sampledReferrals.size() > MAX_SAMPLE) {
            throw new QualityRefused("sample", "quality.sample-too-large");
        }
        this.title = title.strip();
        this.periodFrom = from;
        this.periodTo = to;
        this.status = ReviewStatus.OPEN;
        this.createdBy = createdBy;
        this.createdAt = now;
        for (Long referral : sampledReferrals) {
            items.add(new ReviewedReferral(this, referral));
        }
    }

    /** Records the checklist of one sampled referral. */
    public void check(long itemId, Map<QualityCheck, CheckResult> results, String note, String by, Instant now) {
        requireOpen();
        item(itemId).orElseThrow(() -> new QualityRefused("item", "quality.not-in-sample"))
                .record(results, note, by, now);
    }

    /** Raises a finding, about one sampled referral or the partner's work in general. */
    public QualityFinding raise(Long referralId, String finding, String correctiveAction, LocalDate dueOn, String by,
                                Instant now) {
        requireOpen();
        if (referralId != null && items.stream().noneMatch(i -> i.referralId() == referralId)) {
            throw new QualityRefused("referral", "quality.not-in-sample");
        }
        QualityFinding raised = new QualityFinding(this, referralId, finding, correctiveAction, dueOn, by, now);
        findings.add(raised);
        return raised;
    }

    public void close(String by, Instant now) {
        requireOpen();
        if (items.stream().anyMatch(i -> !i.checked())) {
            throw new QualityRefused("review", "quality.unchecked-referrals");
        }
        if (findings.stream().anyMatch(f -> f.status() != FindingStatus.CLOSED)) {
            throw new QualityRefused("review", "quality.findings-open");
        }
        this.status = ReviewStatus.CLOSED;
        this.closedBy = by;
        this.closedAt = now;
    }

    private void requireOpen() {
        if (status != ReviewStatus.OPEN) {
            throw new QualityRefused("review", "quality.review-closed");
        }
    }

    Optional<ReviewedReferral> item(long itemId) {
        return items.stream().filter(i -> i.id() != null && i.id() == itemId).findFirst();
    }

    public Long id() {
        return id;
    }

    public String title() {
        return title;
    }

    public LocalDate periodFrom() {
        return periodFrom;
    }

    public LocalDate periodTo() {
        return periodTo;
    }

    public ReviewStatus status() {
        return status;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public long version() {
        return version;
    }

    public List<ReviewedReferral> items() {
        return Collections.unmodifiableList(items);
    }

    public List<QualityFinding> findings() {
        return Collections.unmodifiableList(findings);
    }
}
