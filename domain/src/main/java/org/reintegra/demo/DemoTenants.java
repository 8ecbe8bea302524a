package org.reintegra.demo;

import org.reintegra.tenancy.TenantId;

/** The demo organisations; their ids are the organisation aliases of the demo Keycloak realm. */
public final class DemoTenants {

    public static final TenantId PROBATION_AGENCY = TenantId.of("national-probation-agency");
    public static final TenantId PENITENTIARY_SERVICE = TenantId.of("penitentiary-service");
    public static final TenantId JUSTICE_ART_NGO = TenantId.of("justice-art-ngo");
    public static final TenantId NEW_PATH_NGO = TenantId.of("new-path-ngo");
    public static final TenantId VOCATIONAL_COLLEGE = TenantId.of("vocational-college");

    private DemoTenants() {
    }
}
