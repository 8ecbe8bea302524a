package org.reintegra.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.enterprise.inject.Instance;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CurrentTenantTest {

    private static final TenantId AGENCY = TenantId.of("npa");
    private static final TenantId PARTNER = TenantId.of("ngo-tbilisi");

    @Test
    void aBoundTenantBeatsTheCallersTenant() {
        CurrentTenant current = new CurrentTenant(callerSources(() -> Optional.of(PARTNER)));
        AtomicReference<TenantId> seen = new AtomicReference<>();

        TenantBinding.runAs(AGENCY, () -> seen.set(current.require()));

        assertEquals(AGENCY, seen.get());
    }

    @Test
    void theCallersTenantIsUsedWhenNothingIsBound() {
        CurrentTenant current = new CurrentTenant(callerSources(() -> Optional.of(PARTNER)));

        assertEquals(Optional.of(PARTNER), current.get());
        assertEquals(PARTNER, current.require());
    }

    @Test
    void aBoundTenantIsEnoughWithoutAnyCallerSource() {
        CurrentTenant current = new CurrentTenant(noCallerSource());
        AtomicReference<TenantId> seen = new AtomicReference<>();

        TenantBinding.runAs(AGENCY, () -> seen.set(current.require()));

        assertEquals(AGENCY, seen.get());
    }

    @Test
    void withNeitherABindingNorACallerSourceThereIsNoTenant() {
        CurrentTenant current = new CurrentTenant(noCallerSource());

        assertEquals(Optional.empty(), current.get());
        assertThrows(NoTenantException.class, current::require);
    }

    @Test
    void aCallerWithoutAnOrganisationHasNoTenant() {
        CurrentTenant current = new CurrentTenant(callerSources(Optional::empty));

        assertEquals(Optional.empty(), current.get());
        assertThrows(NoTenantException.class, current::require);
    }

    private static Instance<CallerTenantSource> callerSources(CallerTenantSource source) {
        return instance(source);
    }

    private static Instance<CallerTenantSource> noCallerSource() {
        return instance(null);
    }

    /** A CDI {@link Instance} holding at most one source; only what CurrentTenant may call works. */
    @SuppressWarnings("unchecked")
    private static Instance<CallerTenantSource> instance(CallerTenantSource source) {
        return (Instance<CallerTenantSource>) Proxy.newProxyInstance(Instance.class.getClassLoader(),
                new Class<?>[] {Instance.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isUnsatisfied" -> source == null;
                    case "isAmbiguous" -> false;
                    case "isResolvable" -> source != null;
                    case "get" -> {
                        if (source == null) {
                            throw new IllegalStateException("unsatisfied Instance.get()");
                        }
                        yield source;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
