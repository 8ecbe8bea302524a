package org.reintegra.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.reintegra.audit.AuditTrailSql;
import org.reintegra.devstack.DatabaseSettings;
import org.reintegra.devstack.EmbeddedDatabase;
import org.reintegra.devstack.Secrets;
import org.reintegra.performance.PerformanceService;
import org.reintegra.performance.PerformanceSide;

/**
 * Times the portal's top queries over the generated national data (issue 7), each in two ways in
 * the same run:
 * <ul>
 *   <li><b>rls</b>: as the portal runs them: the application role, in a transaction that first sets
 *       {@code app.tenant_id} (what {@code TenantConnectionListener} does), so row-level security
 *       filters every row;</li>
 *   <li><b>raw</b>: the same SQL as the database superuser, which row-level security does not
 *       touch: the physical limit of the query on this machine.</li>
 * </ul>
 * Each case runs 20 times to warm up, then {@code reintegra.benchmark.iterations} (200) times on
 * one connection; it prints p50 / p95 / p99 and throughput for both, and the ratio of the medians.
 * The SQL is what EclipseLink sends for {@code ReferralService.inboxPage / inboxCounts} and what
 * {@code PerformanceService} sends for the dashboard page (taken from the services' JPQL and native
 * SQL). The cases "dashboard headline" and "dashboard by partner" are earlier hand-written forms
 * of single figures, kept to compare row-level security on and off over the measures.
 *
 * <p>{@code mvn -B -Pbenchmark -pl benchmarks -am -DskipTests verify} with the portal stopped.
 */
public final class QueryBenchmark {

    /** What one transaction runs: one statement, or several (a whole screen's). */
    record Case(String name, String tenant, List<Step> steps) {
        Case(String name, String tenant, String sql, Object... parameters) {
            this(name, tenant, List.of(new Step(sql, parameters)));
        }
    }

    record Step(String sql, Object... parameters) {
    }

    record Timing(double p50, double p95, double p99, double perSecond, long rows) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  %7.0f/s", p50, p95, p99, perSecond);
        }
    }

    static final String AGENCY = "national-probation-agency";

    /** The portal's per-transaction settings (TenantConnectionListener); {@code -Dreintegra.benchmark.plans=auto} leaves PostgreSQL's default. */
    static final String CUSTOM_PLANS = System.getProperty("reintegra.benchmark.plans", "force_custom_plan");
    /** The intake API's transactions set only the tenant (generic plans allowed, ADR 0009 amendment). */
    static final String TENANT_ONLY_SQL = "SELECT set_config('app.tenant_id', ?, true)";
    static final String TENANT_SQL = CUSTOM_PLANS.equals("force_custom_plan")
            ? TENANT_ONLY_SQL + ", set_config('plan_cache_mode', 'force_custom_plan', true)"
            : TENANT_ONLY_SQL;
    static final String PARTNER = "justice-art-ngo";

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("reintegra.home", System.getProperty("user.home") + "/.reintegra"));
        int port = Integer.parseInt(System.getProperty("reintegra.db.port", "25432"));
        int iterations = Integer.parseInt(System.getProperty("reintegra.benchmark.iterations", "200"));
        Secrets secrets = Secrets.in(home);
        try (EmbeddedDatabase database = EmbeddedDatabase.start(home.resolve("postgres"), port,
                secrets.get("reintegra.db.owner-password"), secrets.get("reintegra.db.app-password"))) {
            DatabaseSettings settings = database.settings();
            org.reintegra.schema.SchemaMigration.migrate(new org.reintegra.schema.SchemaMigration.Settings(settings.jdbcUrl(),
                    settings.ownerUser(), settings.ownerPassword(), settings.appUser()));
            try (Connection app = DriverManager.getConnection(settings.jdbcUrl(), settings.appUser(), settings.appPassword());
                 Connection raw = DriverManager.getConnection(database.superuserJdbcUrl())) {
                if (Boolean.getBoolean("reintegra.benchmark.vacuum")) {
                    try (Statement vacuum = raw.createStatement()) {
                        long t = System.nanoTime();
                        vacuum.execute("VACUUM (ANALYZE)");
                        System.out.printf("VACUUM (ANALYZE) in %.1f s%n", (System.nanoTime() - t) / 1e9);
                    }
                }
                describe(raw);
                String only = System.getProperty("reintegra.benchmark.only", "");
                if (Boolean.getBoolean("reintegra.benchmark.explain")) {
                    for (Case benchmark : cases()) {
                        if (benchmark.name().contains(only)) {
                            explain(app, benchmark, true);
                            explain(raw, benchmark, false);
                        }
                    }
                    return;
                }
                System.out.printf("%-44s %-4s %s%n", "case", "mode", "timing");
                for (Case benchmark : cases().stream().filter(c -> c.name().contains(only)).toList()) {
                    Timing rls = time(app, benchmark, true, iterations);
                    Timing physical = time(raw, benchmark, false, iterations);
                    System.out.printf("%-44s rls  %s  rows %d%n", benchmark.name(), rls, rls.rows());
                    System.out.printf("%-44s raw  %s  rows %d   rls/raw %.2f%n", "", physical, physical.rows(),
                            rls.p50() / physical.p50());
                    if (rls.rows() != physical.rows()) {
                        throw new IllegalStateException(benchmark.name() + ": rls and raw return different rows");
                    }
                }
            }
        }
    }

    /** EclipseLink's criteria on the shared referral entity. */
    static final String SHARED = " AND (r.agency_tenant_id = ? OR r.partner_tenant_id = ?)";
    /** The rows of a page in the statements below (the service benchmark asks for as many as the grid did). */
    static final int PAGE_ROWS = 50;
    /** A page of a referral list as {@code ReferralService.inboxPage} asks for it (50 rows, as the grid's first page had to stop 15). */
    static final String PAGE = "SELECT r.id, r.reference, r.client_given_name, r.client_family_name, r.programme_area, r.service_type,"
            + " r.status, o.name, r.sent_at, r.status_changed_at, r.completion_deadline, r.client_id"
            + " FROM referral r, organisation o WHERE %s AND o.id = r.%s" + SHARED
            + " ORDER BY r.status_changed_at DESC, r.id DESC LIMIT " + PAGE_ROWS + " OFFSET ?";
    static final String AGENCY_PAGE = PAGE.formatted("r.agency_tenant_id = ?", "partner_tenant_id");
    static final String PARTNER_PAGE = PAGE.formatted("r.partner_tenant_id = ? AND r.sent_at IS NOT NULL", "agency_tenant_id");

    /**
     * The first pages of the lists and searches the service-time benchmark drives, named as
     * {@code ReferralService} names their service times ({@code ServiceTimes}), with as many rows as
     * the portal's grid asked for ({@code rows}).
     */
    static List<Case> servicePageCases(String term, int rows) {
        String pattern = org.reintegra.persistence.LikePattern.containing(term);
        String agencyPage = AGENCY_PAGE.replace(" LIMIT " + PAGE_ROWS + " ", " LIMIT " + rows + " ");
        String partnerPage = PARTNER_PAGE.replace(" LIMIT " + PAGE_ROWS + " ", " LIMIT " + rows + " ");
        return List.of(
                new Case("agency-list-page", AGENCY, agencyPage, AGENCY, AGENCY, AGENCY, 0),
                new Case("partner-list-page", PARTNER, partnerPage, PARTNER, PARTNER, PARTNER, 0),
                new Case("agency-search-page", AGENCY, searchPage(agencyPage), AGENCY, pattern, AGENCY, AGENCY, 0),
                new Case("partner-search-page", PARTNER, searchPage(partnerPage), PARTNER, pattern, PARTNER, PARTNER, 0));
    }

    /** A list page filtered by programme, as {@code ReferralService.listCondition} adds it. */
    private static String programme(String page) {
        return page.replace(" AND o.id", " AND r.programme_area = ? AND o.id");
    }

    /** A list page filtered by sending office, as {@code ReferralService.listCondition} adds it. */
    private static String office(String page) {
        return page.replace(" AND o.id", " AND r.sending_office = ? AND o.id");
    }

    /** A list page filtered by the day it was sent (from, before), as {@code ReferralService.listCondition} adds it. */
    private static String sentBetween(String page) {
        return page.replace(" AND o.id", " AND r.sent_at >= ? AND r.sent_at < ? AND o.id");
    }

    private static String searchPage(String page) {
        return page.replace(" AND o.id", " AND r.search_key LIKE ? ESCAPE '\\' AND o.id");
    }

    static List<Case> cases() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Timestamp yearAgo = Timestamp.from(today.minusYears(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        Timestamp monthFrom = Timestamp.from(today.minusYears(2).withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        Timestamp monthTo = Timestamp.from(today.minusYears(2).withDayOfMonth(1).plusMonths(1).atStartOfDay(ZoneOffset.UTC)
                .toInstant());
        String shared = SHARED;
        String agencyPage = AGENCY_PAGE;
        String partnerPage = PARTNER_PAGE;
        String agencySearch = searchPage(AGENCY_PAGE);
        String headline = """
                SELECT count(*), count(accepted_at), count(declined_at),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM accepted_at - sent_at) / 86400)
                           FILTER (WHERE accepted_at IS NOT NULL),
                       count(first_session_on),
                       sum(sessions_attended + sessions_late), sum(sessions_attended + sessions_late + sessions_missed),
                       count(*) FILTER (WHERE conclusion = 'COMPLETED'), count(*) FILTER (WHERE conclusion = 'ENDED_EARLY'),
                       sum(outcomes_achieved), count(*) FILTER (WHERE enrolment_confirmed), sum(cards_issued)
                  FROM referral_measure m
                 WHERE m.agency_tenant_id = ? AND m.sent_on >= ? AND m.sent_on < ?""";
        String byPartner = """
                SELECT m.partner_tenant_id, count(*), count(accepted_at), count(*) FILTER (WHERE conclusion = 'COMPLETED')
                  FROM referral_measure m
                 WHERE m.agency_tenant_id = ? AND m.sent_on >= ? AND m.sent_on < ?
                 GROUP BY m.partner_tenant_id""";
        java.sql.Date from = java.sql.Date.valueOf(today.minusYears(1));
        java.sql.Date to = java.sql.Date.valueOf(today.plusDays(1));
        return List.of(
                new Case("agency inbox, first page", AGENCY, agencyPage, AGENCY, AGENCY, AGENCY, 0),
                new Case("agency inbox, page 21 (offset 1000)", AGENCY, agencyPage, AGENCY, AGENCY, AGENCY, 1000),
                new Case("partner inbox, first page", PARTNER, partnerPage, PARTNER, PARTNER, PARTNER, 0),
                new Case("agency search 'омар', first page", AGENCY, agencySearch, AGENCY, "%омар%", AGENCY, AGENCY, 0),
                new Case("agency search 'омар', count", AGENCY,
                        "SELECT count(*) FROM referral r WHERE r.agency_tenant_id = ? AND r.search_key LIKE ? ESCAPE '\\'" + shared,
                        AGENCY, "%омар%", AGENCY, AGENCY),
                new Case("agency list counts by status", AGENCY,
                        "SELECT r.status, count(*) FROM referral r WHERE r.agency_tenant_id = ?" + shared + " GROUP BY r.status",
                        AGENCY, AGENCY, AGENCY),
                new Case("partner 'action needed' count", PARTNER,
                        "SELECT count(*) FROM referral r WHERE r.partner_tenant_id = ? AND r.sent_at IS NOT NULL"
                                + " AND (r.status = 'SENT' OR (r.status IN ('ACCEPTED', 'IN_PROGRESS', 'ON_HOLD') AND r.partner_attention))"
                                + shared, PARTNER, PARTNER, PARTNER),
                // the programme filter (V16): a programme the partner does not deliver, one of the agency's
                new Case("partner inbox, programme not delivered, first page", PARTNER,
                        programme(partnerPage), PARTNER, "EDUCATION_PROMOTION", PARTNER, PARTNER, 0),
                new Case("partner counts, programme not delivered", PARTNER,
                        "SELECT r.status, count(r.status) FROM referral r WHERE r.partner_tenant_id = ? AND r.sent_at IS NOT NULL"
                                + " AND r.programme_area = ?" + shared + " GROUP BY r.status",
                        PARTNER, "EDUCATION_PROMOTION", PARTNER, PARTNER),
                new Case("agency inbox, one programme, first page", AGENCY,
                        programme(agencyPage), AGENCY, "EDUCATION_PROMOTION", AGENCY, AGENCY, 0),
                new Case("agency counts, one programme", AGENCY,
                        "SELECT r.status, count(r.status) FROM referral r WHERE r.agency_tenant_id = ?"
                                + " AND r.programme_area = ?" + shared + " GROUP BY r.status",
                        AGENCY, "EDUCATION_PROMOTION", AGENCY, AGENCY),
                // the sending-office filter: one of the agency's four offices, one office among the partner's senders
                new Case("agency inbox, one office, first page", AGENCY,
                        office(agencyPage), AGENCY, "Kutaisi office", AGENCY, AGENCY, 0),
                new Case("agency counts, one office", AGENCY,
                        "SELECT r.status, count(r.status) FROM referral r WHERE r.agency_tenant_id = ?"
                                + " AND r.sending_office = ?" + shared + " GROUP BY r.status",
                        AGENCY, "Kutaisi office", AGENCY, AGENCY),
                new Case("partner inbox, one office, first page", PARTNER,
                        office(partnerPage), PARTNER, "Kutaisi office", PARTNER, PARTNER, 0),
                new Case("partner inbox, one office, first page, in list order", PARTNER, List.of(
                        new Step("SELECT set_config('enable_sort', 'off', true)"),
                        new Step(office(partnerPage), PARTNER, "Kutaisi office", PARTNER, PARTNER, 0))),
                new Case("partner counts, one office", PARTNER,
                        "SELECT r.status, count(r.status) FROM referral r WHERE r.partner_tenant_id = ? AND r.sent_at IS NOT NULL"
                                + " AND r.sending_office = ?" + shared + " GROUP BY r.status",
                        PARTNER, "Kutaisi office", PARTNER, PARTNER),
                // the date filter: referrals sent in one month two years ago
                new Case("agency inbox, sent in one month 2 years ago, first page", AGENCY,
                        sentBetween(agencyPage), AGENCY, monthFrom, monthTo, AGENCY, AGENCY, 0),
                // as the portal reads it once the counts showed the month holds a small share of the list
                new Case("agency inbox, sent in one month 2 years ago, first page, matching rows read", AGENCY, List.of(
                        new Step("SELECT set_config('enable_indexscan', 'off', true)"),
                        new Step(sentBetween(agencyPage), AGENCY, monthFrom, monthTo, AGENCY, AGENCY, 0))),
                new Case("agency counts, sent in one month 2 years ago", AGENCY,
                        "SELECT r.status, count(r.status) FROM referral r WHERE r.agency_tenant_id = ?"
                                + " AND r.sent_at >= ? AND r.sent_at < ?" + shared + " GROUP BY r.status",
                        AGENCY, monthFrom, monthTo, AGENCY, AGENCY),
                new Case("partner inbox, sent in one month 2 years ago, first page", PARTNER,
                        sentBetween(partnerPage), PARTNER, monthFrom, monthTo, PARTNER, PARTNER, 0),
                new Case("partner counts, sent in one month 2 years ago", PARTNER,
                        "SELECT r.status, count(r.status) FROM referral r WHERE r.partner_tenant_id = ? AND r.sent_at IS NOT NULL"
                                + " AND r.sent_at >= ? AND r.sent_at < ?" + shared + " GROUP BY r.status",
                        PARTNER, monthFrom, monthTo, PARTNER, PARTNER),
                new Case("agency sent in the last year, count", AGENCY,
                        "SELECT count(*) FROM referral r WHERE r.agency_tenant_id = ? AND r.sent_at >= ?" + shared,
                        AGENCY, yearAgo, AGENCY, AGENCY),
                new Case("dashboard headline, agency, 12 months", AGENCY, headline, AGENCY, from, to),
                new Case("dashboard by partner, agency, 12 months", AGENCY, byPartner, AGENCY, from, to),
                dashboardPage(today),
                auditCount(AGENCY, true, today), auditPage(AGENCY, true, today, 0), auditPage(AGENCY, true, today, 1000),
                auditCount(PARTNER, false, today), auditPage(PARTNER, false, today, 0),
                // a client filter: a common name, a handful of references, a single letter
                auditCount(AGENCY, true, today, "tsiklauri"), auditPage(AGENCY, true, today, 0, "tsiklauri"),
                auditCount(AGENCY, true, today, "RNPA-10050000"), auditPage(AGENCY, true, today, 0, "RNPA-10050000"),
                auditCount(AGENCY, true, today, "a"), auditPage(AGENCY, true, today, 0, "a"));
    }

    /** The audit viewer's count over the last 30 days, the service's own SQL (AuditViewer, to 10,001 a part). */
    static Case auditCount(String tenant, boolean agency, LocalDate today) {
        return auditCount(tenant, agency, today, null);
    }

    /** The same, filtered by a client's name ({@code client} not null). */
    static Case auditCount(String tenant, boolean agency, LocalDate today, String client) {
        String sql = AuditTrailSql.countSql(auditParts(agency, client));
        return auditCase(auditName(agency, client) + "count", tenant, client,
                new Step(jdbc(sql), auditParameters(sql, tenant, today, client)));
    }

    /** With a client filter the service first counts the matches, to choose how to read the trail. */
    private static Case auditCase(String name, String tenant, String client, Step trail) {
        if (client == null) {
            return new Case(name, tenant, List.of(trail));
        }
        String pattern = org.reintegra.persistence.LikePattern.containing(client);
        return new Case(name, tenant, List.of(new Step(jdbc(AuditTrailSql.MATCHES_SQL), pattern, tenant, pattern), trail));
    }

    /** A page of the audit viewer's grid over the last 30 days, the service's own SQL. */
    static Case auditPage(String tenant, boolean agency, LocalDate today, int offset) {
        return auditPage(tenant, agency, today, offset, null);
    }

    /** The same, filtered by a client's name ({@code client} not null). */
    static Case auditPage(String tenant, boolean agency, LocalDate today, int offset, String client) {
        String sql = AuditTrailSql.pageSql(auditParts(agency, client), offset, PAGE_ROWS);
        return auditCase(auditName(agency, client)
                + (offset == 0 ? "first page" : "page " + (offset / PAGE_ROWS + 1) + " (offset " + offset + ")"), tenant, client,
                new Step(jdbc(sql), auditParameters(sql, tenant, today, client)));
    }

    /** Whether a client filter counts as rare is the service's decision (AuditTrailSql.MATCHES_SQL); here, by its name: all but "a". */
    private static AuditTrailSql.Parts auditParts(boolean agency, String client) {
        return AuditTrailSql.parts(agency, 1, "a.occurred_at >= ?2 AND a.occurred_at < ?3", client == null ? 0 : 4,
                client != null && !client.equals("a"));
    }

    private static String auditName(boolean agency, String client) {
        return (agency ? "agency" : "partner") + " audit trail, 30 days, " + (client == null ? "" : "client '" + client + "', ");
    }

    /** The values of the service's ?1 (tenant), ?2 and ?3 (the period), ?4 (client pattern) in the order JDBC binds them. */
    private static Object[] auditParameters(String sql, String tenant, LocalDate today, String client) {
        Object[] values = {tenant, Timestamp.from(today.minusDays(29).atStartOfDay(ZoneOffset.UTC).toInstant()),
                Timestamp.from(today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()),
                client == null ? null : org.reintegra.persistence.LikePattern.containing(client)};
        List<Object> parameters = new ArrayList<>();
        java.util.regex.Matcher number = java.util.regex.Pattern.compile("\\?(\\d+)").matcher(sql);
        while (number.find()) {
            parameters.add(values[Integer.parseInt(number.group(1)) - 1]);
        }
        return parameters.toArray();
    }

    /**
     * Everything the liaison officer's performance screen asks the database for when it opens
     * (PerformanceService: the office and partner filters, the headline with the four breakdowns,
     * both reason lists, over the last twelve months), in one transaction as the screen does. The SQL
     * is the service's own.
     */
    static Case dashboardPage(LocalDate today) {
        java.sql.Date from = java.sql.Date.valueOf(today.minusYears(1).plusDays(1));
        java.sql.Date to = java.sql.Date.valueOf(today);
        String conditions = "m.agency_tenant_id = ? AND m.sent_on >= ? AND m.sent_on <= ?";
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(jdbc(PerformanceService.officesSql(PerformanceSide.AGENCY)), AGENCY, AGENCY));
        steps.add(new Step(jdbc(PerformanceService.counterpartsSql(PerformanceSide.AGENCY)), AGENCY, AGENCY));
        steps.add(new Step(PerformanceService.figuresSql(PerformanceService.breakdownDimensions(PerformanceSide.AGENCY),
                conditions), AGENCY, from, to));
        steps.add(new Step(PerformanceService.reasonsSql(conditions), AGENCY, from, to));
        return new Case("dashboard page, agency, 12 months (4 queries)", AGENCY, steps);
    }

    /** JPA's numbered parameters ("?1") as JDBC's; a number used twice is bound twice by the step. */
    private static String jdbc(String sql) {
        return sql.replaceAll("\\?\\d+", "?");
    }

    static Timing time(Connection connection, Case benchmark, boolean asTenant, int iterations) throws SQLException {
        connection.setAutoCommit(false);
        long rows = 0;
        for (int i = 0; i < 20; i++) {
            rows = run(connection, benchmark, asTenant);
        }
        double[] millis = new double[iterations];
        long started = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            long t = System.nanoTime();
            run(connection, benchmark, asTenant);
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(millis);
        return new Timing(percentile(millis, 0.50), percentile(millis, 0.95), percentile(millis, 0.99), iterations / seconds, rows);
    }

    /** One unit of work as the portal does it: a transaction, the tenant setting (rls only), the query. */
    static long run(Connection connection, Case benchmark, boolean asTenant) throws SQLException {
        if (asTenant) {
            try (PreparedStatement set = connection.prepareStatement(TENANT_SQL)) {
                set.setString(1, benchmark.tenant());
                set.execute();
            }
        } else if (CUSTOM_PLANS.equals("force_custom_plan")) {
            try (Statement set = connection.createStatement()) {
                set.execute("SELECT set_config('plan_cache_mode', 'force_custom_plan', true)");
            }
        }
        long rows = 0;
        for (Step step : benchmark.steps()) {
            try (PreparedStatement query = connection.prepareStatement(step.sql())) {
                for (int i = 0; i < step.parameters().length; i++) {
                    query.setObject(i + 1, step.parameters()[i]);
                }
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        rows++;
                    }
                }
            }
        }
        connection.commit();
        return rows;
    }

    /** The plan PostgreSQL chose, with times and buffers ({@code -Dreintegra.benchmark.explain=true}). */
    static void explain(Connection connection, Case benchmark, boolean asTenant) throws SQLException {
        connection.setAutoCommit(false);
        if (asTenant) {
            try (PreparedStatement set = connection.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
                set.setString(1, benchmark.tenant());
                set.execute();
            }
        }
        System.out.printf("%n== %s (%s)%n", benchmark.name(), asTenant ? "rls" : "raw");
        for (Step step : benchmark.steps()) {
            try (PreparedStatement query = connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + step.sql())) {
                for (int i = 0; i < step.parameters().length; i++) {
                    query.setObject(i + 1, step.parameters()[i]);
                }
                try (ResultSet plan = query.executeQuery()) {
                    while (plan.next()) {
                        System.out.println(plan.getString(1));
                    }
                }
            }
        }
        connection.commit();
    }

    static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static void describe(Connection raw) throws SQLException {
        try (Statement statement = raw.createStatement()) {
            List<String> counts = new ArrayList<>();
            for (String table : List.of("organisation", "client", "referral", "referral_status_change", "delivered_session",
                    "referral_measure", "audit_event")) {
                ResultSet count = statement.executeQuery("SELECT count(*) FROM " + table);
                count.next();
                counts.add(String.format(Locale.ROOT, "%s %,d", table, count.getLong(1)));
            }
            System.out.println("Data: " + String.join(", ", counts));
            ResultSet own = statement.executeQuery("SELECT (SELECT count(*) FROM referral WHERE agency_tenant_id = '" + AGENCY
                    + "'), (SELECT count(*) FROM referral WHERE partner_tenant_id = '" + PARTNER + "')");
            own.next();
            System.out.printf(Locale.ROOT, "%s: %,d referrals; %s: %,d referrals%n", AGENCY, own.getLong(1), PARTNER, own.getLong(2));
        }
    }
}
