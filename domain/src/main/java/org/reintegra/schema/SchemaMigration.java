package org.reintegra.schema;

import java.util.Map;
import java.util.Objects;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to date with the migrations in {@code db/migration}, connected as
 * the owner role. The application role is named so the migrations can grant it exactly what it
 * needs; it never owns anything.
 */
public final class SchemaMigration {

    private SchemaMigration() {
    }

    /** Settings of a migration run. */
    public record Settings(String jdbcUrl, String ownerUser, String ownerPassword, String applicationRole) {
        public Settings {
            Objects.requireNonNull(jdbcUrl, "jdbc url");
            Objects.requireNonNull(ownerUser, "owner user");
            Objects.requireNonNull(applicationRole, "application role");
            if (!applicationRole.matches("[a-z_][a-z0-9_]{0,62}")) {
                throw new IllegalArgumentException("Not a plain role name: " + applicationRole);
            }
        }
    }

    /** Applies pending migrations; returns how many were applied. */
    public static int migrate(Settings settings) {
        MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(settings.jdbcUrl(), settings.ownerUser(), settings.ownerPassword())
                .locations("classpath:db/migration")
                .placeholders(Map.of("app_role", settings.applicationRole()))
                .load()
                .migrate();
        return result.migrationsExecuted;
    }
}
