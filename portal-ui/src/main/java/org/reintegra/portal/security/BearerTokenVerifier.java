package org.reintegra.portal.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.reintegra.tenancy.TenantId;

/**
 * Verifies the intake API's bearer tokens: an RS256 access token signed by the realm (keys from its
 * JWKS, cached and refreshed on rotation), issued by the configured realm, meant for the API
 * audience, not expired, naming exactly one organisation.
 */
@ApplicationScoped
public class BearerTokenVerifier {

    /** Who a valid token speaks for. */
    public record VerifiedCaller(String name, String clientId, TenantId tenant, Set<String> groups) {
    }

    @Inject
    @ConfigProperty(name = "reintegra.oidc.provider-uri")
    String providerUri;

    @Inject
    @ConfigProperty(name = "reintegra.api.audience", defaultValue = "reintegra-api")
    String audience;

    private ConfigurableJWTProcessor<SecurityContext> processor;

    @PostConstruct
    void prepare() {
        try {
            JWKSource<SecurityContext> keys = JWKSourceBuilder
                    .create(URI.create(providerUri + "/protocol/openid-connect/certs").toURL())
                    .retrying(true)
                    .build();
            DefaultJWTProcessor<SecurityContext> jwt = new DefaultJWTProcessor<>();
            jwt.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT));
            jwt.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
            jwt.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience,
                    new JWTClaimsSet.Builder().issuer(providerUri).build(),
                    new HashSet<>(List.of("sub", "exp", "iat", "azp"))));
            this.processor = jwt;
        } catch (MalformedURLException e) {
            throw new IllegalStateException("reintegra.oidc.provider-uri is not a URL: " + providerUri, e);
        }
    }

    /** The caller of a valid token, or empty for anything else (bad signature, expired, foreign, no tenant). */
    public Optional<VerifiedCaller> verify(String token) {
        try {
            JWTClaimsSet claims = processor.process(token, null);
            Optional<TenantId> tenant = OrganisationClaim.tenantOf(token);
            if (tenant.isEmpty()) {
                return Optional.empty();
            }
            List<String> groups = claims.getStringListClaim("groups");
            String clientId = claims.getStringClaim("azp");
            String name = Optional.ofNullable(claims.getStringClaim("preferred_username")).orElse(clientId);
            return Optional.of(new VerifiedCaller(name, clientId, tenant.get(),
                    groups == null ? Set.of() : Set.copyOf(groups)));
        } catch (Exception invalid) {
            return Optional.empty();
        }
    }
}
