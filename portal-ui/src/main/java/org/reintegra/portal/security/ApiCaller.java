package org.reintegra.portal.security;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.reintegra.tenancy.TenantId;

/**
 * The caller of an intake-API request, as its verified bearer token names it: set by
 * {@link ApiAwareAuthenticationMechanism} for the request, empty for browser requests.
 */
@RequestScoped
public class ApiCaller {

    private TenantId tenant;
    private String clientId;

    void authenticated(TenantId tenant, String clientId) {
        this.tenant = tenant;
        this.clientId = clientId;
    }

    public Optional<TenantId> tenant() {
        return Optional.ofNullable(tenant);
    }

    public boolean present() {
        return tenant != null;
    }

    public String clientId() {
        return clientId;
    }
}
