package org.reintegra.catalogue;

import org.reintegra.referral.ServiceType;
import org.reintegra.tenancy.TenantId;

/** A partner's published service as the directory lists it. */
public record DirectoryEntry(long serviceId, TenantId partner, String partnerName, ServiceType serviceType,
                             String description, String locations, String region, Integer minAge, Integer maxAge,
                             String sexes, ServedCustody custody, String languages, Integer places) {
}
