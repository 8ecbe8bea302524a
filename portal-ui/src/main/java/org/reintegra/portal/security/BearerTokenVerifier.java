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

    /**
     * How many verified tokens are remembered. Only machine clients use the API, each sending one
     * token for its lifetime (minutes), so a few hundred cover every caller.
     */
    static final int REMEMBERED_TOKENS = 1_000;

    private ConfigurableJWTProcessor<SecurityContext> processor;

    /**
     * Tokens already verified, by their exact text, until they expire. A case system sends the same
     * token with every call, and checking its signature and claims each time was a fifth of the
     * intake API's processing (docs/benchmarks.md). Identical bytes verify identically; what a
     * cache gives up is noticing a signing key removed from the realm before the token's expiry.
     */
    private final java.util.concurrent.ConcurrentHashMap<String, Remembered> verified = new java.util.concurrent.ConcurrentHashMap<>();

    private final java.time.Clock clock;

    private record Remembered(VerifiedCaller caller, java.time.Instant expires) {
    }

    public BearerTokenVerifier() {
        this(java.time.Clock.systemUTC());
    }

    BearerTokenVerifier(java.time.Clock clock) {
        this.clock = clock;
    }

    @PostConstruct
    void prepare() {
        try {
            use(JWKSourceBuilder
                    .create(URI.create(providerUri + "/protocol/openid-connect/certs").toURL())
                    .retrying(true)
                    .build());
        } catch (MalformedURLException e) {
            throw new IllegalStateException("reintegra.oidc.provider-uri is not a URL: " + providerUri, e);
        }
    }

    /** Verifies with the given keys (the realm's JWKS; a test's own key). */
    void use(JWKSource<SecurityContext> keys) {
        DefaultJWTProcessor<SecurityContext> jwt = new DefaultJWTProcessor<>();
        jwt.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT));
        jwt.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        jwt.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(providerUri).build(),
                new HashSet<>(List.of("sub", "exp", "iat", "azp"))));
        this.processor = jwt;
    }

    /** The caller of a valid token, or empty for anything else (bad signature, expired, foreign, no tenant). */
    public Optional<VerifiedCaller> verify(String token) {
        java.time.Instant now = clock.instant();
        Remembered known = verified.get(token);
        if (known != null) {
            if (now.isBefore(known.expires())) {
                return Optional.of(known.caller());
            }
            verified.remove(token, known);
        }
        Optional<Remembered> checked = check(token);
        checked.ifPresent(valid -> remember(token, valid, now));
        return checked.map(Remembered::caller);
    }

    private void remember(String token, Remembered valid, java.time.Instant now) {
        if (verified.size() >= REMEMBERED_TOKENS) {
            verified.values().removeIf(remembered -> !now.isBefore(remembered.expires()));
            if (verified.size() >= REMEMBERED_TOKENS) {
                verified.clear();
            }
        }
        verified.put(token, valid);
    }

    private Optional<Remembered> check(String token) {
        try {
            JWTClaimsSet claims = processor.process(token, null);
            Optional<TenantId> tenant = OrganisationClaim.tenantOf(token);
            if (tenant.isEmpty()) {
                return Optional.empty();
            }
            List<String> groups = claims.getStringListClaim("groups");
            String clientId = claims.getStringClaim("azp");
            String name = Optional.ofNullable(claims.getStringClaim("preferred_username")).orElse(clientId);
            return Optional.of(new Remembered(new VerifiedCaller(name, clientId, tenant.get(),
                    groups == null ? Set.of() : Set.copyOf(groups)), claims.getExpirationTime().toInstant()));
        } catch (Exception invalid) {
            return Optional.empty();
        }
    }
}
