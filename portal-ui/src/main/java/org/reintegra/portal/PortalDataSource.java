package org.reintegra.portal;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's connection pool, connected as the application role (not the owner, not a
 * superuser, no BYPASSRLS). Every checkout runs the validation "query", which clears
 * {@code app.tenant_id}: a safety net under the transaction-local tenant setting.
 */
@DataSourceDefinition(
        name = "java:app/jdbc/reintegra",
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=reintegra.db.url}",
        user = "${MPCONFIG=reintegra.db.app-user}",
        password = "${MPCONFIG=reintegra.db.app-password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=table",
            "fish.payara.validation-table-name=(SELECT set_config('app.tenant_id','',false)) AS reset_tenant",
            "fish.payara.fail-all-connections=true",
            // every connection is the same role's: matching a pooled one to the caller's credentials
            // (on by default for a DataSourceDefinition) only queues request threads on a lock
            "fish.payara.match-connections=false"
        })
@ApplicationScoped
public class PortalDataSource {
}
