package org.reintegra.referral;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import org.reintegra.access.Actor;
import org.reintegra.access.Roles;
import org.reintegra.access.SignedInActor;
import org.reintegra.audit.AuditAction;
import org.reintegra.audit.AuditTrail;
import org.reintegra.organisation.Organisation;
import org.reintegra.tenancy.TenancyProperties;
import org.reintegra.tenancy.TenantBound;

/**
 * Referrals as the signed-in user's organisation sees them. Every call runs for the caller's
 * tenant ({@link TenantBound}); every client data it returns is audited in the same transaction.
 */
@Stateless
@TenantBound
@RolesAllowed({Roles.AGENCY_OFFICER, Roles.AGENCY_LIAISON, Roles.PARTNER_STAFF, Roles.COLLEGE_REGISTRAR})
public class ReferralService {

    static final String INBOX_FIELDS = "client.name,programme,service,status,dates";
    static final String DETAIL_FIELDS = "client.name,client.dateOfBirth,client.sex,client.language,programme,service,"
            + "custody,releaseDate,deadline,office,officer,caseworker,status,history";
    static final String OFFENCE_AND_RISK_FIELDS = ",reason,riskSummary";

    @PersistenceContext(unitName = TenancyProperties.PERSISTENCE_UNIT)
    private EntityManager entityManager;

    @EJB
    private SignedInActor signedInActor;

    @EJB
    private AuditTrail auditTrail;

    @Resource
    private SessionContext sessionContext;

    /**
     * A page of the caller's referral list, newest change first: for an agency the referrals it
     * sent (and its drafts), for a partner the referrals sent to it. Each row shown is audited.
     */
    public List<ReferralSummary> inboxPage(int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > 500) {
            throw new IllegalArgumentException("page out of range");
        }
        Actor actor = signedInActor.actor();
        Optional<ReferralViewer> viewer = viewerOf(actor);
        if (viewer.isEmpty()) {
            return List.of();
        }
        ReferralSide side = viewer.get().side();
        String ownColumn = side == ReferralSide.AGENCY ? "agencyTenantId" : "partnerTenantId";
        String counterpartColumn = side == ReferralSide.AGENCY ? "partnerTenantId" : "agencyTenantId";
        TypedQuery<ReferralSummary> query = entityManager.createQuery(
                "SELECT NEW org.reintegra.referral.ReferralSummary(r.id, r.reference, r.client.givenName, "
                        + "r.client.familyName, r.programmeArea, r.serviceType, r.status, o.name, r.sentAt, "
                        + "r.statusChangedAt, r.completionDeadline, r.clientId) "
                        + "FROM Referral r, Organisation o "
                        + "WHERE r." + ownColumn + " = :tenant AND o.id = r." + counterpartColumn + " "
                        + "ORDER BY r.statusChangedAt DESC, r.id DESC", ReferralSummary.class);
        List<ReferralSummary> page = query.setParameter("tenant", actor.tenant().value())
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
        for (ReferralSummary row : page) {
            auditTrail.record(actor, AuditAction.LIST, row.id(), row.clientId(), INBOX_FIELDS, "referral inbox");
        }
        return page;
    }

    /** How many referrals the caller's list holds. */
    public long countInbox() {
        Actor actor = signedInActor.actor();
        Optional<ReferralViewer> viewer = viewerOf(actor);
        if (viewer.isEmpty()) {
            return 0;
        }
        String ownColumn = viewer.get().side() == ReferralSide.AGENCY ? "agencyTenantId" : "partnerTenantId";
        return entityManager.createQuery("SELECT COUNT(r) FROM Referral r WHERE r." + ownColumn + " = :tenant", Long.class)
                .setParameter("tenant", actor.tenant().value())
                .getSingleResult();
    }

    /**
     * One referral in full, or empty when it does not exist or the caller's organisation does not
     * share it: both look the same. The read is audited.
     */
    public Optional<ReferralDetails> findReferral(long id) {
        Actor actor = signedInActor.actor();
        Optional<ReferralViewer> viewer = viewerOf(actor);
        Referral referral = entityManager.find(Referral.class, id);
        if (referral == null || viewer.isEmpty()) {
            return Optional.empty();
        }
        ReferralSide side = referral.sideOf(actor);
        boolean offenceAndRisk = viewer.get().seesOffenceAndRiskDetails();
        auditTrail.record(actor, AuditAction.READ, referral.id(), referral.clientId(),
                DETAIL_FIELDS + (offenceAndRisk ? OFFENCE_AND_RISK_FIELDS : ""), "referral details");
        String agencyName = organisationName(referral.agencyTenant().value());
        String partnerName = organisationName(referral.partnerTenant().value());
        ClientSnapshot client = referral.client();
        return Optional.of(new ReferralDetails(referral.id(), referral.reference(), side, agencyName, partnerName,
                client.givenName(), client.familyName(), client.dateOfBirth(), client.sex(), client.preferredLanguage(),
                referral.programmeArea(), referral.serviceType(), offenceAndRisk,
                offenceAndRisk ? referral.reasonForReferral() : null, offenceAndRisk ? referral.riskSummary() : null,
                referral.custodyStatus(), referral.releaseDate(), referral.completionDeadline(), referral.sendingOffice(),
                referral.sendingOfficer(), referral.assignedCaseworker(), referral.status(), referral.sentAt(),
                referral.statusChangedAt(), referral.version(),
                referral.history().stream().map(ReferralHistoryEntry::of).toList()));
    }

    private String organisationName(String id) {
        Organisation organisation = entityManager.find(Organisation.class, id);
        return organisation == null ? id : organisation.name();
    }

    /** How the caller stands to referrals, from their organisation's kind and their roles. */
    private Optional<ReferralViewer> viewerOf(Actor actor) {
        Organisation own = entityManager.find(Organisation.class, actor.tenant().value());
        if (own == null) {
            return Optional.empty();
        }
        return ReferralAccessPolicy.viewerFor(own.kind(), sessionContext::isCallerInRole);
    }
}
