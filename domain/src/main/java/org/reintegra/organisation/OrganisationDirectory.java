package org.reintegra.organisation;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.reintegra.tenancy.TenancyProperties;
import org.reintegra.tenancy.TenantId;

/** Looks organisations up by id; any signed-in user may (the directory holds no personal data). */
@Stateless
@PermitAll
public class OrganisationDirectory {

    @PersistenceContext(unitName = TenancyProperties.PERSISTENCE_UNIT)
    private EntityManager entityManager;

    /** Every partner organisation, by name (a few hundred at most). */
    public List<OrganisationSummary> partners() {
        return entityManager.createQuery("SELECT o FROM Organisation o WHERE o.kind = :kind ORDER BY o.name", Organisation.class)
                .setParameter("kind", OrganisationKind.PARTNER).getResultList().stream()
                .map(o -> new OrganisationSummary(o.id(), o.kind(), o.name())).toList();
    }

    /** Every organisation (agencies and partners), for background jobs that visit each tenant in turn. */
    public List<OrganisationSummary> all() {
        return entityManager.createQuery("SELECT o FROM Organisation o ORDER BY o.id", Organisation.class)
                .getResultList().stream()
                .map(o -> new OrganisationSummary(o.id(), o.kind(), o.name())).toList();
    }

    public Optional<OrganisationSummary> find(TenantId id) {
        return Optional.ofNullable(entityManager.find(Organisation.class, id.value()))
                .map(o -> new OrganisationSummary(o.id(), o.kind(), o.name()));
    }
}
