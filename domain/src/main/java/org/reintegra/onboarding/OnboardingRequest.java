package org.reintegra.onboarding;

import org.reintegra.organisation.OrganisationCategory;
import org.reintegra.organisation.OrganisationKind;

/**
 * What the operator asks for: the organisation (short name = tenant id, kind, category, name) and
 * its first administrator (user name, names, e-mail, language).
 */
public record OnboardingRequest(String alias, OrganisationKind kind, OrganisationCategory category, String name,
                                String adminUsername, String adminGivenName, String adminFamilyName, String adminEmail,
                                String adminLanguage) {
}
