package org.reintegra.delivery;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import org.reintegra.access.Actor;
import org.reintegra.access.Roles;
import org.reintegra.access.SignedInActor;
import org.reintegra.audit.AuditAction;
import org.reintegra.audit.AuditTrail;
import org.reintegra.referral.Referral;
import org.reintegra.referral.ReferralAnnouncer;
import org.reintegra.referral.ReferralChangedMeanwhile;
import org.reintegra.referral.ReferralNotFound;
import org.reintegra.referral.ReferralSide;
import org.reintegra.tenancy.TenancyProperties;
import org.reintegra.tenancy.TenantBound;

/**
 * Action plans of accepted referrals: the partner proposes (each proposal a new version, earlier
 * ones kept), the agency officer approves it or returns it with comments; each side is told.
 */
@Stateless
@TenantBound
@RolesAllowed({Roles.AGENCY_OFFICER, Roles.AGENCY_LIAISON, Roles.PARTNER_STAFF, Roles.COLLEGE_REGISTRAR})
public class ActionPlanService {

    static final String PLAN_FIELDS = "actionPlan(activities,sessions,review)";

    @PersistenceContext(unitName = TenancyProperties.PERSISTENCE_UNIT)
    private EntityManager entityManager;

    @EJB
    private SignedInActor signedInActor;

    @EJB
    private AuditTrail auditTrail;

    @Inject
    private ReferralAnnouncer announcer;

    private final Clock clock = Clock.systemUTC();

    /** Every version of the referral's plan, newest first. */
    public List<ActionPlanEntry> plansOf(long referralId) {
        Actor actor = signedInActor.actor();
        Referral referral = entityManager.find(Referral.class, referralId);
        if (referral == null) {
            return List.of();
        }
        List<ActionPlanEntry> plans = entityManager.createQuery("SELECT p FROM ActionPlan p WHERE p.referralId = :referral"
                        + " ORDER BY p.planVersion DESC", ActionPlan.class)
                .setParameter("referral", referralId).getResultStream().map(ActionPlan::entry).toList();
        if (!plans.isEmpty()) {
            auditTrail.record(actor, AuditAction.READ, referralId, referral.clientId(), PLAN_FIELDS, "action plan");
        }
        return plans;
    }

    /** The partner proposes a plan (a new version; a proposal still waiting is replaced). */
    @RolesAllowed({Roles.PARTNER_STAFF, Roles.COLLEGE_REGISTRAR})
    public ActionPlanEntry propose(long referralId, String activities, int plannedSessions) {
        Actor actor = signedInActor.actor();
        Referral referral = entityManager.find(Referral.class, referralId);
        if (referral == null || referral.sideOf(actor) != ReferralSide.PARTNER) {
            throw new ReferralNotFound();
        }
        if (!referral.takesDeliveries()) {
            throw new SessionRefused("referral", "session.referral-not-open");
        }
        List<ActionPlan> earlier = entityManager.createQuery("SELECT p FROM ActionPlan p WHERE p.referralId = :referral"
                        + " ORDER BY p.planVersion DESC", ActionPlan.class)
                .setParameter("referral", referralId).getResultList();
        earlier.forEach(ActionPlan::supersede);
        int next = earlier.isEmpty() ? 1 : earlier.get(0).planVersion() + 1;
        ActionPlan plan = new ActionPlan(referral.agencyTenant(), referral.partnerTenant(), referralId, next, activities,
                plannedSessions, actor.username(), clock.instant());
        entityManager.persist(plan);
        referral.actionPlanProposed(actor, clock);
        PartnerWork.flush(entityManager);
        announcer.announce(referral);
        auditTrail.record(actor, AuditAction.CREATE, referralId, referral.clientId(), PLAN_FIELDS, "action plan proposed");
        return plan.entry();
    }

    @RolesAllowed(Roles.AGENCY_OFFICER)
    public ActionPlanEntry approve(long planId, long expectedVersion) {
        return review(planId, expectedVersion, true, null);
    }

    @RolesAllowed(Roles.AGENCY_OFFICER)
    public ActionPlanEntry giveBack(long planId, long expectedVersion, String comment) {
        return review(planId, expectedVersion, false, comment);
    }

    private ActionPlanEntry review(long planId, long expectedVersion, boolean approved, String comment) {
        Actor actor = signedInActor.actor();
        ActionPlan plan = entityManager.find(ActionPlan.class, planId);
        Referral referral = plan == null ? null : entityManager.find(Referral.class, plan.referralId());
        if (plan == null || referral == null || referral.sideOf(actor) != ReferralSide.AGENCY) {
            throw new ReferralNotFound();
        }
        if (plan.version() != expectedVersion) {
            throw new ReferralChangedMeanwhile();
        }
        if (approved) {
            plan.approve(actor.username(), clock.instant());
        } else {
            plan.giveBack(comment, actor.username(), clock.instant());
        }
        referral.actionPlanReviewed(actor, approved, clock);
        PartnerWork.flush(entityManager);
        announcer.announce(referral);
        auditTrail.record(actor, AuditAction.CHANGE, referral.id(), referral.clientId(), PLAN_FIELDS,
                approved ? "action plan approved" : "action plan returned");
        return plan.entry();
    }

}
