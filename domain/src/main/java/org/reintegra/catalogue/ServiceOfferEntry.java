package org.reintegra.catalogue;

import java.util.Set;
import org.reintegra.client.Sex;
import org.reintegra.referral.ServiceType;

/** One of the partner's own catalogue entries, for its admin screen. */
public record ServiceOfferEntry(long id, ServiceType serviceType, String description, String locations, String region,
                                Integer minAge, Integer maxAge, Set<Sex> sexes, ServedCustody custody,
                                Set<String> languages, Integer places, boolean active, long version) {

    public ServiceOfferTerms terms() {
        return new ServiceOfferTerms(serviceType, description, locations, region, minAge, maxAge, sexes, custody,
                languages, places);
    }
}
