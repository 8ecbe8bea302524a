package org.reintegra.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reintegra.devstack.DatabaseSettings;
import org.reintegra.schema.SchemaMigration;

/**
 * Guards the database wall for every table, present and future: a table with a tenant column has
 * forced row-level security, every unique key on it includes a tenant column, and the application
 * role owns nothing and cannot bypass row-level security.
 */
class SchemaSafetyIT {

    private static final String TENANT_TABLES = """
            SELECT DISTINCT c.relname
              FROM pg_class c
              JOIN pg_namespace n ON n.oid = c.relnamespace
              JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
             WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
               AND (a.attname = 'tenant_id' OR a.attname LIKE '%\\_tenant\\_id')
             ORDER BY 1
            """;

    @BeforeAll
    static void migrate() {
        DatabaseSettings database = TestStack.get().database();
        SchemaMigration.migrate(new SchemaMigration.Settings(database.jdbcUrl(), database.ownerUser(),
                database.ownerPassword(), database.appUser()));
    }

    private static Connection superuser() throws SQLException {
        return DriverManager.getConnection(TestStack.get().superuserJdbcUrl());
    }

    private static List<String> strings(Connection connection, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    @Test
    void theSchemaHasTenantTables() throws SQLException {
        try (Connection connection = superuser()) {
            List<String> tables = strings(connection, TENANT_TABLES);
            assertTrue(tables.containsAll(List.of("audit_event", "client", "referral", "referral_status_change")), tables::toString);
        }
    }

    @Test
    void everyTableWithATenantColumnForcesRowLevelSecurity() throws SQLException {
        try (Connection connection = superuser()) {
            List<String> unprotected = strings(connection, """
                    SELECT c.relname FROM pg_class c
                     WHERE c.relname IN (%s) AND NOT (c.relrowsecurity AND c.relforcerowsecurity)
                    """.formatted("SELECT relname FROM (" + TENANT_TABLES + ") t"));
            assertEquals(List.of(), unprotected, "tables without ENABLE + FORCE ROW LEVEL SECURITY");
            List<String> withoutPolicy = strings(connection, """
                    SELECT t.relname FROM (%s) t
                     WHERE NOT EXISTS (SELECT 1 FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid
                                        WHERE c.relname = t.relname)
                    """.formatted(TENANT_TABLES));
            assertEquals(List.of(), withoutPolicy, "tenant tables without a policy");
        }
    }

    /**
     * Every policy reads the tenant setting through a sub-select, which PostgreSQL computes once per
     * statement, never as a bare {@code current_setting(...)} call it repeats for every row it filters
     * (V18, ADR 0019). The count of calls must equal the count of sub-selects around them, policy by
     * policy, so a later migration that writes the bare form fails here.
     */
    @Test
    void everyPolicyReadsTheTenantSettingOncePerStatement() throws SQLException {
        try (Connection connection = superuser()) {
            List<String> perRow = strings(connection, """
                    SELECT tablename || '.' || policyname FROM (
                        SELECT tablename, policyname, coalesce(qual, '') || ' ' || coalesce(with_check, '') AS text
                          FROM pg_policies WHERE schemaname = 'public') p
                     WHERE (SELECT count(*) FROM regexp_matches(p.text, 'current_setting\\(', 'g'))
                        <> (SELECT count(*) FROM regexp_matches(p.text, '\\(\\s*SELECT current_setting\\(''app\\.tenant_id''::text, true\\)( AS \\w+)?\\)', 'g'))
                     ORDER BY 1
                    """);
            assertEquals(List.of(), perRow, "policies that call current_setting for every row");
            List<String> readingTheSetting = strings(connection,
                    "SELECT policyname FROM pg_policies WHERE schemaname = 'public' AND coalesce(qual, '') || coalesce(with_check, '') LIKE '%current_setting(%'");
            assertTrue(readingTheSetting.size() > 40, () -> "policies found reading the tenant setting: " + readingTheSetting);
        }
    }

    /**
     * Client names sort by each portal language's own alphabet (ICU collations, as
     * {@code NameCollation} names them): Kazakh ә after а, Kyrgyz ң after н, Georgian by the
     * Georgian alphabet, where a plain byte order would put the extra letters after я.
     */
    @Test
    void namesSortByTheAlphabetOfTheReadersLanguage() throws SQLException {
        try (Connection connection = superuser()) {
            assertEquals(List.of("Ахметов", "Әлиев", "Бекова"), strings(connection,
                    "SELECT n FROM (VALUES ('Бекова'), ('Әлиев'), ('Ахметов')) v(n) ORDER BY n COLLATE \"" + org.reintegra.persistence.NameCollation.of(java.util.Locale.forLanguageTag("kk")) + "\""));
            assertEquals(List.of("Нурланов", "Ңаев", "Омуров"), strings(connection,
                    "SELECT n FROM (VALUES ('Омуров'), ('Ңаев'), ('Нурланов')) v(n) ORDER BY n COLLATE \"" + org.reintegra.persistence.NameCollation.of(java.util.Locale.forLanguageTag("ky")) + "\""));
            assertEquals(List.of("ბერიძე", "გელაშვილი", "ჯაფარიძე"), strings(connection,
                    "SELECT n FROM (VALUES ('ჯაფარიძე'), ('ბერიძე'), ('გელაშვილი')) v(n) ORDER BY n COLLATE \"" + org.reintegra.persistence.NameCollation.of(java.util.Locale.forLanguageTag("ka")) + "\""));
            assertEquals(List.of("Ahmed", "Éva", "Zurab"), strings(connection,
                    "SELECT n FROM (VALUES ('Zurab'), ('Éva'), ('Ahmed')) v(n) ORDER BY n COLLATE \"" + org.reintegra.persistence.NameCollation.of(java.util.Locale.ENGLISH) + "\""));
            assertEquals(List.of("Ахметов", "Бекова", "Әлиев"), strings(connection,
                    "SELECT n FROM (VALUES ('Бекова'), ('Әлиев'), ('Ахметов')) v(n) ORDER BY n COLLATE \"C\""),
                    "byte order, for contrast");
        }
    }

    @Test
    void everyUniqueKeyOnATenantTableIncludesATenantColumn() throws SQLException {
        try (Connection connection = superuser()) {
            List<String> unsafe = strings(connection, """
                    SELECT i.relname FROM pg_index x
                      JOIN pg_class i ON i.oid = x.indexrelid
                      JOIN pg_class t ON t.oid = x.indrelid
                     WHERE x.indisunique
                       AND t.relname IN (SELECT relname FROM (%s) tt)
                       AND NOT EXISTS (SELECT 1 FROM pg_attribute a
                                        WHERE a.attrelid = t.oid AND a.attnum = ANY (x.indkey)
                                          AND (a.attname = 'tenant_id' OR a.attname LIKE '%%\\_tenant\\_id'))
                    """.formatted(TENANT_TABLES));
            assertEquals(List.of(), unsafe, "unique keys that would let one tenant probe another's values");
        }
    }

    @Test
    void theApplicationRoleOwnsNothingAndCannotBypassRowLevelSecurity() throws SQLException {
        String appRole = TestStack.get().database().appUser();
        try (Connection connection = superuser()) {
            List<String> attributes = strings(connection, """
                    SELECT rolsuper::text || ',' || rolbypassrls::text || ',' || rolcreaterole::text || ',' || rolcreatedb::text
                      FROM pg_roles WHERE rolname = ?""", appRole);
            assertEquals(List.of("false,false,false,false"), attributes, "superuser, bypassrls, createrole, createdb");
            List<String> owned = strings(connection, """
                    SELECT c.relname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = ?
                    UNION ALL SELECT n.nspname FROM pg_namespace n JOIN pg_roles r ON r.oid = n.nspowner WHERE r.rolname = ?
                    UNION ALL SELECT p.proname FROM pg_proc p JOIN pg_roles r ON r.oid = p.proowner WHERE r.rolname = ?
                    UNION ALL SELECT d.datname FROM pg_database d JOIN pg_roles r ON r.oid = d.datdba WHERE r.rolname = ?
                    """, appRole, appRole, appRole, appRole);
            assertEquals(List.of(), owned, "objects owned by the application role");
            List<String> dangerous = strings(connection, """
                    SELECT table_name || ':' || privilege_type FROM information_schema.role_table_grants
                     WHERE grantee = ? AND privilege_type IN ('DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER')""", appRole);
            assertEquals(List.of(), dangerous, "privileges the application role must not have");
            List<String> appendOnly = strings(connection, """
                    SELECT table_name || ':' || privilege_type FROM information_schema.role_table_grants
                     WHERE grantee = ? AND table_name IN ('audit_event', 'referral_status_change', 'referral_note', 'organisation')
                       AND privilege_type NOT IN ('SELECT', 'INSERT')""", appRole);
            assertEquals(List.of(), appendOnly, "the audit trail, history and directory are append-only for the application");
            List<String> memberships = strings(connection, """
                    SELECT g.rolname FROM pg_auth_members m JOIN pg_roles u ON u.oid = m.member
                      JOIN pg_roles g ON g.oid = m.roleid WHERE u.rolname = ?""", appRole);
            assertEquals(List.of(), memberships, "the application role inherits nobody's rights");
        }
    }

    /**
     * What searches need under row-level security (ADR 0010): LIKE is leakproof in this database,
     * so the planner may read the search column's statistics and use the trigram index before the
     * policy, and its character classes are Unicode's, so Cyrillic and Georgian names have trigrams.
     * (Which plan the planner then picks depends on the data: docs/benchmarks.md has the plans on
     * the national data set; the demo data is too small to show them.)
     */
    @Test
    void searchesCanUseStatisticsAndTheTrigramIndexInEveryScript() throws SQLException {
        DatabaseSettings database = TestStack.get().database();
        try (Connection owner = DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(), database.ownerPassword())) {
            assertTrue(org.reintegra.schema.SchemaMigration.likeIsLeakproof(owner), "LIKE is leakproof");
            assertTrue(org.reintegra.schema.SchemaMigration.trigramsSeeEveryScript(owner),
                    "Cyrillic and Georgian names have trigrams (LC_CTYPE C.UTF-8)");
        }
    }

    /**
     * The onboarding table belongs to the platform operator: the application role sees and writes its
     * rows only in the platform scope ('_platform', never a tenant id), and a tenant sees none of them
     * and cannot write one.
     */
    @Test
    void onboardingRowsAreOnlyReachableInThePlatformScope() throws SQLException {
        DatabaseSettings database = TestStack.get().database();
        try (Connection app = DriverManager.getConnection(database.jdbcUrl(), database.appUser(), database.appPassword())) {
            app.setAutoCommit(false);
            try {
                scope(app, "_platform");
                try (PreparedStatement insert = app.prepareStatement("""
                        INSERT INTO tenant_onboarding (id, alias, kind, category, name, admin_username, admin_given_name,
                            admin_family_name, admin_email, admin_language, state, requested_by, requested_at, updated_at, version)
                        VALUES (nextval('tenant_onboarding_id_seq'), 'it-scope-check', 'PARTNER', 'NGO', 'Scope check', 'it.scope',
                            'It', 'Scope', 'scope@example.org', 'en', 'FAILED', 'it', now(), now(), 1)""")) {
                    assertEquals(1, insert.executeUpdate());
                }
                assertEquals(List.of("it-scope-check"), strings(app, "SELECT alias FROM tenant_onboarding WHERE alias = 'it-scope-check'"));
                scope(app, "justice-art-ngo");
                assertEquals(List.of(), strings(app, "SELECT alias FROM tenant_onboarding"), "a tenant sees no onboarding");
                assertEquals(0, app.createStatement().executeUpdate("UPDATE tenant_onboarding SET name = 'x'"));
                SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, () -> {
                    try (PreparedStatement insert = app.prepareStatement("""
                            INSERT INTO tenant_onboarding (id, alias, kind, category, name, admin_username, admin_given_name,
                                admin_family_name, admin_email, admin_language, state, requested_by, requested_at, updated_at, version)
                            VALUES (nextval('tenant_onboarding_id_seq'), 'it-tenant-write', 'PARTNER', 'NGO', 'x', 'it.x', 'x', 'x',
                                'x@example.org', 'en', 'FAILED', 'it', now(), now(), 1)""")) {
                        insert.executeUpdate();
                    }
                });
                assertTrue(refused.getMessage().contains("row-level security"), refused.getMessage());
            } finally {
                app.rollback();
            }
        }
    }

    /**
     * An audit row about an agency's referral written by another tenant is shared with that agency
     * (schema V19): the database sets the column from the referral as the writer sees it, whatever
     * the writer sends; the agency reads the row, any other agency does not. A row about a referral
     * the writer cannot see, or written by the agency itself, is shared with nobody.
     */
    @Test
    void auditRowsAreSharedWithTheReferralsAgencyByTheDatabaseAlone() throws SQLException {
        String appRole = TestStack.get().database().appUser();
        try (Connection db = superuser()) {
            db.setAutoCommit(false);
            try {
                db.createStatement().execute("""
                        INSERT INTO organisation (id, kind, name, created_at, version, category) VALUES
                            ('it-share-agency', 'AGENCY', 'Share agency', now(), 1, 'AGENCY'),
                            ('it-share-other', 'AGENCY', 'Other agency', now(), 1, 'AGENCY'),
                            ('it-share-partner', 'PARTNER', 'Share partner', now(), 1, 'NGO');
                        INSERT INTO client (tenant_id, id, reference, given_name, family_name, date_of_birth, sex,
                                            created_at, version, search_key)
                            VALUES ('it-share-agency', -901, 'IT-SHARE-C', 'Ana', 'Share', '1990-01-01', 'F', now(), 1, 'ana share');
                        INSERT INTO referral (agency_tenant_id, partner_tenant_id, id, reference, client_id, client_given_name,
                                              client_family_name, client_date_of_birth, client_sex, programme_area, service_type,
                                              sending_officer, status, created_at, sent_at, status_changed_at, changed_at,
                                              version, search_key)
                            VALUES ('it-share-agency', 'it-share-partner', -901, 'IT-SHARE-1', -901, 'Ana', 'Share',
                                    '1990-01-01', 'F', 'LEGAL', 'LEGAL_AID', 'it', 'SENT', now(), now(), now(), now(), 1,
                                    'ana share it-share-1'),
                                   ('it-share-agency', 'it-share-partner', -902, 'IT-SHARE-2', -901, 'Ana', 'Share',
                                    '1990-01-01', 'F', 'LEGAL', 'LEGAL_AID', 'it', 'DRAFT', now(), NULL, now(), now(), 1,
                                    'ana share it-share-2')""");
                db.createStatement().execute("SET LOCAL ROLE " + appRole);
                scope(db, "it-share-partner");
                String insert = """
                        INSERT INTO audit_event (tenant_id, id, occurred_at, actor, action, referral_id, client_id, fields,
                                                 purpose, shared_with_agency)
                            VALUES (current_setting('app.tenant_id'), nextval('audit_event_id_seq'), now(), ?, 'READ', ?, -901,
                                    'it', 'it', 'it-share-other')""";
                auditRow(db, insert, "it.sent", -901L);     // sent to the partner: shared with its agency
                auditRow(db, insert, "it.draft", -902L);    // a draft the partner cannot see: shared with nobody
                auditRow(db, insert, "it.none", null);      // about no referral
                scope(db, "it-share-agency");
                auditRow(db, insert, "it.own", -901L);      // the agency's own row
                db.createStatement().execute("RESET ROLE");
                assertEquals(List.of("it.draft:-", "it.none:-", "it.own:-", "it.sent:it-share-agency"), strings(db, """
                        SELECT actor || ':' || coalesce(shared_with_agency, '-') FROM audit_event
                         WHERE purpose = 'it' AND actor LIKE 'it.%' ORDER BY actor"""),
                        "the database names the referral's agency, never what the writer sent");

                db.createStatement().execute("SET LOCAL ROLE " + appRole);
                String read = "SELECT actor FROM audit_event WHERE purpose = 'it' AND actor LIKE 'it.%' ORDER BY actor";
                scope(db, "it-share-agency");
                assertEquals(List.of("it.own", "it.sent"), strings(db, read), "the agency reads its own row and the shared one");
                scope(db, "it-share-other");
                assertEquals(List.of(), strings(db, read), "another agency reads none, though the writer named it");
                scope(db, "it-share-partner");
                assertEquals(List.of("it.draft", "it.none", "it.sent"), strings(db, read), "the partner reads its own rows");

                // the audit viewer's two ways of reading a client filter (AuditTrailSql: from the matches, or
                // walking the trail) find the same entries: the agency's own row (its referral and its client
                // match, shown once) and the partner's row shared with it
                scope(db, "it-share-agency");
                auditRow(db, insert, "it.client", null); // about the client alone: matches by client only
                db.createStatement().executeUpdate("INSERT INTO audit_event (tenant_id, id, occurred_at, actor, action, fields,"
                        + " purpose) VALUES ('it-share-agency', nextval('audit_event_id_seq'), now(), 'it.other', 'READ', 'it', 'it')");
                for (boolean rare : List.of(true, false)) {
                    assertEquals(List.of("it.client", "it.own", "it.sent", "count 3"),
                            viewerTrail(db, "it-share-agency", true, rare, "share"), "agency, rare " + rare);
                    assertEquals(List.of("count 0"), viewerTrail(db, "it-share-agency", true, rare, "nobody"), "rare " + rare);
                }
                // the partner: its row about the sent referral; not the draft's (it cannot see the draft),
                // nor the one about the agency's client alone (the client is the agency's)
                scope(db, "it-share-partner");
                for (boolean rare : List.of(true, false)) {
                    assertEquals(List.of("it.sent", "count 1"), viewerTrail(db, "it-share-partner", false, rare, "share"),
                            "partner, rare " + rare);
                }

                // without the trigger (the data generator, an operator), the schema still refuses a row
                // shared with its own writer, which the agency's viewer would show twice
                db.createStatement().execute("RESET ROLE");
                db.createStatement().execute("SET LOCAL session_replication_role = replica");
                SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, () ->
                        db.createStatement().executeUpdate("INSERT INTO audit_event (tenant_id, id, occurred_at, actor,"
                                + " action, referral_id, fields, purpose, shared_with_agency) VALUES ('it-share-agency',"
                                + " nextval('audit_event_id_seq'), now(), 'it.self', 'READ', -901, 'it', 'it', 'it-share-agency')"));
                assertTrue(refused.getMessage().contains("audit_event_not_shared_with_its_writer"), refused.getMessage());
            } finally {
                db.rollback();
            }
        }
    }

    /** The actors of a tenant's first page in the audit viewer (sorted: the rows share one moment), and its count. */
    private static List<String> viewerTrail(Connection db, String tenant, boolean agency, boolean rare, String client)
            throws SQLException {
        org.reintegra.audit.AuditTrailSql.Parts parts = org.reintegra.audit.AuditTrailSql.parts(agency, 1,
                "a.occurred_at >= ?2 AND a.occurred_at < ?3", 4, rare);
        Object[] values = {tenant, java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(7 * 86_400)),
                java.sql.Timestamp.from(java.time.Instant.now().plusSeconds(86_400)),
                org.reintegra.persistence.LikePattern.containing(client)};
        List<String> actors = new ArrayList<>();
        for (String row : numbered(db, org.reintegra.audit.AuditTrailSql.pageSql(parts, 0, 50), values, 3)) {
            if (row.startsWith("it.")) {
                actors.add(row);
            }
        }
        java.util.Collections.sort(actors);
        actors.add("count " + numbered(db, org.reintegra.audit.AuditTrailSql.countSql(parts), values, 1).get(0));
        return actors;
    }

    /** Runs SQL written with numbered parameters (?1, ?2, as the services write it) through JDBC; one column's values. */
    private static List<String> numbered(Connection db, String sql, Object[] values, int column) throws SQLException {
        java.util.regex.Matcher number = java.util.regex.Pattern.compile("\\?(\\d+)").matcher(sql);
        List<Object> parameters = new ArrayList<>();
        while (number.find()) {
            parameters.add(values[Integer.parseInt(number.group(1)) - 1]);
        }
        try (PreparedStatement statement = db.prepareStatement(sql.replaceAll("\\?\\d+", "?"))) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            List<String> result = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    result.add(rows.getString(column));
                }
            }
            return result;
        }
    }

    private static void auditRow(Connection connection, String insert, String actor, Long referral) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            statement.setString(1, actor);
            statement.setObject(2, referral, java.sql.Types.BIGINT);
            assertEquals(1, statement.executeUpdate());
        }
    }

    private static void scope(Connection connection, String scope) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
            set.setString(1, scope);
            set.execute();
        }
    }

    @Test
    void theOwnerRoleIsNotASuperuser() throws SQLException {
        String owner = TestStack.get().database().ownerUser();
        try (Connection connection = superuser()) {
            assertFalse(Boolean.parseBoolean(strings(connection,
                    "SELECT rolsuper::text FROM pg_roles WHERE rolname = ?", owner).get(0)));
        }
    }
}
