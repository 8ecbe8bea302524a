package org.reintegra.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.reintegra.client.Sex;
import org.reintegra.referral.ServiceType;
import org.reintegra.tenancy.TenantOwnedEntity;

/**
 * One service a partner offers, as the partner writes it (its own entries only). The directory
 * reads the same rows through {@link PublishedService}.
 */
@Entity
@Table(name = "partner_service")
public class ServiceOffer extends TenantOwnedEntity {

    static final java.util.List<String> LANGUAGES = java.util.List.of("ka", "ru", "ky", "kk", "en");

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "partner_service_id")
    @SequenceGenerator(name = "partner_service_id", sequenceName = "partner_service_id_seq", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "service_type", nullable = false, length = 40)
    private ServiceType serviceType;

    @Column(name = "description", length = 2000)
    private String description;

    @Column(name = "locations", nullable = false, length = 1000)
    private String locations;

    @Column(name = "region", length = 100)
    private String region;

    @Column(name = "min_age")
    private Integer minAge;

    @Column(name = "max_age")
    private Integer maxAge;

    @Column(name = "sexes", nullable = false, length = 40)
    private String sexes;

    @Enumerated(EnumType.STRING)
    @Column(name = "custody", nullable = false, length = 16)
    private ServedCustody custody;

    @Column(name = "languages", nullable = false, length = 100)
    private String languages;

    @Column(name = "places")
    private Integer places;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ServiceOffer() {
    }

    public ServiceOffer(ServiceOfferTerms terms) {
        take(terms);
        this.active = true;
    }

    /** Checks and takes the terms; refuses with the field and a message key. */
    void take(ServiceOfferTerms terms) {
        if (terms.serviceType() == null) {
            throw new CatalogueInputRejected("serviceType", "catalogue.service.required");
        }
        if (terms.locations() == null || terms.locations().isBlank() || terms.locations().length() > 1000) {
            throw new CatalogueInputRejected("locations", "catalogue.locations.required");
        }
        if (terms.description() != null && terms.description().length() > 2000) {
            throw new CatalogueInputRejected("description", "referral.text.too-long");
        }
        if (!age(terms.minAge()) || !age(terms.maxAge())
                || (terms.minAge() != null && terms.maxAge() != null && terms.minAge() > terms.maxAge())) {
            throw new CatalogueInputRejected("maxAge", "catalogue.ages.invalid");
        }
        if (terms.sexes().isEmpty()) {
            throw new CatalogueInputRejected("sexes", "catalogue.sexes.required");
        }
        if (terms.custody() == null) {
            throw new CatalogueInputRejected("custody", "catalogue.custody.required");
        }
        if (terms.languages().isEmpty() || !LANGUAGES.containsAll(terms.languages())) {
            throw new CatalogueInputRejected("languages", "catalogue.languages.required");
        }
        if (terms.places() != null && (terms.places() < 0 || terms.places() > 100000)) {
            throw new CatalogueInputRejected("places", "catalogue.places.invalid");
        }
        this.serviceType = terms.serviceType();
        this.description = blankToNull(terms.description());
        this.locations = terms.locations().strip();
        this.region = blankToNull(terms.region());
        this.minAge = terms.minAge();
        this.maxAge = terms.maxAge();
        this.sexes = EnumSet.copyOf(terms.sexes()).stream().map(Enum::name).collect(Collectors.joining(","));
        this.custody = terms.custody();
        this.languages = String.join(",", new TreeSet<>(terms.languages()));
        this.places = terms.places();
    }

    void withdraw() {
        this.active = false;
    }

    private static boolean age(Integer age) {
        return age == null || (age >= 10 && age <= 120);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    ServiceOfferEntry entry() {
        return new ServiceOfferEntry(id, serviceType, description, locations, region, minAge, maxAge,
                Arrays.stream(sexes.split(",")).map(Sex::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Sex.class))),
                custody, Set.of(languages.split(",")), places, active, version);
    }

    public long version() {
        return version;
    }
}
