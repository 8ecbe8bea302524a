package org.reintegra.onboarding;

/** The steps of an onboarding, in order. */
public enum OnboardingStep {
    /** The organisation at the identity provider. */
    ORGANISATION,
    /** The first administrator's account, its membership and role. */
    ADMINISTRATOR,
    /** The tenant's row in the database. */
    TENANT,
    /** The administrator's set-password mail. */
    INVITATION
}
