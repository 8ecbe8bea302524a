package org.reintegra.staffaccess;

import java.util.Set;

/** Who to invite: user name, names, e-mail, the language of their mails and their roles. */
public record StaffInvitation(String username, String givenName, String familyName, String email, String language,
                              Set<String> roles) {

    public StaffInvitation {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }
}
