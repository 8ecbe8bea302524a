package org.reintegra.catalogue;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.reintegra.access.Roles;
import org.reintegra.referral.ReferralChangedMeanwhile;
import org.reintegra.referral.ReferralNotFound;
import org.reintegra.tenancy.TenancyProperties;
import org.reintegra.tenancy.TenantBound;

/** A partner admin publishes, changes and withdraws the organisation's own catalogue entries. */
@Stateless
@TenantBound
@RolesAllowed(Roles.PARTNER_ADMIN)
public class ServiceCatalogue {

    @PersistenceContext(unitName = TenancyProperties.PERSISTENCE_UNIT)
    private EntityManager entityManager;

    public List<ServiceOfferEntry> ourServices() {
        return entityManager.createQuery("SELECT s FROM ServiceOffer s ORDER BY s.serviceType, s.id", ServiceOffer.class)
                .setMaxResults(500).getResultStream().map(ServiceOffer::entry).toList();
    }

    public ServiceOfferEntry publish(ServiceOfferTerms terms) {
        ServiceOffer offer = new ServiceOffer(terms);
        entityManager.persist(offer);
        entityManager.flush();
        return offer.entry();
    }

    public ServiceOfferEntry change(long id, long expectedVersion, ServiceOfferTerms terms) {
        ServiceOffer offer = current(id, expectedVersion);
        offer.take(terms);
        return flushed(offer);
    }

    public ServiceOfferEntry withdraw(long id, long expectedVersion) {
        ServiceOffer offer = current(id, expectedVersion);
        offer.withdraw();
        return flushed(offer);
    }

    private ServiceOffer current(long id, long expectedVersion) {
        ServiceOffer offer = entityManager.find(ServiceOffer.class, id);
        if (offer == null) {
            throw new ReferralNotFound();
        }
        if (offer.version() != expectedVersion) {
            throw new ReferralChangedMeanwhile();
        }
        return offer;
    }

    private ServiceOfferEntry flushed(ServiceOffer offer) {
        try {
            entityManager.flush();
        } catch (OptimisticLockException changedMeanwhile) {
            throw new ReferralChangedMeanwhile();
        }
        return offer.entry();
    }
}
