package org.reintegra.onboarding;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.reintegra.access.InputRejected;
import org.reintegra.access.Roles;
import org.reintegra.organisation.Organisation;
import org.reintegra.tenancy.PlatformBound;
import org.reintegra.tenancy.TenancyProperties;

/**
 * The onboarding rows, each change in a transaction of its own (the identity provider's steps
 * happen between them, outside any transaction), in the platform scope.
 */
@Stateless
@PlatformBound
@RolesAllowed(Roles.PLATFORM_ADMIN)
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OnboardingRecords {

    @PersistenceContext(unitName = TenancyProperties.PERSISTENCE_UNIT)
    private EntityManager entityManager;

    private final Clock clock = Clock.systemUTC();

    /** Records a checked request; refuses a short name that a tenant or an open onboarding already has. */
    public long open(OnboardingRequest request, String requestedBy) {
        OnboardingRequest checked = TenantOnboarding.check(request);
        if (entityManager.find(Organisation.class, checked.alias()) != null || !entityManager.createQuery(
                        "SELECT o.id FROM TenantOnboarding o WHERE o.alias = :alias AND o.state <> :cancelled", Long.class)
                .setParameter("alias", checked.alias()).setParameter("cancelled", OnboardingState.CANCELLED)
                .getResultList().isEmpty()) {
            throw new InputRejected("alias", "onboarding.error.alias-taken");
        }
        TenantOnboarding onboarding = new TenantOnboarding(checked, requestedBy, clock.instant());
        entityManager.persist(onboarding);
        entityManager.flush();
        return onboarding.id();
    }

    /** A copy of the onboarding as it is now (detached). */
    public TenantOnboarding find(long id) {
        TenantOnboarding onboarding = entityManager.find(TenantOnboarding.class, id);
        if (onboarding == null) {
            throw new InputRejected("onboarding", "onboarding.error.not-found");
        }
        entityManager.detach(onboarding);
        return onboarding;
    }

    /** Applies a change to the onboarding under a row lock (one retry or cancel at a time). */
    public TenantOnboarding change(long id, Consumer<TenantOnboarding> change) {
        TenantOnboarding onboarding = entityManager.find(TenantOnboarding.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (onboarding == null) {
            throw new InputRejected("onboarding", "onboarding.error.not-found");
        }
        change.accept(onboarding);
        entityManager.flush();
        entityManager.detach(onboarding);
        return onboarding;
    }

    /** Writes the tenant's row and marks the step done, in one transaction. */
    public TenantOnboarding createTenant(long id) {
        TenantOnboarding onboarding = entityManager.find(TenantOnboarding.class, id, LockModeType.PESSIMISTIC_WRITE);
        entityManager.persist(new Organisation(onboarding.tenant(), onboarding.kind(), onboarding.category(),
                onboarding.name(), clock.instant()));
        onboarding.tenantCreated(clock.instant());
        entityManager.flush();
        entityManager.detach(onboarding);
        return onboarding;
    }

    public List<OnboardingSummary> list(int first, int max) {
        return entityManager.createQuery("SELECT o FROM TenantOnboarding o ORDER BY o.requestedAt DESC, o.id DESC",
                        TenantOnboarding.class)
                .setFirstResult(Math.max(0, first)).setMaxResults(Math.min(Math.max(1, max), 100))
                .getResultList().stream().map(TenantOnboarding::summary).toList();
    }

    public int count() {
        return entityManager.createQuery("SELECT COUNT(o) FROM TenantOnboarding o", Long.class).getSingleResult().intValue();
    }
}
