package org.reintegra.tenancy;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Stamps the transaction-scoped entity manager with the current tenant. Runs inside the
 * container's transaction (after it begins), so the stamp lives exactly as long as the
 * transaction; {@link TenantConnectionListener} copies it into the database session. A
 * transaction serves one tenant only: a call for another tenant inside it is refused.
 */
@TenantBound
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class TenantBoundInterceptor {

    @PersistenceContext(unitName = TenancyProperties.PERSISTENCE_UNIT)
    EntityManager entityManager;

    @Inject
    CurrentTenant currentTenant;

    @AroundInvoke
    public Object bindTenant(InvocationContext invocation) throws Exception {
        TenantId tenant = currentTenant.require();
        Object stamped = entityManager.getProperties().get(TenancyProperties.TENANT_PROPERTY);
        if (stamped != null && !tenant.value().equals(stamped)) {
            // the database setting was written when the transaction took its connection
            throw new IllegalStateException("One tenant per transaction: this one runs for " + stamped
                    + ", not " + tenant);
        }
        TenantStamp.apply(entityManager, tenant);
        return invocation.proceed();
    }
}
