package org.reintegra.portal.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** OpenID Connect settings from MicroProfile Config, read by the mechanism definition's expressions. */
@Named("oidcSettings")
@ApplicationScoped
public class OidcSettings {

    @Inject
    @ConfigProperty(name = "reintegra.oidc.provider-uri")
    String providerUri;

    @Inject
    @ConfigProperty(name = "reintegra.oidc.client-id", defaultValue = "reintegra-portal")
    String clientId;

    @Inject
    @ConfigProperty(name = "reintegra.oidc.client-secret")
    String clientSecret;

    public String getProviderUri() {
        return providerUri;
    }

    public String getClientId() {
        return clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }
}
