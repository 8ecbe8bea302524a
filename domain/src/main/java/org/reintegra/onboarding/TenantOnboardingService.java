package org.reintegra.onboarding;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.reintegra.access.InputRejected;
import org.reintegra.access.Roles;
import org.reintegra.identity.IdentityAccount;
import org.reintegra.identity.IdentityAdministration;
import org.reintegra.identity.IdentityConflict;
import org.reintegra.identity.IdentityOrganisation;
import org.reintegra.identity.IdentityUnavailable;
import org.reintegra.identity.NewIdentityAccount;
import org.reintegra.staffaccess.StaffAccessRules;

/**
 * The platform operator onboards an organisation (ADR 0008). The steps ({@link OnboardingStep})
 * run outside any transaction; after each, the onboarding row records it in a transaction of its
 * own. A failed step leaves the onboarding FAILED with the reason: {@link #retry} continues from
 * there (what the identity provider already has with this onboarding's marker is taken over, not
 * made twice), {@link #cancel} removes what this onboarding made, as long as the tenant's row does
 * not exist. So no tenant is ever half-made: its database row exists only after its organisation
 * and administrator, and the operator sees every onboarding that has not finished.
 */
@Stateless
@RolesAllowed(Roles.PLATFORM_ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TenantOnboardingService {

    /** How long the first administrator's set-password link stays valid. */
    static final int INVITATION_VALID_HOURS = 72;

    private static final Logger LOG = Logger.getLogger(TenantOnboardingService.class.getName());

    @EJB
    private OnboardingRecords records;

    @Inject
    private IdentityAdministration identity;

    @Resource
    private SessionContext sessionContext;

    private final Clock clock = Clock.systemUTC();

    /** Records the request and takes every step; returns how far it got. */
    public OnboardingSummary start(OnboardingRequest request) {
        long id = records.open(request, sessionContext.getCallerPrincipal().getName());
        return proceed(records.find(id));
    }

    /** Continues a failed onboarding from its failed step. */
    public OnboardingSummary retry(long id) {
        return proceed(records.change(id, o -> o.retrying(clock.instant())));
    }

    /**
     * Removes what a failed onboarding made at the identity provider (only what carries its marker)
     * and marks it cancelled. If the identity provider does not answer, it stays failed and may be
     * cancelled again.
     */
    public OnboardingSummary cancel(long id) {
        TenantOnboarding onboarding = records.find(id);
        if (!onboarding.mayCancel()) {
            throw new InputRejected("onboarding", "onboarding.error.not-cancellable");
        }
        try {
            identity.accountByUsername(onboarding.adminUsername())
                    .filter(account -> onboarding.marker().equals(account.marker()))
                    .ifPresent(account -> identity.deleteAccount(account.id()));
            identity.organisation(onboarding.tenant())
                    .filter(organisation -> onboarding.marker().equals(organisation.marker()))
                    .ifPresent(organisation -> identity.deleteOrganisation(organisation.id()));
        } catch (IdentityUnavailable unavailable) {
            LOG.log(Level.WARNING, "Onboarding " + id + ": the identity provider did not answer the clean-up");
            return records.change(id, o -> o.failed(o.nextStep(), OnboardingFailure.CLEANUP_FAILED, clock.instant())).summary();
        }
        return records.change(id, o -> o.cancelled(clock.instant())).summary();
    }

    public List<OnboardingSummary> onboardings(int first, int max) {
        return records.list(first, max);
    }

    public int countOnboardings() {
        return records.count();
    }

    private OnboardingSummary proceed(TenantOnboarding onboarding) {
        long id = onboarding.id();
        TenantOnboarding current = onboarding;
        OnboardingStep step = current.nextStep();
        while (step != null) {
            try {
                current = take(step, current);
            } catch (IdentityUnavailable unavailable) {
                return fail(id, step, OnboardingFailure.IDENTITY_UNAVAILABLE);
            } catch (IdentityConflict conflict) {
                return fail(id, step, "email".equals(conflict.field()) ? OnboardingFailure.EMAIL_TAKEN
                        : "alias".equals(conflict.field()) ? OnboardingFailure.ALIAS_TAKEN : OnboardingFailure.USERNAME_TAKEN);
            } catch (RuntimeException failed) {
                LOG.log(Level.WARNING, "Onboarding " + id + ": step " + step + " failed (" + failed.getClass().getName() + ")");
                return fail(id, step, step == OnboardingStep.TENANT ? OnboardingFailure.DATABASE_ERROR
                        : OnboardingFailure.IDENTITY_UNAVAILABLE);
            }
            step = current.nextStep();
        }
        return current.summary();
    }

    private OnboardingSummary fail(long id, OnboardingStep step, OnboardingFailure why) {
        return records.change(id, o -> o.failed(step, why, clock.instant())).summary();
    }

    private TenantOnboarding take(OnboardingStep step, TenantOnboarding onboarding) {
        long id = onboarding.id();
        String marker = onboarding.marker();
        switch (step) {
            case ORGANISATION -> {
                Optional<IdentityOrganisation> existing = identity.organisation(onboarding.tenant());
                String organisationId;
                if (existing.isEmpty()) {
                    organisationId = identity.createOrganisation(onboarding.tenant(), onboarding.name(), marker);
                } else if (marker.equals(existing.get().marker())) {
                    organisationId = existing.get().id(); // made by this onboarding before it failed
                } else {
                    throw new IdentityConflict("alias", "onboarding.error.alias-taken");
                }
                return records.change(id, o -> o.organisationCreated(organisationId, clock.instant()));
            }
            case ADMINISTRATOR -> {
                Optional<IdentityAccount> existing = identity.accountByUsername(onboarding.adminUsername());
                String accountId;
                if (existing.isEmpty()) {
                    accountId = identity.createAccount(new NewIdentityAccount(onboarding.adminUsername(),
                            onboarding.adminGivenName(), onboarding.adminFamilyName(), onboarding.adminEmail(),
                            onboarding.adminLanguage()), marker);
                } else if (marker.equals(existing.get().marker())) {
                    accountId = existing.get().id();
                } else {
                    throw new IdentityConflict("username", "staff.error.username-taken");
                }
                identity.addMember(onboarding.identityOrganisationId(), accountId);
                identity.grantRoles(accountId, Set.of(StaffAccessRules.administratorRole(onboarding.kind())));
                return records.change(id, o -> o.administratorCreated(accountId, clock.instant()));
            }
            case TENANT -> {
                return records.createTenant(id);
            }
            case INVITATION -> {
                identity.sendSetPasswordMail(onboarding.identityAccountId(), INVITATION_VALID_HOURS);
                return records.change(id, o -> o.invitationSent(clock.instant()));
            }
            default -> throw new IllegalStateException("unknown step " + step);
        }
    }
}
