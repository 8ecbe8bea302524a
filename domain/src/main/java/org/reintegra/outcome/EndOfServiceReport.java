package org.reintegra.outcome;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.reintegra.delivery.SessionRefused;
import org.reintegra.referral.DesiredOutcome;
import org.reintegra.referral.EndedEarlyReason;
import org.reintegra.referral.Referral;
import org.reintegra.tenancy.AgencyPartnerSharedEntity;

/**
 * The partner's end-of-service report on a referral: every desired outcome rated, a summary, and
 * how the service ended. Written once (a trigger keeps it so); the agency acknowledges it.
 */
@Entity
@Table(name = "end_of_service_report")
public class EndOfServiceReport extends AgencyPartnerSharedEntity {

    public static final int MAX_SUMMARY = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "end_of_service_report_id")
    @SequenceGenerator(name = "end_of_service_report_id", sequenceName = "end_of_service_report_id_seq",
            allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Column(name = "referral_id", nullable = false, updatable = false)
    private Long referralId;

    @Enumerated(EnumType.STRING)
    @Column(name = "conclusion", nullable = false, length = 16, updatable = false)
    private Conclusion conclusion;

    @Enumerated(EnumType.STRING)
    @Column(name = "ended_early_reason", length = 30, updatable = false)
    private EndedEarlyReason endedEarlyReason;

    @Column(name = "ended_early_text", length = 2000, updatable = false)
    private String endedEarlyText;

    @Column(name = "summary", nullable = false, length = MAX_SUMMARY, updatable = false)
    private String summary;

    @Column(name = "submitted_by", nullable = false, length = 100, updatable = false)
    private String submittedBy;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    private Instant submittedAt;

    @Column(name = "acknowledged_by", length = 100)
    private String acknowledgedBy;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @OneToMany(mappedBy = "report", cascade = CascadeType.PERSIST)
    private List<OutcomeRatingRow> ratings = new ArrayList<>();

    protected EndOfServiceReport() {
    }

    /**
     * Checks the draft against the referral: each of its desired outcomes rated exactly once, a
     * summary, a coded reason (and text for OTHER) when it ended early.
     */
    EndOfServiceReport(Referral referral, ReportDraft draft, String by, Instant at) {
        super(referral.agencyTenant(), referral.partnerTenant());
        if (draft.conclusion() == null) {
            throw new SessionRefused("conclusion", "report.conclusion.required");
        }
        if (draft.conclusion() == Conclusion.ENDED_EARLY) {
            if (draft.endedEarlyReason() == null) {
                throw new SessionRefused("endedEarlyReason", "report.reason.required");
            }
            if (draft.endedEarlyReason() == EndedEarlyReason.OTHER
                    && (draft.endedEarlyText() == null || draft.endedEarlyText().isBlank())) {
                throw new SessionRefused("endedEarlyText", "report.reason-text.required");
            }
        } else if (draft.endedEarlyReason() != null) {
            throw new SessionRefused("endedEarlyReason", "report.reason.only-if-ended-early");
        }
        if (draft.summary() == null || draft.summary().isBlank() || draft.summary().strip().length() > MAX_SUMMARY) {
            throw new SessionRefused("summary", "report.summary.required");
        }
        Set<DesiredOutcome> rated = EnumSet.noneOf(DesiredOutcome.class);
        for (RatedOutcome rating : draft.ratings()) {
            if (rating.outcome() == null || rating.rating() == null || !rated.add(rating.outcome())) {
                throw new SessionRefused("ratings", "report.ratings.each-once");
            }
            if (rating.comment() != null && rating.comment().length() > 2000) {
                throw new SessionRefused("ratings", "referral.text.too-long");
            }
        }
        if (!rated.equals(referral.desiredOutcomes())) {
            throw new SessionRefused("ratings", "report.ratings.each-once");
        }
        this.referralId = referral.id();
        this.conclusion = draft.conclusion();
        this.endedEarlyReason = draft.endedEarlyReason();
        this.endedEarlyText = draft.endedEarlyText() == null || draft.endedEarlyText().isBlank()
                ? null : draft.endedEarlyText().strip();
        this.summary = draft.summary().strip();
        this.submittedBy = by;
        this.submittedAt = at;
        draft.ratings().forEach(rating -> ratings.add(new OutcomeRatingRow(this, rating)));
    }

    void acknowledge(String by, Instant at) {
        if (acknowledgedAt != null) {
            throw new SessionRefused("report", "report.already-acknowledged");
        }
        this.acknowledgedBy = by;
        this.acknowledgedAt = at;
    }

    ReportEntry entry() {
        return new ReportEntry(id, conclusion, endedEarlyReason, endedEarlyText, summary,
                ratings.stream().map(OutcomeRatingRow::rated).toList(), submittedBy, submittedAt, acknowledgedBy,
                acknowledgedAt, version);
    }

    public long referralId() {
        return referralId;
    }

    public Conclusion conclusion() {
        return conclusion;
    }

    public EndedEarlyReason endedEarlyReason() {
        return endedEarlyReason;
    }

    public String endedEarlyText() {
        return endedEarlyText;
    }

    public long version() {
        return version;
    }
}
