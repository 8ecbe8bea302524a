package org.reintegra.onboarding;

/** Why a step failed, as the operator is told (no personal data, no stack trace). */
public enum OnboardingFailure {
    IDENTITY_UNAVAILABLE,
    ALIAS_TAKEN,
    USERNAME_TAKEN,
    EMAIL_TAKEN,
    DATABASE_ERROR,
    CLEANUP_FAILED
}
