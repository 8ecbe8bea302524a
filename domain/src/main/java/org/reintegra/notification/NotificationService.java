package org.reintegra.notification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.reintegra.access.Actor;
import org.reintegra.access.Roles;
import org.reintegra.access.SignedInActor;
import org.reintegra.organisation.Organisation;
import org.reintegra.organisation.OrganisationKind;
import org.reintegra.referral.ReferralSide;
import org.reintegra.staff.StaffDirectory;
import org.reintegra.staff.StaffMember;
import org.reintegra.tenancy.TenancyProperties;
import org.reintegra.tenancy.TenantBound;

/**
 * The bell: the caller's notifications, newest first, and how many arrived since they last looked.
 * An agency officer hears of the referrals they sent; partner staff of referrals assigned to them
 * and of those addressed to everyone (a new referral, an unassigned one).
 */
@Stateless
@TenantBound
@RolesAllowed({Roles.AGENCY_OFFICER, Roles.PARTNER_STAFF, Roles.COLLEGE_REGISTRAR})
public class NotificationService {

    /** The bell looks back this far; older notifications are history, not news. */
    static final Duration HORIZON = Duration.ofDays(30);

    @PersistenceContext(unitName = TenancyProperties.PERSISTENCE_UNIT)
    private EntityManager entityManager;

    @EJB
    private SignedInActor signedInActor;

    @EJB
    private StaffDirectory staffDirectory;

    private final Clock clock = Clock.systemUTC();

    /** How many notifications arrived since the caller last opened the list. */
    public long unseenCount() {
        Actor actor = signedInActor.actor();
        Optional<ReferralSide> side = sideOf(actor);
        if (side.isEmpty()) {
            return 0;
        }
        Instant since = seenSince();
        return bind(entityManager.createQuery("SELECT COUNT(n) FROM Notification n WHERE " + condition(side.get())
                + " AND n.createdAt > :since", Long.class), side.get(), actor, since).getSingleResult();
    }

    /** The caller's latest notifications (at most {@code limit}), marked unseen when newer than their last look. */
    public List<NotificationEntry> latest(int limit) {
        if (limit < 1 || limit > 200) {
            throw new IllegalArgumentException("limit out of range");
        }
        Actor actor = signedInActor.actor();
        Optional<ReferralSide> side = sideOf(actor);
        if (side.isEmpty()) {
            return List.of();
        }
        Instant seen = seenSince();
        Instant horizon = clock.instant().minus(HORIZON);
        return bind(entityManager.createQuery("SELECT n FROM Notification n WHERE " + condition(side.get())
                        + " AND n.createdAt > :since ORDER BY n.createdAt DESC, n.id DESC", Notification.class),
                side.get(), actor, horizon)
                .setMaxResults(limit)
                .getResultStream()
                .map(n -> new NotificationEntry(n.id(), n.referralId(), n.referralReference(), n.event(), n.causedBy(),
                        n.createdAt(), n.createdAt().isAfter(seen)))
                .toList();
    }

    /** The caller opened the list: the count starts again from now. */
    public void markSeen() {
        staffDirectory.notificationsSeen();
    }

    private Instant seenSince() {
        Instant horizon = clock.instant().minus(HORIZON);
        Instant seen = staffDirectory.me().map(StaffMember::notificationsSeenAt).orElse(null);
        return seen == null || seen.isBefore(horizon) ? horizon : seen;
    }

    private static String condition(ReferralSide side) {
        return side == ReferralSide.AGENCY
                ? "n.agencyTenantId = :tenant AND n.recipientSide = org.reintegra.referral.ReferralSide.AGENCY"
                        + " AND n.recipient = :me"
                : "n.partnerTenantId = :tenant AND n.recipientSide = org.reintegra.referral.ReferralSide.PARTNER"
                        + " AND (n.recipient = :me OR n.recipient IS NULL)";
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, ReferralSide side, Actor actor, Instant since) {
        return query.setParameter("tenant", actor.tenant().value())
                .setParameter("me", actor.username())
                .setParameter("since", since);
    }

    private Optional<ReferralSide> sideOf(Actor actor) {
        Organisation own = entityManager.find(Organisation.class, actor.tenant().value());
        if (own == null) {
            return Optional.empty();
        }
        return Optional.of(own.kind() == OrganisationKind.AGENCY ? ReferralSide.AGENCY : ReferralSide.PARTNER);
    }
}
