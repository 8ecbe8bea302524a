package org.reintegra.onboarding;

/** Where an onboarding stands. */
public enum OnboardingState {
    /** Steps are being taken. */
    IN_PROGRESS,
    /** A step failed; retry completes it, cancel cleans up (before the tenant exists). */
    FAILED,
    /** The tenant exists and its administrator was sent the set-password mail. */
    COMPLETED,
    /** Cleaned up: what it had made at the identity provider is gone. */
    CANCELLED
}
