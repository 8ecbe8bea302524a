package org.reintegra.tenancy;

import jakarta.persistence.EntityManager;

/** Writes the tenant into an entity manager's properties: the one place both filters are fed. */
public final class TenantStamp {

    private TenantStamp() {
    }

    public static void apply(EntityManager entityManager, TenantId tenant) {
        entityManager.setProperty(TenancyProperties.TENANT_PROPERTY, tenant.value());
        entityManager.setProperty(TenancyProperties.SHARED_TENANT_PARAMETER, tenant.value());
    }

    /** The platform operator's scope: no tenant (see {@link PlatformBound}). */
    public static void applyPlatform(EntityManager entityManager) {
        entityManager.setProperty(TenancyProperties.TENANT_PROPERTY, TenancyProperties.PLATFORM_SCOPE);
        entityManager.setProperty(TenancyProperties.SHARED_TENANT_PARAMETER, TenancyProperties.PLATFORM_SCOPE);
    }
}
