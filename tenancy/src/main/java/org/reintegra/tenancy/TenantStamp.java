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

    /**
     * Lets the transaction's statements use cached generic plans, when it only looks rows up by key
     * and inserts rows: their plans do not depend on how many rows a tenant has, and planning them
     * again on every run (row-level security checks with subqueries on the referrals and their
     * indexes) cost the intake API about a millisecond of database time per call. Must be called
     * before the transaction's first statement; the tenant setting is the same either way.
     */
    public static void allowGenericPlans(EntityManager entityManager) {
        entityManager.setProperty(TenancyProperties.GENERIC_PLANS_PROPERTY, Boolean.TRUE.toString());
    }

    /** The platform operator's scope: no tenant (see {@link PlatformBound}). */
    public static void applyPlatform(EntityManager entityManager) {
        entityManager.setProperty(TenancyProperties.TENANT_PROPERTY, TenancyProperties.PLATFORM_SCOPE);
        entityManager.setProperty(TenancyProperties.SHARED_TENANT_PARAMETER, TenancyProperties.PLATFORM_SCOPE);
    }
}
