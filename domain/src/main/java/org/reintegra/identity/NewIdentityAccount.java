package org.reintegra.identity;

import java.util.Objects;

/** An account to create: the person's user name, names, e-mail and language (for the mails they get). */
public record NewIdentityAccount(String username, String givenName, String familyName, String email, String language) {

    public NewIdentityAccount {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(email, "email");
    }
}
