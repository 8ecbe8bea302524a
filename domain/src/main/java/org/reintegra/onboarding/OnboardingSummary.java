package org.reintegra.onboarding;

import java.time.Instant;
import org.reintegra.organisation.OrganisationCategory;
import org.reintegra.organisation.OrganisationKind;

/** An onboarding as the operator's list shows it. */
public record OnboardingSummary(long id, String alias, String name, OrganisationKind kind, OrganisationCategory category,
                                String adminUsername, String adminEmail, OnboardingState state, OnboardingStep failedStep,
                                OnboardingFailure failure, boolean mayRetry, boolean mayCancel, String requestedBy,
                                Instant requestedAt, Instant updatedAt) {
}
