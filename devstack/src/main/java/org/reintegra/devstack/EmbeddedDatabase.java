package org.reintegra.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL 15 server from Maven Central's binaries, listening on 127.0.0.1 only, with its
 * data kept in a folder between starts. On start it makes sure of the two roles the portal needs:
 * the owner (runs migrations, owns the schema) and the application role (owns nothing, no
 * superuser, no BYPASSRLS).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());

    public static final String DATABASE = "reintegra";
    public static final String OWNER_ROLE = "reintegra_owner";
    public static final String APP_ROLE = "reintegra_app";

    private final EmbeddedPostgres postgres;
    private final DatabaseSettings settings;

    private EmbeddedDatabase(EmbeddedPostgres postgres, DatabaseSettings settings) {
        this.postgres = postgres;
        this.settings = settings;
    }

    /** Starts (or restarts on the kept data) and prepares roles and database. */
    public static EmbeddedDatabase start(Path dataDirectory, int port, String ownerPassword, String appPassword)
            throws IOException, SQLException {
        Files.createDirectories(dataDirectory.getParent());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .setServerConfig("timezone", "UTC")
                .setServerConfig("max_parallel_workers_per_gather", parallelWorkersPerGather())
                .setServerConfig("shared_buffers", sharedBuffers())
                .start();
        try {
            prepare(postgres, ownerPassword, appPassword);
        } catch (SQLException | RuntimeException e) {
            postgres.close();
            throw e;
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
        return new EmbeddedDatabase(postgres, new DatabaseSettings(url, OWNER_ROLE, ownerPassword, APP_ROLE, appPassword));
    }

    /**
     * The most parallel workers one statement may start, setting
     * {@code reintegra.postgres.parallel-workers-per-gather} (default 0: every statement on one
     * process; PostgreSQL's own default is 2). On the two-core machine a parallel plan of an agency's
     * inbox count took both cores for a few tenths of a second, and every request waited behind it.
     * At 500 users, with Payara's fixed heap, p95 / p99 were 228 / 507 and 197 / 462 ms with
     * PostgreSQL's default, 140 / 281 and 118 / 221 ms without parallel plans (ADR 0017). A larger
     * database server may allow some.
     */
    static String parallelWorkersPerGather() {
        String workers = StackConfig.value("reintegra.postgres.parallel-workers-per-gather", "0");
        try {
            if (Integer.parseInt(workers) >= 0) {
                return workers;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException("reintegra.postgres.parallel-workers-per-gather: a whole number of 0 or more, not "
                + workers);
    }

    /**
     * The server's page cache, setting {@code reintegra.postgres.shared-buffers} (default 128MB,
     * PostgreSQL's own), in PostgreSQL's units (kB, MB, GB), at least 128kB. With 1GB the liaison
     * dashboard's statements ran raw in 465 ms against 542–719; at 500 users the runs with either
     * size spread more between starts than they differed (ADR 0018).
     */
    static String sharedBuffers() {
        String size = StackConfig.value("reintegra.postgres.shared-buffers", "128MB").strip();
        Matcher amount = Pattern.compile("([1-9][0-9]{0,6})(kB|MB|GB)").matcher(size);
        if (!amount.matches() || (amount.group(2).equals("kB") && Integer.parseInt(amount.group(1)) < 128)) {
            throw new IllegalStateException("reintegra.postgres.shared-buffers: a size of at least 128kB such as 512MB or 1GB"
                    + " (kB, MB or GB), not " + size);
        }
        return size;
    }

    /** glibc's Unicode character classes without a language's collation (built into Debian's C library). */
    static final String UNICODE_CTYPE = "C.UTF-8";

    private static void prepare(EmbeddedPostgres postgres, String ownerPassword, String appPassword) throws SQLException {
        try (Connection admin = postgres.getPostgresDatabase().getConnection()) {
            ensureRole(admin, OWNER_ROLE, ownerPassword, "LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB");
            ensureRole(admin, APP_ROLE, appPassword, "LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB NOINHERIT");
            boolean exists;
            try (PreparedStatement query = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                query.setString(1, DATABASE);
                try (ResultSet rows = query.executeQuery()) {
                    exists = rows.next();
                }
            }
            if (!exists) {
                try (Statement statement = admin.createStatement()) {
                    // Sorting is by ICU collations named in the queries (LC_COLLATE C is only the byte-order default);
                    // character classes are Unicode's (C.UTF-8), so the trigram index sees Cyrillic and Georgian
                    // letters: under LC_CTYPE C they are not letters and a name search reads the whole table.
                    statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER_ROLE
                            + " ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE '" + UNICODE_CTYPE + "' TEMPLATE template0");
                    statement.execute("REVOKE ALL ON DATABASE " + DATABASE + " FROM PUBLIC");
                    statement.execute("GRANT CONNECT ON DATABASE " + DATABASE + " TO " + APP_ROLE);
                }
                LOG.info("Created database " + DATABASE);
            }
        }
        try (Connection admin = DriverManager.getConnection(postgres.getJdbcUrl("postgres", DATABASE));
             Statement statement = admin.createStatement()) {
            // the application role may use the schema but never create anything in it
            statement.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            // searches may use their statistics and the trigram index under row-level security (ADR 0010;
            // the portal's schema migration warns where this was not done)
            statement.execute("ALTER FUNCTION pg_catalog.textlike(text, text) LEAKPROOF");
        }
    }

    private static void ensureRole(Connection admin, String role, String password, String options) throws SQLException {
        boolean exists;
        try (PreparedStatement query = admin.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            query.setString(1, role);
            try (ResultSet rows = query.executeQuery()) {
                exists = rows.next();
            }
        }
        String literal = "'" + password.replace("'", "''") + "'";
        try (Statement statement = admin.createStatement()) {
            statement.execute((exists ? "ALTER ROLE " : "CREATE ROLE ") + role + " WITH " + options + " PASSWORD " + literal);
        }
    }

    public DatabaseSettings settings() {
        return settings;
    }

    /** A superuser connection URL, for tests that must look past both walls. */
    public String superuserJdbcUrl() {
        return postgres.getJdbcUrl("postgres", DATABASE);
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
