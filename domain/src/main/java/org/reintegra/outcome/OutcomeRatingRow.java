package org.reintegra.outcome;

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
import org.reintegra.referral.DesiredOutcome;
import org.reintegra.tenancy.AgencyPartnerSharedEntity;

/** One desired outcome's rating in a report (a row of its own, so dashboards count them in SQL). */
@Entity
@Table(name = "outcome_rating")
public class OutcomeRatingRow extends AgencyPartnerSharedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outcome_rating_id")
    @SequenceGenerator(name = "outcome_rating_id", sequenceName = "outcome_rating_id_seq", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "report_id", nullable = false, updatable = false)
    private EndOfServiceReport report;

    @Enumerated(EnumType.STRING)
    @Column(name = "desired_outcome", nullable = false, length = 40, updatable = false)
    private DesiredOutcome outcome;

    @Enumerated(EnumType.STRING)
    @Column(name = "rating", nullable = false, length = 20, updatable = false)
    private OutcomeRating rating;

    @Column(name = "comment", length = 2000, updatable = false)
    private String comment;

    protected OutcomeRatingRow() {
    }

    OutcomeRatingRow(EndOfServiceReport report, RatedOutcome rated) {
        super(report.agencyTenant(), report.partnerTenant());
        this.report = report;
        this.outcome = rated.outcome();
        this.rating = rated.rating();
        this.comment = rated.comment() == null || rated.comment().isBlank() ? null : rated.comment().strip();
    }

    RatedOutcome rated() {
        return new RatedOutcome(outcome, rating, comment);
    }
}
