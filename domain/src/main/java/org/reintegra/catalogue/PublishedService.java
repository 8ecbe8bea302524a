package org.reintegra.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.ReadOnly;
import org.reintegra.referral.ServiceType;

/**
 * The directory's view of every partner's active catalogue entries: the same rows as
 * {@link ServiceOffer}, read-only and across tenants (the catalogue is public within the portal;
 * row-level security lets any tenant read it and each write only its own).
 */
@Entity
@ReadOnly
@Table(name = "partner_service")
public class PublishedService {

    @Column(name = "tenant_id")
    private String tenantId;

    /** Unique across tenants (one sequence). */
    @Id
    @Column(name = "id")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "service_type")
    private ServiceType serviceType;

    @Column(name = "description")
    private String description;

    @Column(name = "locations")
    private String locations;

    @Column(name = "region")
    private String region;

    @Column(name = "min_age")
    private Integer minAge;

    @Column(name = "max_age")
    private Integer maxAge;

    @Column(name = "sexes")
    private String sexes;

    @Enumerated(EnumType.STRING)
    @Column(name = "custody")
    private ServedCustody custody;

    @Column(name = "languages")
    private String languages;

    @Column(name = "places")
    private Integer places;

    @Column(name = "active")
    private boolean active;

    protected PublishedService() {
    }

    DirectoryEntry entry(String partnerName) {
        return new DirectoryEntry(id, org.reintegra.tenancy.TenantId.of(tenantId), partnerName, serviceType, description,
                locations, region, minAge, maxAge, sexes, custody, languages, places);
    }
}
