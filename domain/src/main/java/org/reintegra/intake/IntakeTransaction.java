package org.reintegra.intake;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.function.Supplier;
import org.reintegra.access.Roles;
import org.reintegra.tenancy.TenancyProperties;
import org.reintegra.tenancy.TenantBound;
import org.reintegra.tenancy.TenantStamp;

/**
 * Runs one API call's work in one transaction for the caller's tenant. The intake's statements
 * look rows up by key (an idempotency key, a case number, a referral's id) and insert or update
 * single rows, so the transaction may reuse PostgreSQL's generic plans
 * ({@link TenantStamp#allowGenericPlans}, docs/adr/0009-custom-plans-per-tenant.md).
 */
@Stateless
@RolesAllowed(Roles.AGENCY_OFFICER)
@TenantBound
public class IntakeTransaction {

    @PersistenceContext(unitName = TenancyProperties.PERSISTENCE_UNIT)
    private EntityManager entityManager;

    /**
     * A transaction of its own, always: the stamp must come before the transaction's first
     * statement, and must not reach a caller's transaction that lists or counts rows.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public <T> T run(Supplier<T> work) {
        TenantStamp.allowGenericPlans(entityManager);
        return work.get();
    }

    /**
     * Within {@link #run}: writes what the call did so far and lets go of the entities it holds. A
     * batch calls this after each item, else every flush (at each item's look-ups and writes)
     * would compare all earlier items' entities again: a batch of 50 spent a fifth of its time so.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void writeAndForget() {
        entityManager.flush();
        entityManager.clear();
    }
}
