package org.reintegra.portal.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Optional;
import java.util.function.Function;
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

    @Inject
    HttpServletRequest request;

    /** The session attribute holding the tenant read from the session's identity token, with that token. */
    static final String TENANT_OF_TOKEN = OidcCallerTenantSource.class.getName() + ".tenant";

    /** A tenant (or none) and the identity token it was read from. */
    record TenantOfToken(String token, TenantId tenant) implements Serializable {
    }

    @Override
    public Optional<TenantId> callerTenant() {
        try {
            if (apiCaller.present()) {
                return apiCaller.tenant(); // an intake-API request: its bearer token's organisation
            }
            if (openIdContext == null || openIdContext.getIdentityToken() == null) {
                return Optional.empty();
            }
            return tenantOf(openIdContext.getIdentityToken().getToken(), request.getSession(false),
                    OrganisationClaim::tenantOf);
        } catch (ContextNotActiveException notInARequest) {
            return Optional.empty();
        } catch (RuntimeException unreadableToken) {
            // no token, or a payload that is not what Keycloak sends: no tenant (default deny)
            return Optional.empty();
        }
    }

    /**
     * The tenant named by the identity token, kept in the HTTP session with the token it was read
     * from. Every call of a feature service asks for the caller's tenant, and decoding and parsing
     * the token on each was 2% of the portal's processor time at 500 users (docs/benchmarks.md, stop
     * 25). Only the same token gets the kept answer: a refreshed one is read again.
     */
    static Optional<TenantId> tenantOf(String token, HttpSession session, Function<String, Optional<TenantId>> reader) {
        if (token != null && session != null && session.getAttribute(TENANT_OF_TOKEN) instanceof TenantOfToken known
                && token.equals(known.token())) {
            return Optional.ofNullable(known.tenant());
        }
        Optional<TenantId> tenant = reader.apply(token);
        if (token != null && session != null) {
            session.setAttribute(TENANT_OF_TOKEN, new TenantOfToken(token, tenant.orElse(null)));
        }
        return tenant;
    }
}
