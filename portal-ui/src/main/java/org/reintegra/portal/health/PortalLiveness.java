package org.reintegra.portal.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Live while the portal answers and its heap is not exhausted (above 95 % used after the last collection). */
@Liveness
@ApplicationScoped
public class PortalLiveness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        long max = runtime.maxMemory();
        long percent = max <= 0 ? 0 : used * 100 / max;
        return HealthCheckResponse.named("portal").status(percent < 95).withData("heapUsedPercent", percent).build();
    }
}
