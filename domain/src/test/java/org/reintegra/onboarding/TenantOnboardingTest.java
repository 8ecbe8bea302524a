package org.reintegra.onboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.reintegra.access.InputRejected;
import org.reintegra.organisation.OrganisationCategory;
import org.reintegra.organisation.OrganisationKind;

class TenantOnboardingTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private static OnboardingRequest request(String alias, OrganisationKind kind, OrganisationCategory category) {
        return new OnboardingRequest(alias, kind, category, " Hope Clinic ", "Admin.Hope", "Mariam", "Tsereteli",
                "mariam@hope.example", "ka");
    }

    @Test
    void aRequestIsCheckedAndTrimmed() {
        OnboardingRequest checked = TenantOnboarding.check(request(" hope-clinic ", OrganisationKind.PARTNER, OrganisationCategory.CLINIC));
        assertEquals("hope-clinic", checked.alias());
        assertEquals("Hope Clinic", checked.name());
        assertEquals("admin.hope", checked.adminUsername());
        assertEquals("alias", rejected(request("Hope Clinic", OrganisationKind.PARTNER, OrganisationCategory.CLINIC)));
        assertEquals("alias", rejected(request("_platform", OrganisationKind.PARTNER, OrganisationCategory.CLINIC)));
        assertEquals("category", rejected(request("hope", OrganisationKind.AGENCY, OrganisationCategory.CLINIC)));
        assertEquals("category", rejected(request("hope", OrganisationKind.PARTNER, OrganisationCategory.AGENCY)));
        assertEquals("kind", rejected(request("hope", null, OrganisationCategory.CLINIC)));
    }

    @Test
    void stepsRunInOrderAndTheTenantComesOnlyAfterItsOrganisationAndAdministrator() {
        TenantOnboarding onboarding = onboarding();
        assertEquals(OnboardingStep.ORGANISATION, onboarding.nextStep());
        assertThrows(IllegalStateException.class, () -> onboarding.tenantCreated(NOW));
        assertThrows(IllegalStateException.class, () -> onboarding.administratorCreated("user-1", NOW));
        onboarding.organisationCreated("org-1", NOW);
        assertEquals(OnboardingStep.ADMINISTRATOR, onboarding.nextStep());
        assertThrows(IllegalStateException.class, () -> onboarding.invitationSent(NOW));
        onboarding.administratorCreated("user-1", NOW);
        assertEquals(OnboardingStep.TENANT, onboarding.nextStep());
        onboarding.tenantCreated(NOW);
        assertEquals(OnboardingStep.INVITATION, onboarding.nextStep());
        onboarding.invitationSent(NOW);
        assertNull(onboarding.nextStep());
        assertEquals(OnboardingState.COMPLETED, onboarding.state());
        assertFalse(onboarding.mayRetry());
        assertFalse(onboarding.mayCancel());
        assertThrows(IllegalStateException.class, () -> onboarding.failed(OnboardingStep.INVITATION,
                OnboardingFailure.IDENTITY_UNAVAILABLE, NOW));
    }

    @Test
    void aFailureBeforeTheTenantMayBeRetriedOrCancelledAfterItOnlyRetried() {
        TenantOnboarding early = onboarding();
        early.organisationCreated("org-1", NOW);
        early.failed(OnboardingStep.ADMINISTRATOR, OnboardingFailure.EMAIL_TAKEN, NOW);
        assertTrue(early.mayRetry());
        assertTrue(early.mayCancel());
        assertEquals(OnboardingFailure.EMAIL_TAKEN, early.summary().failure());
        early.cancelled(NOW);
        assertEquals(OnboardingState.CANCELLED, early.state());
        assertEquals("onboarding.error.not-retryable", assertThrows(InputRejected.class, () -> early.retrying(NOW)).messageKey());

        TenantOnboarding late = onboarding();
        late.organisationCreated("org-1", NOW);
        late.administratorCreated("user-1", NOW);
        late.tenantCreated(NOW);
        late.failed(OnboardingStep.INVITATION, OnboardingFailure.IDENTITY_UNAVAILABLE, NOW);
        assertTrue(late.mayRetry());
        assertFalse(late.mayCancel(), "the tenant exists: it is completed, never taken apart");
        assertEquals("onboarding.error.not-cancellable", assertThrows(InputRejected.class, () -> late.cancelled(NOW)).messageKey());
        late.retrying(NOW);
        assertEquals(OnboardingStep.INVITATION, late.nextStep(), "a retry continues at the failed step");
        late.invitationSent(NOW);
        assertEquals(OnboardingState.COMPLETED, late.state());
        assertNull(late.summary().failure());
    }

    private static TenantOnboarding onboarding() {
        return new TenantOnboarding(TenantOnboarding.check(request("hope-clinic", OrganisationKind.PARTNER,
                OrganisationCategory.CLINIC)), "platform.admin", NOW);
    }

    private static String rejected(OnboardingRequest request) {
        return assertThrows(InputRejected.class, () -> TenantOnboarding.check(request)).field();
    }
}
