package org.reintegra.staffaccess;

import java.time.Instant;
import java.util.Set;

/**
 * A colleague with access to the portal, as the administrator sees them.
 *
 * @param roles          the portal roles the account holds in this organisation
 * @param lastSignedInAt the last sign-in the portal saw, or null if none yet
 */
public record StaffAccount(String id, String username, String displayName, String email, Set<String> roles,
                           StaffStatus status, Instant lastSignedInAt) {

    public StaffAccount {
        roles = Set.copyOf(roles);
    }
}
