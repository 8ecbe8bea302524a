package org.reintegra.portal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpSession;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.reintegra.tenancy.TenantId;

/** The tenant read from a session's identity token is kept for that token only. */
class OidcCallerTenantSourceTest {

    private final SessionAttributes kept = new SessionAttributes();
    private final Map<String, Object> attributes = kept.attributes;
    private final HttpSession session = kept.session;
    private final AtomicInteger read = new AtomicInteger();
    private final Function<String, Optional<TenantId>> reader = token -> {
        read.incrementAndGet();
        return token.startsWith("ngo") ? Optional.of(TenantId.of("new-path-ngo")) : Optional.empty();
    };

    @Test
    void theSameTokenIsReadOnce() {
        assertEquals(Optional.of(TenantId.of("new-path-ngo")), OidcCallerTenantSource.tenantOf("ngo.token.1", session, reader));
        assertEquals(Optional.of(TenantId.of("new-path-ngo")), OidcCallerTenantSource.tenantOf("ngo.token.1", session, reader));
        assertEquals(1, read.get());
    }

    @Test
    void aTokenWithoutATenantIsKeptAsNone() {
        assertTrue(OidcCallerTenantSource.tenantOf("none.token", session, reader).isEmpty());
        assertTrue(OidcCallerTenantSource.tenantOf("none.token", session, reader).isEmpty());
        assertEquals(1, read.get());
    }

    @Test
    void anotherTokenInTheSessionIsReadAgainAndReplacesTheKeptOne() {
        OidcCallerTenantSource.tenantOf("ngo.token.1", session, reader);
        assertTrue(OidcCallerTenantSource.tenantOf("none.refreshed", session, reader).isEmpty(),
                "never the tenant of the session's earlier token");
        assertEquals(2, read.get());
        OidcCallerTenantSource.tenantOf("none.refreshed", session, reader);
        assertEquals(2, read.get());
    }

    @Test
    void withoutASessionOrATokenNothingIsKept() {
        OidcCallerTenantSource.tenantOf("ngo.token.1", null, reader);
        OidcCallerTenantSource.tenantOf("ngo.token.1", null, reader);
        assertEquals(2, read.get());
        assertTrue(OidcCallerTenantSource.tenantOf(null, session, token -> Optional.empty()).isEmpty());
        assertTrue(attributes.isEmpty());
    }
}
