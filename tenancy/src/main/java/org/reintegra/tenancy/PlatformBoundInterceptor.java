package org.reintegra.tenancy;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Stamps the transaction's entity manager with the platform scope. A transaction that already runs
 * for a tenant is refused, as {@link TenantBoundInterceptor} refuses the platform scope: one scope per
 * transaction.
 */
@PlatformBound
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class PlatformBoundInterceptor {

    @PersistenceContext(unitName = TenancyProperties.PERSISTENCE_UNIT)
    EntityManager entityManager;

    @AroundInvoke
    public Object bindPlatform(InvocationContext invocation) throws Exception {
        Object stamped = entityManager.getProperties().get(TenancyProperties.TENANT_PROPERTY);
        if (stamped != null && !TenancyProperties.PLATFORM_SCOPE.equals(stamped)) {
            throw new IllegalStateException("One scope per transaction: this one runs for " + stamped + ", not the platform");
        }
        TenantStamp.applyPlatform(entityManager);
        return invocation.proceed();
    }
}
