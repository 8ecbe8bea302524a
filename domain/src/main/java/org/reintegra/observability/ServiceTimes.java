package org.reintegra.observability;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.reintegra.persistence.TransactionEnd;

/**
 * How long the portal's services take to answer, measured inside them: from the call's start to the
 * end of its transaction, so with the tenant setting, the queries, EclipseLink's objects, the audit
 * rows the call writes and the commit, but without the screen around it. A MicroProfile Metrics timer per operation
 * ({@value #NAME} with tag {@code operation}; Prometheus text at {@code /metrics?scope=application}).
 * The service-time benchmark reads these against the same SQL run raw (docs/benchmarks.md). No
 * operation name carries a tenant, a user or anything about a client.
 */
@ApplicationScoped
public class ServiceTimes {

    public static final String NAME = "reintegra_service_time";

    @Inject
    Instance<MetricRegistry> registry;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    /**
     * Records one call of {@code operation} that started at {@code startedNanos} ({@link System#nanoTime()}):
     * when its transaction ends, or now if it runs in none.
     */
    public void record(String operation, long startedNanos) {
        if (registry == null || !registry.isResolvable()) {
            return;
        }
        if (transactions != null && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            TransactionEnd.afterCompletion(transactions, status -> {
                if (status == Status.STATUS_COMMITTED) {
                    update(operation, startedNanos); // failed calls are not service times
                }
            });
        } else {
            update(operation, startedNanos);
        }
    }

    private void update(String operation, long startedNanos) {
        registry.get().timer(NAME, new Tag("operation", operation)).update(Duration.ofNanos(System.nanoTime() - startedNanos));
    }
}
