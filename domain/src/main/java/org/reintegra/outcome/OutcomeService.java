package org.reintegra.outcome;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import org.reintegra.access.Actor;
import org.reintegra.access.Roles;
import org.reintegra.access.SignedInActor;
import org.reintegra.audit.AuditAction;
import org.reintegra.audit.AuditTrail;
import org.reintegra.delivery.SessionRefused;
import org.reintegra.referral.Referral;
import org.reintegra.referral.ReferralAnnouncer;
import org.reintegra.referral.ReferralChangedMeanwhile;
import org.reintegra.referral.ReferralNotFound;
import org.reintegra.referral.ReferralSide;
import org.reintegra.tenancy.TenancyProperties;
import org.reintegra.tenancy.TenantBound;

/**
 * End-of-service reports: the partner submits one per referral, which concludes the referral as
 * Completed or Ended early through its state machine; the agency officer acknowledges it.
 */
@Stateless
@TenantBound
@RolesAllowed({Roles.AGENCY_OFFICER, Roles.AGENCY_LIAISON, Roles.PARTNER_STAFF, Roles.COLLEGE_REGISTRAR})
public class OutcomeService {

    static final String REPORT_FIELDS = "report(conclusion,outcomes,summary)";

    @PersistenceContext(unitName = TenancyProperties.PERSISTENCE_UNIT)
    private EntityManager entityManager;

    @EJB
    private SignedInActor signedInActor;

    @EJB
    private AuditTrail auditTrail;

    @Inject
    private ReferralAnnouncer announcer;

    private final Clock clock = Clock.systemUTC();

    public Optional<ReportEntry> reportOf(long referralId) {
        Actor actor = signedInActor.actor();
        Referral referral = entityManager.find(Referral.class, referralId);
        if (referral == null) {
            return Optional.empty();
        }
        Optional<ReportEntry> report = entityManager.createQuery("SELECT r FROM EndOfServiceReport r"
                        + " WHERE r.referralId = :referral", EndOfServiceReport.class)
                .setParameter("referral", referralId).getResultStream().findFirst().map(EndOfServiceReport::entry);
        report.ifPresent(r -> auditTrail.record(actor, AuditAction.READ, referralId, referral.clientId(), REPORT_FIELDS,
                "end-of-service report"));
        return report;
    }

    /** The partner reports and so concludes the referral (the version is the referral's, as shown). */
    @RolesAllowed({Roles.PARTNER_STAFF, Roles.COLLEGE_REGISTRAR})
    public ReportEntry submit(long referralId, long expectedReferralVersion, ReportDraft draft) {
        Actor actor = signedInActor.actor();
        Referral referral = entityManager.find(Referral.class, referralId);
        if (referral == null || referral.sideOf(actor) != ReferralSide.PARTNER) {
            throw new ReferralNotFound();
        }
        if (referral.version() != expectedReferralVersion) {
            throw new ReferralChangedMeanwhile();
        }
        EndOfServiceReport report = new EndOfServiceReport(referral, draft, actor.username(), clock.instant());
        if (draft.conclusion() == Conclusion.COMPLETED) {
            referral.complete(actor, clock);
        } else {
            referral.endEarly(actor, draft.endedEarlyReason(), draft.endedEarlyText(), clock);
        }
        entityManager.persist(report);
        flush();
        announcer.announce(referral);
        auditTrail.record(actor, AuditAction.CREATE, referralId, referral.clientId(), REPORT_FIELDS,
                "end-of-service report");
        return report.entry();
    }

    @RolesAllowed(Roles.AGENCY_OFFICER)
    public ReportEntry acknowledge(long referralId, long expectedReportVersion) {
        Actor actor = signedInActor.actor();
        Referral referral = entityManager.find(Referral.class, referralId);
        if (referral == null || referral.sideOf(actor) != ReferralSide.AGENCY) {
            throw new ReferralNotFound();
        }
        EndOfServiceReport report = entityManager.createQuery("SELECT r FROM EndOfServiceReport r"
                        + " WHERE r.referralId = :referral", EndOfServiceReport.class)
                .setParameter("referral", referralId).getResultStream().findFirst()
                .orElseThrow(() -> new SessionRefused("report", "report.none-to-acknowledge"));
        if (report.version() != expectedReportVersion) {
            throw new ReferralChangedMeanwhile();
        }
        report.acknowledge(actor.username(), clock.instant());
        referral.reportAcknowledged(actor, clock);
        flush();
        auditTrail.record(actor, AuditAction.CHANGE, referralId, referral.clientId(), REPORT_FIELDS,
                "report acknowledged");
        return report.entry();
    }

    private void flush() {
        try {
            entityManager.flush();
        } catch (OptimisticLockException changedByAnotherTransaction) {
            throw new ReferralChangedMeanwhile();
        }
    }
}
