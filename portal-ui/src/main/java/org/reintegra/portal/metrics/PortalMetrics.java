package org.reintegra.portal.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The portal's application metrics (Prometheus text at {@code /metrics}, scope "application"). No
 * metric carries a tenant, a user or anything about a client. Where the server runs without the
 * metrics service, counting does nothing.
 */
@ApplicationScoped
public class PortalMetrics {

    public static final String EXPORTS = "reintegra_performance_exports_total";
    public static final String EXPORT_FAILURES = "reintegra_performance_export_failures_total";
    public static final String EXPORT_TIME = "reintegra_performance_export_seconds";
    public static final String SIGN_IN_UNAVAILABLE = "reintegra_sign_in_unavailable_total";
    public static final String SESSIONS_KEPT = "reintegra_sessions_kept_while_keycloak_down_total";
    public static final String API_TOKENS_REFUSED = "reintegra_api_tokens_refused_total";

    @Inject
    Instance<MetricRegistry> registry;

    public void count(String name, Tag... tags) {
        if (registry.isResolvable()) {
            registry.get().counter(name, tags).inc();
        }
    }

    public void time(String name, Duration took, Tag... tags) {
        if (registry.isResolvable()) {
            registry.get().timer(name, tags).update(took);
        }
    }
}
