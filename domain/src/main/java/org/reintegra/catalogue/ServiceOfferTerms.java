package org.reintegra.catalogue;

import java.util.Set;
import org.reintegra.client.Sex;
import org.reintegra.referral.ServiceType;

/** What a partner publishes about one of its services. */
public record ServiceOfferTerms(ServiceType serviceType, String description, String locations, String region,
                                Integer minAge, Integer maxAge, Set<Sex> sexes, ServedCustody custody,
                                Set<String> languages, Integer places) {

    public ServiceOfferTerms {
        sexes = sexes == null ? Set.of() : Set.copyOf(sexes);
        languages = languages == null ? Set.of() : Set.copyOf(languages);
    }
}
