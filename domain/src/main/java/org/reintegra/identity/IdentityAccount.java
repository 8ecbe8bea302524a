package org.reintegra.identity;

import java.util.Set;

/**
 * An account at the identity provider.
 *
 * @param passwordPending the owner has not set a password yet (an invitation is open)
 * @param roles           its realm roles (the portal's roles among them)
 * @param marker          the portal's marker, when the portal created it during an onboarding
 */
public record IdentityAccount(String id, String username, String givenName, String familyName, String email,
                              boolean enabled, boolean passwordPending, Set<String> roles, String marker) {

    public IdentityAccount {
        roles = Set.copyOf(roles);
    }

    public String displayName() {
        String name = ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName)).strip();
        return name.isEmpty() ? username : name;
    }
}
