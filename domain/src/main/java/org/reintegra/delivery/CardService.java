package org.reintegra.delivery;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
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
 * ID and transport cards: the partner records the request and the issue (date, document number);
 * the number is never shown in full, on screen or in any export. Issuing a card is a delivered
 * service: an accepted referral moves to In progress.
 */
@Stateless
@TenantBound
@RolesAllowed({Roles.AGENCY_OFFICER, Roles.AGENCY_LIAISON, Roles.PARTNER_STAFF, Roles.COLLEGE_REGISTRAR})
public class CardService {

    static final String CARD_FIELDS = "cards(type,dates,number-masked)";

    @PersistenceContext(unitName = TenancyProperties.PERSISTENCE_UNIT)
    private EntityManager entityManager;

    @EJB
    private SignedInActor signedInActor;

    @EJB
    private AuditTrail auditTrail;

    @Inject
    private ReferralAnnouncer announcer;

    private final Clock clock = Clock.systemUTC();

    public List<CardEntry> cardsOf(long referralId) {
        Actor actor = signedInActor.actor();
        Referral referral = entityManager.find(Referral.class, referralId);
        if (referral == null) {
            return List.of();
        }
        List<CardEntry> cards = entityManager.createQuery("SELECT c FROM CardMilestone c WHERE c.referralId = :referral"
                        + " ORDER BY c.type", CardMilestone.class)
                .setParameter("referral", referralId).getResultStream().map(CardMilestone::entry).toList();
        if (!cards.isEmpty()) {
            auditTrail.record(actor, AuditAction.LIST, referralId, referral.clientId(), CARD_FIELDS, "referral cards");
        }
        return cards;
    }

    @RolesAllowed(Roles.PARTNER_STAFF)
    public CardEntry requestCard(long referralId, CardType type, LocalDate requestedOn) {
        Actor actor = signedInActor.actor();
        Referral referral = PartnerWork.partnersReferral(entityManager, referralId, actor);
        if (!referral.takesDeliveries()) {
            throw new SessionRefused("referral", "session.referral-not-open");
        }
        if (type == null) {
            throw new SessionRefused("type", "card.type.required");
        }
        if (requestedOn == null || requestedOn.isAfter(LocalDate.now())) {
            throw new SessionRefused("requestedOn", "card.requested-on.invalid");
        }
        long existing = entityManager.createQuery("SELECT COUNT(c) FROM CardMilestone c WHERE c.referralId = :referral"
                + " AND c.type = :type", Long.class).setParameter("referral", referralId).setParameter("type", type)
                .getSingleResult();
        if (existing > 0) {
            throw new SessionRefused("type", "card.already-requested");
        }
        CardMilestone card = new CardMilestone(referral.agencyTenant(), referral.partnerTenant(), referralId, type,
                requestedOn, actor.username());
        entityManager.persist(card);
        PartnerWork.flush(entityManager);
        auditTrail.record(actor, AuditAction.CREATE, referralId, referral.clientId(), CARD_FIELDS, "card requested");
        return card.entry();
    }

    @RolesAllowed(Roles.PARTNER_STAFF)
    public CardEntry issueCard(long cardId, long expectedVersion, LocalDate issuedOn, String documentNumber) {
        Actor actor = signedInActor.actor();
        CardMilestone card = entityManager.find(CardMilestone.class, cardId);
        if (card == null) {
            throw new ReferralNotFound();
        }
        Referral referral = PartnerWork.partnersReferral(entityManager, card.referralId(), actor);
        if (card.version() != expectedVersion) {
            throw new ReferralChangedMeanwhile();
        }
        card.issue(issuedOn, documentNumber, actor.username());
        referral.deliveryBegan(actor, clock);
        PartnerWork.flush(entityManager);
        announcer.announce(referral);
        auditTrail.record(actor, AuditAction.CHANGE, referral.id(), referral.clientId(), CARD_FIELDS, "card issued");
        return card.entry();
    }


}
