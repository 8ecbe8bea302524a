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
import java.time.Instant;
import org.reintegra.tenancy.AgencyPartnerSharedEntity;
import org.reintegra.tenancy.TenantId;

/**
 * One version of a referral's action plan: the partner's planned activities and number of
 * sessions, and the agency's review (approved, or returned with comments). A new proposal is a new
 * version; what a version says never changes (a database trigger agrees).
 */
@Entity
@Table(name = "action_plan")
public class ActionPlan extends AgencyPartnerSharedEntity {

    public static final int MAX_ACTIVITIES = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "action_plan_id")
    @SequenceGenerator(name = "action_plan_id", sequenceName = "action_plan_id_seq", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Column(name = "referral_id", nullable = false, updatable = false)
    private Long referralId;

    @Column(name = "plan_version", nullable = false, updatable = false)
    private int planVersion;

    @Column(name = "activities", nullable = false, length = MAX_ACTIVITIES, updatable = false)
    private String activities;

    @Column(name = "planned_sessions", nullable = false, updatable = false)
    private int plannedSessions;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private ActionPlanStatus status;

    @Column(name = "submitted_by", nullable = false, length = 100, updatable = false)
    private String submittedBy;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    private Instant submittedAt;

    @Column(name = "reviewed_by", length = 100)
    private String reviewedBy;

    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    @Column(name = "review_comment", length = 2000)
    private String reviewComment;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ActionPlan() {
    }

    ActionPlan(TenantId agency, TenantId partner, long referralId, int planVersion, String activities,
               int plannedSessions, String by, Instant at) {
        super(agency, partner);
        if (activities == null || activities.isBlank() || activities.strip().length() > MAX_ACTIVITIES) {
            throw new SessionRefused("activities", "plan.activities.required");
        }
        if (plannedSessions < 1 || plannedSessions > 500) {
            throw new SessionRefused("plannedSessions", "plan.sessions.range");
        }
        this.referralId = referralId;
        this.planVersion = planVersion;
        this.activities = activities.strip();
        this.plannedSessions = plannedSessions;
        this.status = ActionPlanStatus.SUBMITTED;
        this.submittedBy = by;
        this.submittedAt = at;
    }

    void approve(String by, Instant at) {
        review(ActionPlanStatus.APPROVED, null, by, at);
    }

    void giveBack(String comment, String by, Instant at) {
        if (comment == null || comment.isBlank() || comment.strip().length() > 2000) {
            throw new SessionRefused("comment", "plan.comment.required");
        }
        review(ActionPlanStatus.RETURNED, comment.strip(), by, at);
    }

    /** A newer proposal replaces this one while it still waits for review. */
    void supersede() {
        if (status == ActionPlanStatus.SUBMITTED) {
            this.status = ActionPlanStatus.SUPERSEDED;
        }
    }

    private void review(ActionPlanStatus outcome, String comment, String by, Instant at) {
        if (status != ActionPlanStatus.SUBMITTED) {
            throw new SessionRefused("status", "plan.not-waiting");
        }
        this.status = outcome;
        this.reviewComment = comment;
        this.reviewedBy = by;
        this.reviewedAt = at;
    }

    ActionPlanEntry entry() {
        return new ActionPlanEntry(id, planVersion, activities, plannedSessions, status, submittedBy, submittedAt,
                reviewedBy, reviewedAt, reviewComment, version);
    }

    public long referralId() {
        return referralId;
    }

    public int planVersion() {
        return planVersion;
    }

    public ActionPlanStatus status() {
        return status;
    }

    public long version() {
        return version;
    }
}
