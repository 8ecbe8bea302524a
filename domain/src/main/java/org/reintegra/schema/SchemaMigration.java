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

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(SchemaMigration.class.getName());

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
        warnWhenSearchCannotUseItsIndex(settings);
        return result.migrationsExecuted;
    }

    /**
     * The statement that provisioning runs as a superuser (ADR 0010): without it, row-level security
     * keeps the planner from the search columns' statistics and from the trigram index, and a
     * search's first page reads the whole table.
     */
    public static final String LIKE_LEAKPROOF_SQL = "ALTER FUNCTION pg_catalog.textlike(text, text) LEAKPROOF";

    /** Whether {@code LIKE} is marked leakproof in this database (see {@link #LIKE_LEAKPROOF_SQL}). */
    public static boolean likeIsLeakproof(java.sql.Connection connection) throws java.sql.SQLException {
        try (java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet row = statement.executeQuery(
                     "SELECT proleakproof FROM pg_proc WHERE oid = 'pg_catalog.textlike(text, text)'::regprocedure")) {
            return row.next() && row.getBoolean(1);
        }
    }

    /**
     * Whether the trigram index sees non-Latin letters: under LC_CTYPE C, Cyrillic and Georgian are
     * not letters to pg_trgm, a name in them has no trigrams, and the index returns every row.
     */
    public static boolean trigramsSeeEveryScript(java.sql.Connection connection) throws java.sql.SQLException {
        try (java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet row = statement.executeQuery(
                     "SELECT cardinality(show_trgm('омар')) > 0 AND cardinality(show_trgm('ჯაფარიძე')) > 0")) {
            return row.next() && row.getBoolean(1);
        }
    }

    private static void warnWhenSearchCannotUseItsIndex(Settings settings) {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(settings.jdbcUrl(),
                settings.ownerUser(), settings.ownerPassword())) {
            if (!trigramsSeeEveryScript(connection)) {
                LOG.warning("This database classifies characters as LC_CTYPE C: the trigram index cannot serve searches"
                        + " for Cyrillic or Georgian names, which then read whole tables. Create the database with"
                        + " LC_CTYPE 'C.UTF-8' (ADR 0010)");
            }
            if (!likeIsLeakproof(connection)) {
                LOG.warning("LIKE is not marked leakproof in this database, so searches cannot use their statistics"
                        + " or the trigram index under row-level security and read whole tables. A superuser runs once: "
                        + LIKE_LEAKPROOF_SQL + " (ADR 0010)");
            }
        } catch (java.sql.SQLException unreadable) {
            LOG.log(java.util.logging.Level.WARNING, "Could not check whether LIKE is leakproof", unreadable);
        }
    }
}
