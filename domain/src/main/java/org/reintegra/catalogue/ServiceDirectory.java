package org.reintegra.catalogue;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import org.reintegra.access.Roles;
import org.reintegra.referral.ServiceType;
import org.reintegra.tenancy.TenancyProperties;
import org.reintegra.tenancy.TenantBound;

/**
 * The directory of every partner's active services: officers choose a partner from it for a
 * referral; anyone signed in for an organisation may export it as Open Referral HSDS JSON.
 */
@Stateless
@TenantBound
@RolesAllowed({Roles.AGENCY_OFFICER, Roles.AGENCY_LIAISON, Roles.PARTNER_STAFF, Roles.PARTNER_ADMIN,
        Roles.COLLEGE_REGISTRAR})
public class ServiceDirectory {

    @PersistenceContext(unitName = TenancyProperties.PERSISTENCE_UNIT)
    private EntityManager entityManager;

    /** Partners offering the service, by partner name. */
    public List<DirectoryEntry> offering(ServiceType service) {
        return query("AND p.serviceType = :service", service);
    }

    /** Every active service of every partner, by service and partner. */
    public List<DirectoryEntry> all() {
        return query("", null);
    }

    private List<DirectoryEntry> query(String condition, ServiceType service) {
        var query = entityManager.createQuery("SELECT p, o.name FROM PublishedService p, Organisation o"
                + " WHERE o.id = p.tenantId AND p.active = TRUE " + condition
                + " ORDER BY p.serviceType, o.name, p.id", Object[].class);
        if (service != null) {
            query.setParameter("service", service);
        }
        return query.setMaxResults(2000).getResultStream()
                .map(row -> ((PublishedService) row[0]).entry((String) row[1])).toList();
    }

    /**
     * The directory in Open Referral HSDS 3.0 form: organizations, each service with its
     * organization, eligibility, languages, capacity and locations.
     */
    public String hsdsJson() {
        List<DirectoryEntry> entries = all();
        JsonArrayBuilder organizations = Json.createArrayBuilder();
        entries.stream().map(e -> e.partner().value() + "|" + e.partnerName()).distinct().forEach(org -> {
            String[] parts = org.split("\\|", 2);
            organizations.add(Json.createObjectBuilder().add("id", parts[0]).add("name", parts[1]));
        });
        JsonArrayBuilder services = Json.createArrayBuilder();
        for (DirectoryEntry e : entries) {
            JsonObjectBuilder eligibility = Json.createObjectBuilder()
                    .add("id", "eligibility-" + e.serviceId())
                    .add("description", "sex: " + e.sexes().toLowerCase(Locale.ROOT) + "; custody: "
                            + e.custody().name().toLowerCase(Locale.ROOT));
            if (e.minAge() != null) {
                eligibility.add("minimum_age", e.minAge());
            }
            if (e.maxAge() != null) {
                eligibility.add("maximum_age", e.maxAge());
            }
            JsonArrayBuilder languages = Json.createArrayBuilder();
            for (String code : e.languages().split(",")) {
                languages.add(Json.createObjectBuilder().add("id", "language-" + e.serviceId() + "-" + code)
                        .add("code", code));
            }
            JsonObjectBuilder service = Json.createObjectBuilder()
                    .add("id", "service-" + e.serviceId())
                    .add("organization_id", e.partner().value())
                    .add("name", e.serviceType().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .add("status", "active")
                    .add("organization", Json.createObjectBuilder().add("id", e.partner().value()).add("name", e.partnerName()))
                    .add("eligibility", Json.createArrayBuilder().add(eligibility))
                    .add("languages", languages)
                    .add("service_at_locations", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("id", "sal-" + e.serviceId())
                            .add("location", Json.createObjectBuilder().add("id", "location-" + e.serviceId())
                                    .add("location_type", "physical").add("name", e.locations())
                                    .add("description", e.region() == null ? "" : e.region()))));
            if (e.description() != null) {
                service.add("description", e.description());
            }
            if (e.places() != null) {
                service.add("capacities", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("id", "capacity-" + e.serviceId()).add("available", e.places()).add("unit", Json.createObjectBuilder()
                                .add("id", "places").add("name", "places"))));
            }
            services.add(service);
        }
        StringWriter out = new StringWriter();
        Json.createWriter(out).write(Json.createObjectBuilder()
                .add("$schema", "https://openreferral.org/hsds/3.0")
                .add("organizations", organizations)
                .add("services", services).build());
        return out.toString();
    }
}
