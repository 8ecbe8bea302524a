package org.reintegra.portal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reintegra.tenancy.TenantId;

/**
 * A bearer token is verified once and then remembered until it expires; a token the realm did not
 * sign, or one for another audience, is refused.
 */
class BearerTokenVerifierTest {

    private static final String ISSUER = "http://keycloak.test/realms/reintegra";

    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    private RSAKey realmKey;
    private RSAKey otherKey;
    private BearerTokenVerifier verifier;

    @BeforeEach
    void realm() throws Exception {
        realmKey = new RSAKeyGenerator(2048).keyID("realm").generate();
        otherKey = new RSAKeyGenerator(2048).keyID("realm").generate();
        verifier = new BearerTokenVerifier(clock);
        verifier.providerUri = ISSUER;
        verifier.audience = "reintegra-api";
        verifier.use(new ImmutableJWKSet<>(new JWKSet(realmKey.toPublicJWK())));
    }

    @Test
    void aValidTokenNamesItsCallerTenantAndRoles() throws Exception {
        var caller = verifier.verify(token(realmKey, "reintegra-api", Duration.ofMinutes(5))).orElseThrow();
        assertEquals("npa-case-system", caller.clientId());
        assertEquals(TenantId.of("national-probation-agency"), caller.tenant());
        assertEquals(Set.of("agency-officer"), caller.groups());
    }

    @Test
    void aTokenSignedByAnotherKeyOrForAnotherAudienceIsRefused() throws Exception {
        assertTrue(verifier.verify(token(otherKey, "reintegra-api", Duration.ofMinutes(5))).isEmpty());
        assertTrue(verifier.verify(token(realmKey, "some-other-api", Duration.ofMinutes(5))).isEmpty());
    }

    @Test
    void aVerifiedTokenIsRememberedUntilItExpiresAndCheckedAgainAfter() throws Exception {
        String token = token(realmKey, "reintegra-api", Duration.ofMinutes(5));
        assertTrue(verifier.verify(token).isPresent());

        // the realm's key is gone: a remembered token still passes without a new signature check ...
        verifier.use(new ImmutableJWKSet<>(new JWKSet(otherKey.toPublicJWK())));
        clock.advance(Duration.ofMinutes(4));
        assertTrue(verifier.verify(token).isPresent());

        // ... until it expires; then it is checked again (and now fails)
        clock.advance(Duration.ofMinutes(2));
        assertTrue(verifier.verify(token).isEmpty());
    }

    private String token(RSAKey key, String audience, Duration lifetime) throws Exception {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER).subject("service-account").audience(audience)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(lifetime)))
                .claim("azp", "npa-case-system")
                .claim("organization", List.of("national-probation-agency"))
                .claim("groups", List.of("agency-officer"))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
