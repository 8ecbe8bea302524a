package org.reintegra.portal.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import java.util.Optional;
import org.reintegra.tenancy.CallerTenantSource;
import org.reintegra.tenancy.TenantId;

/**
 * The caller's tenant: for an intake-API request the organisation of its verified bearer token,
 * otherwise the organisation in the signed-in user's ID token; nothing else.
 */
@ApplicationScoped
public class OidcCallerTenantSource implements CallerTenantSource {

    @Inject
    OpenIdContext openIdContext;

    @Inject
    ApiCaller apiCaller;

    @Override
    public Optional<TenantId> callerTenant() {
        try {
            if (apiCaller.present()) {
                return apiCaller.tenant(); // an intake-API request: its bearer token's organisation
            }
            if (openIdContext == null || openIdContext.getIdentityToken() == null) {
                return Optional.empty();
            }
            return OrganisationClaim.tenantOf(openIdContext.getIdentityToken().getToken());
        } catch (ContextNotActiveException notInARequest) {
            return Optional.empty();
        } catch (RuntimeException unreadableToken) {
            // no token, or a payload that is not what Keycloak sends: no tenant (default deny)
            return Optional.empty();
        }
    }
}
