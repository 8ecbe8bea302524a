package org.reintegra.portal.startup;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.reintegra.demo.DemoData;
import org.reintegra.schema.SchemaMigration;

/** Migrates the schema (as the owner role) and, when configured, loads the demo data. */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class PortalStartup {

    private static final Logger LOG = Logger.getLogger(PortalStartup.class.getName());

    @Inject
    @ConfigProperty(name = "reintegra.db.url")
    String jdbcUrl;

    @Inject
    @ConfigProperty(name = "reintegra.db.owner-user")
    String ownerUser;

    @Inject
    @ConfigProperty(name = "reintegra.db.owner-password")
    String ownerPassword;

    @Inject
    @ConfigProperty(name = "reintegra.db.app-user")
    String applicationRole;

    @Inject
    @ConfigProperty(name = "reintegra.demo-data", defaultValue = "false")
    boolean demoData;

    @EJB
    DemoData demo;

    @PostConstruct
    void start() {
        long started = System.nanoTime();
        int applied = SchemaMigration.migrate(
                new SchemaMigration.Settings(jdbcUrl, ownerUser, ownerPassword, applicationRole));
        LOG.info(() -> "Schema up to date (" + applied + " migrations applied) in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
        if (demoData && demo.loadIfEmpty()) {
            LOG.info("Demo tenants, users' organisations and referrals loaded");
        }
    }
}
