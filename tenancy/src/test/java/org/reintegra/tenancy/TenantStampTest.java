package org.reintegra.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.EntityManager;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TenantStampTest {

    @Test
    void stampingFeedsBothTheTenantFilterAndTheSharedRecordFilter() {
        Map<String, Object> properties = new HashMap<>();
        EntityManager entityManager = recording(properties);

        TenantStamp.apply(entityManager, TenantId.of("ngo-tbilisi"));

        assertEquals(Map.of("eclipselink.tenant-id", "ngo-tbilisi", "currentTenant", "ngo-tbilisi"), properties);
    }

    @Test
    void genericPlansAreAllowedByTheirOwnProperty() {
        Map<String, Object> properties = new HashMap<>();
        EntityManager entityManager = recording(properties);

        TenantStamp.allowGenericPlans(entityManager);

        assertEquals(Map.of(TenancyProperties.GENERIC_PLANS_PROPERTY, "true"), properties);
    }

    /** An entity manager that only takes properties, into the map. */
    private static EntityManager recording(Map<String, Object> properties) {
        return (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(),
                new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                    if (method.getName().equals("setProperty")) {
                        properties.put((String) args[0], args[1]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
