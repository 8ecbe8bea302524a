package org.reintegra.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import org.eclipse.persistence.annotations.AdditionalCriteria;

/**
 * Base of records shared by exactly two tenants: the agency that sent a referral and the partner
 * that received it (the referral itself and everything that hangs from it). EclipseLink adds
 * {@code agency_tenant_id = :tenant OR partner_tenant_id = :tenant} to every query; the table has a
 * row-level security policy over the same two columns. Neither column can change once written.
 */
@MappedSuperclass
@AdditionalCriteria("this.agencyTenantId = :" + TenancyProperties.SHARED_TENANT_PARAMETER
        + " OR this.partnerTenantId = :" + TenancyProperties.SHARED_TENANT_PARAMETER)
public abstract class AgencyPartnerSharedEntity {

    @Column(name = "agency_tenant_id", nullable = false, updatable = false, length = 63)
    private String agencyTenantId;

    @Column(name = "partner_tenant_id", nullable = false, updatable = false, length = 63)
    private String partnerTenantId;

    protected AgencyPartnerSharedEntity() {
    }

    protected AgencyPartnerSharedEntity(TenantId agency, TenantId partner) {
        this.agencyTenantId = agency.value();
        this.partnerTenantId = partner.value();
    }

    public TenantId agencyTenant() {
        return TenantId.of(agencyTenantId);
    }

    public TenantId partnerTenant() {
        return TenantId.of(partnerTenantId);
    }

    /** Whether the given tenant is one of the two that share this record. */
    public boolean isSharedWith(TenantId tenant) {
        return agencyTenantId.equals(tenant.value()) || partnerTenantId.equals(tenant.value());
    }
}
