package org.reintegra.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.persistence.internal.databaseaccess.Accessor;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionEvent;
import org.junit.jupiter.api.Test;

class TenantConnectionListenerTest {

    @Test
    void noSessionHasTheEmptyTenant() {
        assertEquals("", TenantConnectionListener.tenantOf(null));
    }

    @Test
    void aSessionWithoutTheTenantPropertyHasTheEmptyTenant() {
        assertEquals("", TenantConnectionListener.tenantOf(session(Map.of("other", "npa"))));
    }

    @Test
    void aSessionStampedWithATenantHasThatTenant() {
        Session session = session(Map.of(TenancyProperties.TENANT_PROPERTY, "ngo-tbilisi"));

        assertEquals("ngo-tbilisi", TenantConnectionListener.tenantOf(session));
    }

    @Test
    void aNewConnectionGetsTheSessionsTenantAsTransactionLocalSetting() {
        JdbcLog log = new JdbcLog();

        new TenantConnectionListener().postAcquireConnection(
                acquired(session(Map.of(TenancyProperties.TENANT_PROPERTY, "npa")), log.connection()));

        assertEquals(List.of("prepare SELECT set_config('app.tenant_id', ?, true), set_config('plan_cache_mode', 'force_custom_plan', true)", "setString 1 npa", "execute",
                "close"), log.calls);
    }

    @Test
    void aTransactionStampedForGenericPlansSetsOnlyTheTenant() {
        JdbcLog log = new JdbcLog();

        new TenantConnectionListener().postAcquireConnection(acquired(session(Map.of(
                TenancyProperties.TENANT_PROPERTY, "npa", TenancyProperties.GENERIC_PLANS_PROPERTY, "true")),
                log.connection()));

        assertEquals(List.of("prepare SELECT set_config('app.tenant_id', ?, true)", "setString 1 npa", "execute",
                "close"), log.calls);
    }

    @Test
    void genericPlansAreAllowedOnlyWhenStampedTrue() {
        assertTrue(TenantConnectionListener.genericPlansAllowed(
                session(Map.of(TenancyProperties.GENERIC_PLANS_PROPERTY, "true"))));
        assertFalse(TenantConnectionListener.genericPlansAllowed(
                session(Map.of(TenancyProperties.GENERIC_PLANS_PROPERTY, "false"))));
        assertFalse(TenantConnectionListener.genericPlansAllowed(session(Map.of())));
        assertFalse(TenantConnectionListener.genericPlansAllowed(null));
    }

    @Test
    void aNewConnectionOfASessionWithoutTenantGetsTheEmptyTenant() {
        JdbcLog log = new JdbcLog();

        new TenantConnectionListener().postAcquireConnection(acquired(session(Map.of()), log.connection()));

        assertTrue(log.calls.contains("setString 1 "), log.calls.toString());
    }

    @Test
    void aConnectionThatCannotTakeTheTenantIsNotHandedOut() {
        JdbcLog log = new JdbcLog();
        log.failExecute = true;
        Logger listenerLog = Logger.getLogger(TenantConnectionListener.class.getName());
        Level level = listenerLog.getLevel();
        listenerLog.setLevel(Level.OFF); // the expected failure is logged as SEVERE
        try {
            IllegalStateException thrown = assertThrows(IllegalStateException.class,
                    () -> new TenantConnectionListener().postAcquireConnection(
                            acquired(session(Map.of(TenancyProperties.TENANT_PROPERTY, "npa")), log.connection())));

            assertInstanceOf(SQLException.class, thrown.getCause());
        } finally {
            listenerLog.setLevel(level);
        }
    }

    private static Session session(Map<String, Object> properties) {
        return proxy(Session.class, (method, args) -> {
            if (method.equals("getProperty")) {
                return properties.get((String) args[0]);
            }
            throw new UnsupportedOperationException(method);
        });
    }

    private static SessionEvent acquired(Session session, Connection connection) {
        SessionEvent event = new SessionEvent(SessionEvent.PostAcquireConnection, session);
        event.setResult(proxy(Accessor.class, (method, args) -> {
            if (method.equals("getConnection")) {
                return connection;
            }
            throw new UnsupportedOperationException(method);
        }));
        return event;
    }

    /** Records what the listener does with the JDBC connection. */
    private static final class JdbcLog {
        final List<String> calls = new ArrayList<>();
        boolean failExecute;

        Connection connection() {
            return proxy(Connection.class, (method, args) -> {
                if (method.equals("prepareStatement") && args.length == 1) {
                    calls.add("prepare " + args[0]);
                    return statement();
                }
                throw new UnsupportedOperationException(method);
            });
        }

        private PreparedStatement statement() {
            return proxy(PreparedStatement.class, (method, args) -> {
                switch (method) {
                    case "setString" -> calls.add("setString " + args[0] + " " + args[1]);
                    case "execute" -> {
                        if (args == null || args.length == 0) {
                            calls.add("execute");
                            if (failExecute) {
                                throw new SQLException("permission denied for function set_config");
                            }
                            return true;
                        }
                        throw new UnsupportedOperationException("execute(sql)");
                    }
                    case "close" -> calls.add("close");
                    default -> throw new UnsupportedOperationException(method);
                }
                return null;
            });
        }
    }

    private interface Handler {
        Object handle(String method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Handler handler) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> handler.handle(method.getName(), args));
    }
}
