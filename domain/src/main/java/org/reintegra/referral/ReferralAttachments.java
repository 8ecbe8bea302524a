package org.reintegra.referral;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.reintegra.access.Actor;
import org.reintegra.access.Roles;
import org.reintegra.access.SignedInActor;
import org.reintegra.audit.AuditAction;
import org.reintegra.audit.AuditTrail;
import org.reintegra.tenancy.TenancyProperties;
import org.reintegra.tenancy.TenantBound;

/**
 * Documents attached to a referral: the agency attaches any kind (general, health, legal), the
 * partner general documents. Each side sees the kinds its organisation may see (the database
 * agrees). Listing, opening and attaching are audited in the same transaction.
 */
@Stateless
@TenantBound
@RolesAllowed({Roles.AGENCY_OFFICER, Roles.AGENCY_LIAISON, Roles.PARTNER_STAFF, Roles.COLLEGE_REGISTRAR})
public class ReferralAttachments {

    @PersistenceContext(unitName = TenancyProperties.PERSISTENCE_UNIT)
    private EntityManager entityManager;

    @EJB
    private SignedInActor signedInActor;

    @EJB
    private AuditTrail auditTrail;

    @Resource
    private SessionContext sessionContext;

    @Inject
    private ReferralAnnouncer announcer;

    private final Clock clock = Clock.systemUTC();

    /** The referral's attachments the caller may see, oldest first; empty for a missing or foreign referral. */
    public List<AttachmentSummary> attachments(long referralId) {
        Actor actor = signedInActor.actor();
        Optional<ReferralViewer> viewer = viewerOf(actor);
        Referral referral = entityManager.find(Referral.class, referralId);
        if (referral == null || viewer.isEmpty()) {
            return List.of();
        }
        List<AttachmentSummary> shown = entityManager.createQuery("SELECT NEW org.reintegra.referral.AttachmentSummary("
                        + "a.id, a.kind, a.fileName, a.mediaType, a.sizeBytes, a.uploadedBy, a.uploadedBySide, a.uploadedAt)"
                        + " FROM ReferralAttachment a WHERE a.referralId = :referral ORDER BY a.uploadedAt, a.id",
                        AttachmentSummary.class)
                .setParameter("referral", referralId)
                .getResultStream()
                .filter(a -> viewer.get().sees(a.kind()))
                .toList();
        if (!shown.isEmpty()) {
            auditTrail.record(actor, AuditAction.LIST, referralId, referral.clientId(), "attachments", "referral attachments");
        }
        return shown;
    }

    /** One attachment's content, if the caller may see it; the download is audited. */
    public Optional<AttachmentContent> open(long referralId, long attachmentId) {
        Actor actor = signedInActor.actor();
        Optional<ReferralViewer> viewer = viewerOf(actor);
        Referral referral = entityManager.find(Referral.class, referralId);
        if (referral == null || viewer.isEmpty()) {
            return Optional.empty();
        }
        List<Object[]> found = entityManager.createQuery("SELECT a.kind, a.fileName, a.mediaType, a.content"
                        + " FROM ReferralAttachment a WHERE a.id = :id AND a.referralId = :referral", Object[].class)
                .setParameter("id", attachmentId)
                .setParameter("referral", referralId)
                .getResultList();
        if (found.isEmpty() || !viewer.get().sees((DataKind) found.get(0)[0])) {
            return Optional.empty();
        }
        Object[] row = found.get(0);
        auditTrail.record(actor, AuditAction.READ, referralId, referral.clientId(), "attachment:" + attachmentId,
                "attachment download");
        return Optional.of(new AttachmentContent((String) row[1], (String) row[2], (byte[]) row[3]));
    }

    /**
     * Attaches a checked file to a referral the caller's organisation shares. The agency's officers
     * attach any kind; partner staff general documents only.
     */
    @RolesAllowed({Roles.AGENCY_OFFICER, Roles.PARTNER_STAFF, Roles.COLLEGE_REGISTRAR})
    public AttachmentSummary attach(long referralId, DataKind kind, String fileName, byte[] content) {
        Actor actor = signedInActor.actor();
        ReferralViewer viewer = viewerOf(actor).orElseThrow(ReferralNotFound::new);
        Referral referral = entityManager.find(Referral.class, referralId);
        if (referral == null) {
            throw new ReferralNotFound();
        }
        if (kind == null || kind == DataKind.OFFENCE_RISK) {
            throw new ReferralInputRejected("kind", "attachment.kind");
        }
        ReferralSide side = referral.sideOf(actor);
        if (side == ReferralSide.PARTNER && kind != DataKind.GENERAL) {
            throw new ReferralInputRejected("kind", "attachment.kind.partner");
        }
        CheckedFile file = CheckedFile.of(fileName, content);
        ReferralAttachment attachment = new ReferralAttachment(referral.agencyTenant(), referral.partnerTenant(),
                referralId, kind, file, actor.username(), side, clock.instant());
        entityManager.persist(attachment);
        referral.attachmentAdded(actor, clock);
        entityManager.flush();
        announcer.announce(referral);
        auditTrail.record(actor, AuditAction.CREATE, referralId, referral.clientId(), "attachment:" + attachment.id(),
                "attachment upload");
        return new AttachmentSummary(attachment.id(), kind, file.fileName(), file.mediaType(), file.content().length,
                actor.username(), side, clock.instant());
    }

    private Optional<ReferralViewer> viewerOf(Actor actor) {
        return ReferralAccessPolicy.viewerOf(entityManager, actor, sessionContext::isCallerInRole);
    }
}
