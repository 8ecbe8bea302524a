package org.reintegra.tenancy;

/** Names shared by the application wall and the database wall. */
public final class TenancyProperties {

    /** The persistence unit whose entities are tenant-owned. */
    public static final String PERSISTENCE_UNIT = "reintegra";

    /** EclipseLink context property that fills {@code tenant_id} filters. */
    public static final String TENANT_PROPERTY = "eclipselink.tenant-id";

    /**
     * Entity-manager property (and JPQL parameter name) used by the additional criteria of
     * entities shared by an agency and a partner.
     */
    public static final String SHARED_TENANT_PARAMETER = "currentTenant";

    /**
     * Entity-manager property: when {@code true}, the transaction's statements may use PostgreSQL's
     * cached generic plans instead of a plan made for every run (docs/adr/0009-custom-plans-per-tenant.md,
     * amendment). Only for transactions that look rows up by key and insert rows.
     */
    public static final String GENERIC_PLANS_PROPERTY = "reintegra.generic-plans";

    /** PostgreSQL setting that the row-level security policies compare with. */
    public static final String DATABASE_SETTING = "app.tenant_id";

    /**
     * The value of the tenant setting in the platform operator's scope ({@link PlatformBound}). It is
     * not a valid {@link TenantId} (tenant ids never start with an underscore), so no tenant's row
     * ever matches it.
     */
    public static final String PLATFORM_SCOPE = "_platform";

    private TenancyProperties() {
    }
}
