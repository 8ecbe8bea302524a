package org.reintegra.portal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.reintegra.tenancy.TenantId;

/** The tenant read from a session's identity token is kept for that token only. */
class OidcCallerTenantSourceTest {

    private final Map<String, Object> attributes = new HashMap<>();
    /** The container's session, reduced to its attributes. */
    private final HttpSession session = (HttpSession) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {HttpSession.class}, (proxy, method, args) -> switch (method.getName()) {
                case "getAttribute" -> attributes.get((String) args[0]);
                case "setAttribute" -> attributes.put((String) args[0], args[1]);
                default -> throw new UnsupportedOperationException(method.getName());
            });
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
