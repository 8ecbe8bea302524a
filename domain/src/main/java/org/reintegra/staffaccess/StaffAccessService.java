package org.reintegra.staffaccess;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.reintegra.access.Actor;
import org.reintegra.access.Roles;
import org.reintegra.access.SignedInActor;
import org.reintegra.audit.AuditAction;
import org.reintegra.audit.AuditTrail;
import org.reintegra.identity.IdentityAccount;
import org.reintegra.identity.IdentityAdministration;
import org.reintegra.identity.IdentityConflict;
import org.reintegra.identity.NewIdentityAccount;
import org.reintegra.organisation.Organisation;
import org.reintegra.tenancy.TenancyProperties;
import org.reintegra.tenancy.TenantBound;

/**
 * Staff administration for an agency's or partner's administrator (ADR 0008). Every operation
 * starts from the caller's own organisation at the identity provider and reaches an account only
 * through its membership there, so another tenant's account looks exactly like a missing one.
 * Changes carry what the administrator saw (roles, state): if the account changed meanwhile, nothing
 * is changed. Each change is written to the organisation's audit trail.
 */
@Stateless
@TenantBound
@RolesAllowed({Roles.AGENCY_ADMIN, Roles.PARTNER_ADMIN})
public class StaffAccessService {

    /** How long a set-password link stays valid. */
    static final int INVITATION_VALID_HOURS = 72;

    /** Larger pages are not asked for by a grid. */
    static final int MAX_PAGE = 100;

    private static final String PURPOSE = "staff-administration";

    /** Marks an account this organisation's invitation created, so a failed invitation can be completed. */
    static final String INVITATION_MARKER = "invited-by:";

    @PersistenceContext(unitName = TenancyProperties.PERSISTENCE_UNIT)
    private EntityManager entityManager;

    @EJB
    private SignedInActor signedInActor;

    @EJB
    private AuditTrail auditTrail;

    @Resource
    private SessionContext sessionContext;

    @Inject
    private IdentityAdministration identity;

    @Inject
    private Event<StaffAccessEnded> accessEnded;

    /** The roles the caller may give in their organisation. */
    public List<String> grantableRoles() {
        Organisation own = ownOrganisation();
        return StaffAccessRules.grantable(own.kind(), own.category());
    }

    /** Who has access: a page of the organisation's accounts by user name (search: name, user name, e-mail). */
    public List<StaffAccount> accounts(String search, int first, int max) {
        Scope scope = scope();
        List<IdentityAccount> members = identity.members(scope.identityId(), normalise(search), Math.max(0, first),
                Math.min(Math.max(1, max), MAX_PAGE));
        Map<String, Instant> lastSignIns = lastSignIns(members.stream().map(IdentityAccount::username).toList());
        return members.stream().map(m -> account(m, scope.grantable(), lastSignIns.get(m.username()))).toList();
    }

    public int countAccounts(String search) {
        return identity.memberCount(scope().identityId(), normalise(search));
    }

    /** One account of the organisation. */
    public StaffAccount account(String accountId) {
        return current(scope(), accountId);
    }

    /**
     * Invites a colleague: an account at the identity provider, member of the organisation, with the
     * roles, and a mail with a link to set a password. If a step after the account's creation fails,
     * the account is removed again, so an invitation is made whole or not at all.
     */
    public StaffAccount invite(StaffInvitation invitation) {
        Scope scope = scope();
        StaffInvitation checked = StaffAccessRules.checkInvitation(invitation, scope.grantable());
        String marker = INVITATION_MARKER + scope.own().id().value();
        IdentityAccount existing = identity.accountByUsername(checked.username()).orElse(null);
        String accountId;
        if (existing == null) {
            accountId = identity.createAccount(new NewIdentityAccount(checked.username(), checked.givenName(),
                    checked.familyName(), checked.email(), checked.language()), marker);
        } else if (marker.equals(existing.marker()) && existing.passwordPending()
                && checked.email().equalsIgnoreCase(existing.email())) {
            accountId = existing.id(); // this organisation's invitation that failed halfway: complete it
        } else {
            throw new IdentityConflict("username", "staff.error.username-taken");
        }
        try {
            identity.addMember(scope.identityId(), accountId);
            identity.grantRoles(accountId, checked.roles());
            identity.sendSetPasswordMail(accountId, INVITATION_VALID_HOURS);
        } catch (RuntimeException failed) {
            try {
                identity.deleteAccount(accountId);
            } catch (RuntimeException cleanupFailed) {
                failed.addSuppressed(cleanupFailed);
            }
            throw failed;
        }
        Actor actor = signedInActor.actor();
        auditTrail.record(actor, AuditAction.CREATE, null, null,
                "staff account " + checked.username() + " invited; roles " + String.join(" ", new TreeSet<>(checked.roles())), PURPOSE);
        return current(scope, accountId);
    }

    /** Gives the account exactly these roles; {@code rolesSeen} are the roles the administrator saw. */
    public StaffAccount changeRoles(String accountId, Set<String> rolesSeen, Set<String> roles) {
        Scope scope = scope();
        Set<String> wanted = StaffAccessRules.checkRoles(roles, scope.grantable());
        IdentityAccount member = member(scope, accountId);
        Actor actor = signedInActor.actor();
        StaffAccessRules.checkKeepsOwnAdministration(actor.username(), member.username(), wanted,
                StaffAccessRules.administratorRole(scope.own().kind()));
        Set<String> held = portalRoles(member, scope.grantable());
        if (rolesSeen == null || !held.equals(Set.copyOf(rolesSeen))) {
            throw new StaffAccountChangedMeanwhile(account(member, scope.grantable(), null));
        }
        Set<String> added = new HashSet<>(wanted);
        added.removeAll(held);
        Set<String> removed = new HashSet<>(held);
        removed.removeAll(wanted);
        if (!added.isEmpty()) {
            identity.grantRoles(member.id(), added);
        }
        if (!removed.isEmpty()) {
            identity.revokeRoles(member.id(), removed);
        }
        auditTrail.record(actor, AuditAction.CHANGE, null, null, "staff account " + member.username() + " roles "
                + String.join(" ", new TreeSet<>(held)) + " -> " + String.join(" ", new TreeSet<>(wanted)), PURPOSE);
        return current(scope, accountId);
    }

    /** Deactivates the account: it cannot sign in, and its open sessions end (identity provider and portal). */
    public StaffAccount deactivate(String accountId, StaffStatus statusSeen) {
        Scope scope = scope();
        IdentityAccount member = member(scope, accountId);
        Actor actor = signedInActor.actor();
        StaffAccessRules.checkNotSelf(actor.username(), member.username());
        if (statusOf(member) != statusSeen) {
            throw new StaffAccountChangedMeanwhile(account(member, scope.grantable(), null));
        }
        identity.setEnabled(member.id(), false);
        identity.endSessions(member.id());
        auditTrail.record(actor, AuditAction.CHANGE, null, null, "staff account " + member.username() + " deactivated", PURPOSE);
        accessEnded.fire(new StaffAccessEnded(actor.tenant(), member.username()));
        return current(scope, accountId);
    }

    /** Lets a deactivated account sign in again. */
    public StaffAccount reactivate(String accountId) {
        Scope scope = scope();
        IdentityAccount member = member(scope, accountId);
        if (member.enabled()) {
            throw new StaffAccountChangedMeanwhile(account(member, scope.grantable(), null));
        }
        identity.setEnabled(member.id(), true);
        auditTrail.record(signedInActor.actor(), AuditAction.CHANGE, null, null,
                "staff account " + member.username() + " reactivated", PURPOSE);
        return current(scope, accountId);
    }

    /** Sends an invited colleague a new set-password mail. */
    public void resendInvitation(String accountId) {
        Scope scope = scope();
        IdentityAccount member = member(scope, accountId);
        if (!member.passwordPending() || !member.enabled()) {
            throw new StaffAccountChangedMeanwhile(account(member, scope.grantable(), null));
        }
        identity.sendSetPasswordMail(member.id(), INVITATION_VALID_HOURS);
        auditTrail.record(signedInActor.actor(), AuditAction.CHANGE, null, null,
                "staff account " + member.username() + " invitation sent again", PURPOSE);
    }

    /**
     * What every operation starts from, looked up once per call: the caller's organisation (if the
     * caller administers it), its organisation at the identity provider, and the roles it may give.
     */
    private record Scope(Organisation own, String identityId, List<String> grantable) {
    }

    private Scope scope() {
        Organisation own = ownOrganisation();
        String identityId = identity.organisation(own.id())
                .orElseThrow(() -> new IllegalStateException("The organisation is not known to the identity provider")).id();
        return new Scope(own, identityId, StaffAccessRules.grantable(own.kind(), own.category()));
    }

    /** The account as it is now, with its last sign-in. */
    private StaffAccount current(Scope scope, String accountId) {
        IdentityAccount member = member(scope, accountId);
        return account(member, scope.grantable(), lastSignIns(List.of(member.username())).get(member.username()));
    }

    private IdentityAccount member(Scope scope, String accountId) {
        if (accountId == null || accountId.isBlank()) {
            throw new StaffAccountNotFound();
        }
        return identity.member(scope.identityId(), accountId).orElseThrow(StaffAccountNotFound::new);
    }

    /** The caller's organisation, if the caller administers it (an administrator role counts only in its kind). */
    private Organisation ownOrganisation() {
        Actor actor = signedInActor.actor();
        Organisation own = entityManager.find(Organisation.class, actor.tenant().value());
        if (own == null || !sessionContext.isCallerInRole(StaffAccessRules.administratorRole(own.kind()))) {
            throw new EJBAccessException("Not an administrator of this organisation");
        }
        return own;
    }

    private Map<String, Instant> lastSignIns(List<String> usernames) {
        Map<String, Instant> result = new HashMap<>();
        if (usernames.isEmpty()) {
            return result;
        }
        List<Object[]> rows = entityManager.createQuery(
                        "SELECT s.username, s.lastSignedInAt FROM StaffMember s WHERE s.username IN :names", Object[].class)
                .setParameter("names", usernames).getResultList();
        for (Object[] row : rows) {
            result.put((String) row[0], (Instant) row[1]);
        }
        return result;
    }

    private static StaffAccount account(IdentityAccount member, List<String> grantable, Instant lastSignedInAt) {
        return new StaffAccount(member.id(), member.username(), member.displayName(), member.email(),
                portalRoles(member, grantable), statusOf(member), lastSignedInAt);
    }

    private static Set<String> portalRoles(IdentityAccount member, List<String> grantable) {
        Set<String> roles = new HashSet<>(member.roles());
        roles.retainAll(grantable);
        return Set.copyOf(roles);
    }

    static StaffStatus statusOf(IdentityAccount member) {
        if (!member.enabled()) {
            return StaffStatus.DEACTIVATED;
        }
        return member.passwordPending() ? StaffStatus.INVITED : StaffStatus.ACTIVE;
    }

    private static String normalise(String search) {
        return search == null || search.isBlank() ? null : search.strip();
    }
}
