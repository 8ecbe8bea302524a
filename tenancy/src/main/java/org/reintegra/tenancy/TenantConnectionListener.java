package org.reintegra.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.persistence.internal.databaseaccess.Accessor;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Wall 2's feed: whenever EclipseLink takes a JDBC connection, the tenant of the session that takes
 * it is written into the transaction-local PostgreSQL setting {@code app.tenant_id}. A session
 * without a tenant writes the empty string, which matches no row of any policy. PostgreSQL drops
 * the setting at commit or rollback; the pool's validation query also clears it on every checkout.
 *
 * <p>Registered with {@code eclipselink.session-event-listener} in persistence.xml.
 */
public class TenantConnectionListener extends SessionEventAdapter {

    /**
     * Only the tenant, for a transaction stamped with {@link TenantStamp#allowGenericPlans}: the
     * database's default plan choice, which reuses a generic plan when it costs no more.
     */
    static final String SET_TENANT_ONLY_SQL = "SELECT set_config('" + TenancyProperties.DATABASE_SETTING + "', ?, true)";

    /**
     * Sets the tenant, and asks for a plan made for this tenant's values on every statement of the
     * transaction: tenants differ by orders of magnitude (a national agency, a small NGO), and a
     * cached generic plan made for "some tenant" can be a thousand times slower for another one
     * (docs/adr/0009-custom-plans-per-tenant.md). Both settings end with the transaction.
     */
    static final String SET_TENANT_SQL = SET_TENANT_ONLY_SQL + ", set_config('plan_cache_mode', 'force_custom_plan', true)";

    private static final Logger LOG = Logger.getLogger(TenantConnectionListener.class.getName());

    @Override
    public void postAcquireConnection(SessionEvent event) {
        if (!(event.getResult() instanceof Accessor accessor)) {
            return;
        }
        Connection connection = accessor.getConnection();
        if (connection == null) {
            return;
        }
        String tenant = tenantOf(event.getSession());
        String sql = genericPlansAllowed(event.getSession()) ? SET_TENANT_ONLY_SQL : SET_TENANT_SQL;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, tenant);
            statement.execute();
        } catch (SQLException e) {
            LOG.log(Level.SEVERE, "Could not set the tenant on a database connection", e);
            throw new IllegalStateException("Could not set the tenant on a database connection", e);
        }
    }

    /** Whether the session's transaction was stamped with {@link TenantStamp#allowGenericPlans}. */
    static boolean genericPlansAllowed(Session session) {
        Object value = session == null ? null : session.getProperty(TenancyProperties.GENERIC_PLANS_PROPERTY);
        return value != null && Boolean.parseBoolean(value.toString());
    }

    /** The tenant stamped on the session, or "" (which no row matches). */
    static String tenantOf(Session session) {
        Object value = session == null ? null : session.getProperty(TenancyProperties.TENANT_PROPERTY);
        return value == null ? "" : value.toString();
    }
}
