package org.reintegra.tenancy;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * An explicit tenant for work that no signed-in user drives: start-up jobs such as demo data, and
 * background jobs acting on behalf of one tenant. It wins over the caller's tenant while the work
 * runs and is removed afterwards, also when the work fails.
 */
public final class TenantBinding {

    private static final ThreadLocal<TenantId> BOUND = new ThreadLocal<>();

    private TenantBinding() {
    }

    public static <T> T callAs(TenantId tenant, Callable<T> work) throws Exception {
        Objects.requireNonNull(tenant, "tenant");
        TenantId previous = BOUND.get();
        BOUND.set(tenant);
        try {
            return work.call();
        } finally {
            if (previous == null) {
                BOUND.remove();
            } else {
                BOUND.set(previous);
            }
        }
    }

    public static void runAs(TenantId tenant, Runnable work) {
        try {
            callAs(tenant, () -> {
                work.run();
                return null;
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Optional<TenantId> bound() {
        return Optional.ofNullable(BOUND.get());
    }
}
