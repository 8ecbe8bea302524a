package org.reintegra.staff;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.reintegra.access.Actor;
import org.reintegra.access.Roles;
import org.reintegra.access.SignedInActor;
import org.reintegra.tenancy.TenancyProperties;
import org.reintegra.tenancy.TenantBound;

/** The caller's organisation's staff as known from sign-ins, and the caller's own notification choice. */
@Stateless
@TenantBound
@RolesAllowed({Roles.AGENCY_OFFICER, Roles.AGENCY_LIAISON, Roles.AGENCY_ADMIN, Roles.PARTNER_STAFF, Roles.PARTNER_ADMIN,
        Roles.COLLEGE_REGISTRAR})
public class StaffDirectory {

    @PersistenceContext(unitName = TenancyProperties.PERSISTENCE_UNIT)
    private EntityManager entityManager;

    @EJB
    private SignedInActor signedInActor;

    /** More than any partner has; a list beyond it would need a search field, not a drop-down. */
    static final int MAX_CASEWORKERS = 500;

    private final Clock clock = Clock.systemUTC();

    /**
     * Records the signed-in caller as staff of their organisation (name, e-mail and roles as the
     * identity provider gave them at this sign-in).
     */
    public void recordSignIn(String displayName, String email, Set<String> roles, String locale) {
        Actor actor = signedInActor.actor();
        StaffMember member = entityManager.find(StaffMember.class, actor.username());
        if (member == null) {
            member = new StaffMember(actor.username(), clock.instant());
            member.signedIn(displayName, email, roles, locale, clock.instant());
            entityManager.persist(member);
        } else {
            member.signedIn(displayName, email, roles, locale, clock.instant());
        }
    }

    /** The caller's own record, if they signed in since staff were recorded. */
    public Optional<StaffMember> me() {
        return Optional.ofNullable(entityManager.find(StaffMember.class, signedInActor.actor().username()));
    }

    /** The caller chooses how to be notified. */
    public void chooseNotificationDelivery(NotificationDelivery delivery) {
        if (delivery == null) {
            throw new IllegalArgumentException("choose a delivery");
        }
        StaffMember member = entityManager.find(StaffMember.class, signedInActor.actor().username());
        if (member != null) {
            member.chooseDelivery(delivery, clock.instant());
        }
    }

    /** The languages the portal speaks. */
    public static final java.util.List<String> LANGUAGES = java.util.List.of("en", "ka", "ru", "ky", "kk");

    /** The caller chooses the portal's language; it is remembered for their next sign-ins. */
    public void chooseLanguage(String languageTag) {
        if (languageTag == null || !LANGUAGES.contains(languageTag)) {
            throw new IllegalArgumentException("unknown language");
        }
        StaffMember member = entityManager.find(StaffMember.class, signedInActor.actor().username());
        if (member != null) {
            member.chooseLanguage(languageTag);
        }
    }

    /** The caller has looked at their notifications: the bell's count starts again from now. */
    public void notificationsSeen() {
        StaffMember member = entityManager.find(StaffMember.class, signedInActor.actor().username());
        if (member != null) {
            member.sawNotifications(clock.instant());
        }
    }

    /** Colleagues who work referrals (caseworkers, registrars), by name: the people a referral can be assigned to. */
    @RolesAllowed({Roles.PARTNER_STAFF, Roles.COLLEGE_REGISTRAR})
    public List<StaffSummary> caseworkers() {
        return entityManager.createQuery("SELECT NEW org.reintegra.staff.StaffSummary(s.username, s.displayName)"
                        + " FROM StaffMember s WHERE s.roles LIKE :staff OR s.roles LIKE :registrar"
                        + " ORDER BY s.displayName, s.username", StaffSummary.class)
                .setParameter("staff", "%" + Roles.PARTNER_STAFF + "%")
                .setParameter("registrar", "%" + Roles.COLLEGE_REGISTRAR + "%")
                .setMaxResults(MAX_CASEWORKERS)
                .getResultList();
    }

    /** Whether the user name is a colleague who works referrals. */
    public boolean isCaseworker(String username) {
        StaffMember member = username == null ? null : entityManager.find(StaffMember.class, username);
        return member != null && (member.hasRole(Roles.PARTNER_STAFF) || member.hasRole(Roles.COLLEGE_REGISTRAR));
    }
}
