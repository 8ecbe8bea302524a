package org.reintegra.organisation;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.reintegra.tenancy.TenancyProperties;
import org.reintegra.tenancy.TenantId;

/** Looks organisations up by id; any signed-in user may (the directory holds no personal data). */
@Stateless
@PermitAll
public class OrganisationDirectory {

    @PersistenceContext(unitName = TenancyProperties.PERSISTENCE_UNIT)
    private EntityManager entityManager;

    public Optional<OrganisationSummary> find(TenantId id) {
        return Optional.ofNullable(entityManager.find(Organisation.class, id.value()))
                .map(o -> new OrganisationSummary(o.id(), o.kind(), o.name()));
    }
}
