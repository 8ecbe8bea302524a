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
