package org.reintegra.catalogue;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Set;
import org.reintegra.client.Sex;
import org.reintegra.referral.ServiceType;
import org.reintegra.tenancy.TenantId;

/** The demo partners' catalogues (demo data only; the caller binds the partner's tenant). */
public final class DemoCatalogue {

    private static final Set<Sex> EVERYONE = Set.of(Sex.FEMALE, Sex.MALE, Sex.OTHER);

    private DemoCatalogue() {
    }

    public static void publish(EntityManager entityManager, TenantId partner) {
        List<ServiceOfferTerms> offers = switch (partner.value()) {
            case "justice-art-ngo" -> List.of(
                    new ServiceOfferTerms(ServiceType.LEGAL_ASSISTANCE, "Free legal advice and representation.",
                            "Tbilisi, 12 Rustaveli Ave; Rustavi prison visits", "Tbilisi", 14, null, EVERYONE,
                            ServedCustody.BOTH, Set.of("ka", "ru", "en"), 40),
                    new ServiceOfferTerms(ServiceType.ART_THERAPY, "Small-group art therapy, 12 weekly sessions.",
                            "Tbilisi studio", "Tbilisi", 14, null, EVERYONE, ServedCustody.IN_COMMUNITY,
                            Set.of("ka"), 12),
                    new ServiceOfferTerms(ServiceType.ADDICTION_PROGRAMME, "Gambling support group.", "Tbilisi studio",
                            "Tbilisi", 18, null, EVERYONE, ServedCustody.IN_COMMUNITY, Set.of("ka", "ru"), 10));
            case "new-path-ngo" -> List.of(
                    new ServiceOfferTerms(ServiceType.ADDICTION_PROGRAMME, "Drug and gambling rehabilitation, relapse"
                            + " prevention.", "Almaty centre; Bishkek centre", "Almaty, Bishkek", 18, null, EVERYONE,
                            ServedCustody.BOTH, Set.of("ru", "kk", "ky"), 25),
                    new ServiceOfferTerms(ServiceType.PSYCHOLOGICAL_CONSULTATION, "Individual and family consultation.",
                            "Almaty centre", "Almaty", 14, null, EVERYONE, ServedCustody.BOTH, Set.of("ru", "kk"), 30),
                    new ServiceOfferTerms(ServiceType.PROSOCIAL_PROGRAMME, "Communication and emotion regulation groups.",
                            "Almaty centre", "Almaty", 14, null, EVERYONE, ServedCustody.BOTH, Set.of("ru", "kk"), 15),
                    new ServiceOfferTerms(ServiceType.HEALTHCARE_SUPPORT, "Insurance navigation and referral to state"
                            + " programmes.", "Bishkek centre", "Bishkek", 18, null, EVERYONE, ServedCustody.BOTH,
                            Set.of("ky", "ru"), 20));
            case "vocational-college" -> List.of(
                    new ServiceOfferTerms(ServiceType.PROFESSIONAL_RETRAINING, "Welding, cooking, sewing, accounting.",
                            "Bishkek campus", "Bishkek", 16, 60, EVERYONE, ServedCustody.BOTH, Set.of("ky", "ru"), 14));
            default -> List.of();
        };
        offers.forEach(terms -> entityManager.persist(new ServiceOffer(terms)));
    }
}
