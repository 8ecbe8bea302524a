package org.reintegra.portal.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import java.security.Principal;
import java.util.Optional;
import org.reintegra.organisation.OrganisationDirectory;
import org.reintegra.organisation.OrganisationSummary;
import org.reintegra.tenancy.CurrentTenant;

/** Who is signed in, for the screens: name, display name and organisation. */
@ApplicationScoped
public class SignedInUser {

    @Inject
    OpenIdContext openIdContext;

    @Inject
    SecurityContext securityContext;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    OrganisationDirectory organisations;

    public String username() {
        Principal caller = securityContext.getCallerPrincipal();
        return caller == null ? "" : caller.getName();
    }

    public String displayName() {
        var claims = openIdContext.getClaims();
        return claims.getStringClaim("name").orElse(username());
    }

    /** The organisation the user signed in for, if their token names exactly one known organisation. */
    public Optional<OrganisationSummary> organisation() {
        return currentTenant.get().flatMap(organisations::find);
    }
}
