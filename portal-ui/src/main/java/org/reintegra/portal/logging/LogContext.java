package org.reintegra.portal.logging;

/** The request id and tenant of the request the current thread is serving, for log lines. */
public final class LogContext {

    private static final ThreadLocal<String> REQUEST_ID = new ThreadLocal<>();
    private static final ThreadLocal<String> TENANT = new ThreadLocal<>();

    private LogContext() {
    }

    static void enter(String requestId, String tenant) {
        REQUEST_ID.set(requestId);
        TENANT.set(tenant);
    }

    static void leave() {
        REQUEST_ID.remove();
        TENANT.remove();
    }

    public static String requestId() {
        return REQUEST_ID.get();
    }

    public static String tenant() {
        return TENANT.get();
    }
}
