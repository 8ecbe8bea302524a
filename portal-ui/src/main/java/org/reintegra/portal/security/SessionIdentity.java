package org.reintegra.portal.security;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.security.enterprise.identitystore.openid.JwtClaims;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who a browser session is signed in as, read from the tokens Keycloak gave it at sign-in (or its
 * last refresh): the user name and the realm roles. Used only while Keycloak cannot be reached.
 */
record SessionIdentity(String name, Set<String> groups) {

    static Optional<SessionIdentity> of(OpenIdContext context) {
        try {
            if (context == null || context.getAccessToken() == null || context.getIdentityToken() == null) {
                return Optional.empty();
            }
            JwtClaims identity = context.getIdentityToken().getJwtClaims();
            Optional<String> name = identity.getStringClaim("preferred_username");
            if (name.isEmpty()) {
                return Optional.empty();
            }
            Set<String> groups = new HashSet<>(identity.getArrayStringClaim("groups"));
            if (context.getAccessToken().isJWT()) {
                groups.addAll(context.getAccessToken().getJwtClaims().getArrayStringClaim("groups"));
            }
            return Optional.of(new SessionIdentity(name.get(), Set.copyOf(groups)));
        } catch (ContextNotActiveException | IllegalStateException noSession) {
            return Optional.empty();
        }
    }
}
