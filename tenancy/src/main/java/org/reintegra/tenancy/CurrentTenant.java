package org.reintegra.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The tenant the current unit of work runs for: an explicit {@link TenantBinding} if there is one,
 * otherwise the signed-in caller's organisation.
 */
@ApplicationScoped
public class CurrentTenant {

    private Instance<CallerTenantSource> callerSources;

    protected CurrentTenant() {
        // for CDI proxies
    }

    @Inject
    public CurrentTenant(Instance<CallerTenantSource> callerSources) {
        this.callerSources = callerSources;
    }

    public Optional<TenantId> get() {
        Optional<TenantId> bound = TenantBinding.bound();
        if (bound.isPresent()) {
            return bound;
        }
        if (!callerSources.isResolvable()) {
            return Optional.empty();
        }
        return callerSources.get().callerTenant();
    }

    /** The current tenant; refuses to go on without one (default deny). */
    public TenantId require() {
        return get().orElseThrow(NoTenantException::new);
    }
}
