package org.reintegra.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reintegra.devstack.Secrets;

/**
 * Sustained referral intake through the portal's API (issue 7): {@code reintegra.benchmark.requests}
 * (2,000) create-and-send calls from {@code reintegra.benchmark.threads} (16) clients at once, each
 * with its own Idempotency-Key, as the National Probation Agency's case system (bearer token from
 * Keycloak); every call goes through authentication, the referral aggregate, row-level security,
 * audit, the idempotency record, the notification outbox and the measures trigger. In the same run,
 * the limit: the same number of referrals written by plain JDBC as the application role (client,
 * referral, status change, audit row per transaction, tenant setting, RLS and triggers on), with the
 * same concurrency. Prints p50 / p95 / p99 latency and referrals per second for both.
 *
 * <p>With {@code reintegra.benchmark.batch} N above 1, each call posts N referrals to
 * {@code /v1/referrals/batch} (one transaction, one Idempotency-Key), and the limit commits its
 * rows N a transaction; the latencies are then per call, of N referrals.
 *
 * <p>At the end it removes what it wrote (and what an interrupted run left), as the database
 * superuser ({@code reintegra.db.superuser-url}): every run adds thousands of sent referrals to the
 * same agency's and partner's lists, and left in place they change what the other benchmarks measure
 * (stop 18: 85,000 of them made the 500-user run's inbox counts several times slower).
 *
 * <p>Needs the portal running (the run command) and its database at {@code reintegra.db.port}.
 * {@code mvn -B -Pintake-benchmark -pl benchmarks -am -DskipTests verify}.
 */
public final class IntakeBenchmark {

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("reintegra.home", System.getProperty("user.home") + "/.reintegra"));
        String portal = System.getProperty("reintegra.portal", "http://127.0.0.1:8080/");
        String realm = System.getProperty("reintegra.realm", "http://127.0.0.1:28180/realms/reintegra");
        int requests = Integer.getInteger("reintegra.benchmark.requests", 2000);
        int threads = Integer.getInteger("reintegra.benchmark.threads", 16);
        // referrals per call and per JDBC transaction; above 1 the API path posts to /v1/referrals/batch
        int batch = Integer.getInteger("reintegra.benchmark.batch", 1);
        if (batch < 1 || batch > 100 || requests % batch != 0) {
            throw new IllegalArgumentException("reintegra.benchmark.batch must be 1 to 100 and divide the requests");
        }
        int calls = requests / batch;
        Secrets secrets = Secrets.in(home);
        String jdbcUrl = localDatabaseUrl();
        String superuserUrl = superuserUrl();
        if (Boolean.getBoolean("reintegra.benchmark.remove-only")) { // after an interrupted run
            removeBenchmarkRows(superuserUrl);
            return;
        }
        // Java's client upgrades to cleartext HTTP/2 (h2c) by default; -Dreintegra.benchmark.http=1.1 speaks
        // HTTP/1.1, as a reverse proxy in front of the portal does (ADR 0012)
        HttpClient.Version version = "1.1".equals(System.getProperty("reintegra.benchmark.http", "2"))
                ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2;
        HttpClient http = HttpClient.newBuilder().version(version).connectTimeout(Duration.ofSeconds(5)).build();
        String token = token(http, realm, secrets.get("reintegra.api.client-secret"));
        String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);

        // warm-up: 100 referrals
        measure(Math.max(2, 100 / batch), threads, n -> post(http, portal, token, batch, "WARM-" + run + "-" + n));
        double[] api = new double[calls];
        AtomicInteger failures = new AtomicInteger();
        long started = System.nanoTime();
        measure(calls, threads, n -> {
            long t = System.nanoTime();
            int status = post(http, portal, token, batch, "API-" + run + "-" + n);
            api[n] = (System.nanoTime() - t) / 1e6;
            if (status != 201 && status != 200) {
                failures.incrementAndGet();
            }
            return status;
        });
        double apiSeconds = (System.nanoTime() - started) / 1e9;
        String apiPath = (batch == 1 ? "intake API (create and send" : "intake API (batches of " + batch)
                + (version == HttpClient.Version.HTTP_1_1 ? ", HTTP/1.1)" : ")");
        report(apiPath, api, requests / apiSeconds, failures.get());

        String appUser = System.getProperty("reintegra.db.app-user", "reintegra_app");
        String appPassword = secrets.get("reintegra.db.app-password");
        double[] raw = new double[calls];
        started = System.nanoTime();
        ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> {
            try {
                Connection connection = DriverManager.getConnection(jdbcUrl, appUser, appPassword);
                connection.setAutoCommit(false);
                return connection;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        measure(calls, threads, n -> {
            long t = System.nanoTime();
            Connection db = connections.get();
            setTenant(db);
            for (int i = 0; i < batch; i++) {
                insert(db, "RAW-" + run + "-" + n + "-" + i);
            }
            db.commit();
            raw[n] = (System.nanoTime() - t) / 1e6;
            return 201;
        });
        double rawSeconds = (System.nanoTime() - started) / 1e9;
        report(batch == 1 ? "plain JDBC, same rows (app role, RLS)" : "plain JDBC, same rows, " + batch + " a transaction",
                raw, requests / rawSeconds, 0);
        System.out.printf(Locale.ROOT, "API / JDBC throughput: %.2f%n", (requests / apiSeconds) / (requests / rawSeconds));

        removeBenchmarkRows(superuserUrl);
    }

    /** The local stack's database ({@code reintegra.db.port}). */
    static String localDatabaseUrl() {
        return "jdbc:postgresql://127.0.0.1:" + System.getProperty("reintegra.db.port", "25432") + "/reintegra";
    }

    /** The database superuser the benchmarks clean up as ({@code reintegra.db.superuser-url}). */
    static String superuserUrl() {
        return System.getProperty("reintegra.db.superuser-url", localDatabaseUrl() + "?user=postgres");
    }

    private static void removeBenchmarkRows(String superuserUrl) throws Exception {
        try (Connection superuser = DriverManager.getConnection(superuserUrl)) {
            System.out.printf(Locale.ROOT, "Removed the benchmark's referrals: %d%n", removeBenchmarkRows(superuser));
        }
    }

    /** The benchmark's own referrals: from this agency to this partner, for a "Bench" client, reason "Benchmark". */
    private static final String BENCHMARK_REFERRALS = "SELECT id, client_id FROM referral"
            + " WHERE agency_tenant_id = 'national-probation-agency' AND partner_tenant_id = 'new-path-ngo'"
            + " AND reason_for_referral = 'Benchmark' AND client_given_name = 'Bench'";

    /**
     * Deletes every row the benchmark's referrals left (both paths, this and earlier runs): the
     * referrals, their clients and everything written about them, including the mail they caused.
     * Triggers are off for the session (the superuser's {@code session_replication_role}), so the
     * append-only guards do not stop it and no measure is recomputed; then the tables are vacuumed and analysed.
     */
    static int removeBenchmarkRows(Connection superuser) throws Exception {
        superuser.setAutoCommit(false);
        try (java.sql.Statement sql = superuser.createStatement()) {
            sql.execute("SET LOCAL session_replication_role = replica");
            sql.execute("CREATE TEMP TABLE benchmark_referral ON COMMIT DROP AS " + BENCHMARK_REFERRALS);
            sql.execute("CREATE TEMP TABLE benchmark_notification ON COMMIT DROP AS SELECT id FROM notification"
                    + " WHERE referral_id IN (SELECT id FROM benchmark_referral)");
            sql.execute("DELETE FROM mail_outbox WHERE notification_id IN (SELECT id FROM benchmark_notification)");
            sql.execute("DELETE FROM notification_fanout WHERE notification_id IN (SELECT id FROM benchmark_notification)");
            try (ResultSet tables = sql.executeQuery("SELECT table_name FROM information_schema.columns"
                    + " WHERE table_schema = 'public' AND column_name = 'referral_id' ORDER BY table_name")) {
                List<String> names = new java.util.ArrayList<>();
                while (tables.next()) {
                    names.add(tables.getString(1));
                }
                for (String table : names) {
                    sql.execute("DELETE FROM " + table + " WHERE referral_id IN (SELECT id FROM benchmark_referral)");
                }
            }
            sql.execute("DELETE FROM audit_event WHERE tenant_id = 'national-probation-agency'"
                    + " AND client_id IN (SELECT client_id FROM benchmark_referral)");
            // a batch's answer holds no reason, so its record is known by the key (runs before stop 23: by the answer)
            sql.execute("DELETE FROM api_idempotency WHERE tenant_id = 'national-probation-agency'"
                    + " AND (idempotency_key LIKE '" + KEY_PREFIX + "%'"
                    + " OR response_body LIKE '%\"reasonForReferral\":\"Benchmark\"%')");
            int removed = sql.executeUpdate("DELETE FROM referral WHERE id IN (SELECT id FROM benchmark_referral)");
            sql.execute("DELETE FROM client WHERE tenant_id = 'national-probation-agency' AND given_name = 'Bench'"
                    + " AND id IN (SELECT client_id FROM benchmark_referral)");
            superuser.commit();
            superuser.setAutoCommit(true);
            // VACUUM, not only ANALYZE: the deleted referrals were the newest of the agency's and the partner's lists,
            // and until autovacuum comes (at a fifth of the table) every first page and count steps over their
            // dead index entries (stop 19: 142,000 of them made the next 500-user run's counts ten times slower)
            sql.execute("VACUUM (ANALYZE, INDEX_CLEANUP ON) referral, referral_measure, referral_status_change, client, notification,"
                    + " mail_outbox, audit_event");
            return removed;
        }
    }

    interface Call {
        int run(int n) throws Exception;
    }

    static void measure(int count, int threads, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> done = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                done.add(pool.submit(() -> call.run(n)));
            }
            for (Future<Integer> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    static void report(String what, double[] millis, double perSecond, int failures) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-40s p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  %7.1f referrals/s  failures %d%n",
                what, QueryBenchmark.percentile(sorted, 0.5), QueryBenchmark.percentile(sorted, 0.95),
                QueryBenchmark.percentile(sorted, 0.99), perSecond, failures);
    }

    static String body(String caseNumber) {
        return "{\"client\":{\"caseNumber\":\"" + caseNumber + "\",\"givenName\":\"Bench\",\"familyName\":\"Client "
                + caseNumber + "\",\"dateOfBirth\":\"1990-01-01\",\"sex\":\"MALE\",\"preferredLanguage\":\"ru\"},"
                + "\"partner\":\"new-path-ngo\",\"programmeArea\":\"OVERCOMING_ADDICTIONS\","
                + "\"serviceType\":\"ADDICTION_PROGRAMME\",\"reasonForReferral\":\"Benchmark\","
                + "\"desiredOutcomes\":[\"RELAPSE_PREVENTION_PLAN\"],\"custodyStatus\":\"IN_COMMUNITY\","
                + "\"completionDeadline\":\"" + LocalDate.now().plusMonths(6) + "\",\"legalBasis\":\"PROBATION_CONDITION\","
                + "\"sendingOffice\":\"Tbilisi probation office\"}";
    }

    /** One call: a single create, or a batch of {@code batch} referrals (case numbers {@code caseNumber-0}, {@code -1}, ...). */
    static int post(HttpClient http, String portal, String token, int batch, String caseNumber)
            throws IOException, InterruptedException {
        if (batch == 1) {
            return post(http, portal, "api/v1/referrals", token, body(caseNumber));
        }
        List<String> referrals = new java.util.ArrayList<>(batch);
        for (int i = 0; i < batch; i++) {
            referrals.add(body(caseNumber + "-" + i));
        }
        return post(http, portal, "api/v1/referrals/batch", token, "{\"referrals\":[" + String.join(",", referrals) + "]}");
    }

    private static int post(HttpClient http, String portal, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(portal + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", KEY_PREFIX + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            System.err.println("API answered " + response.statusCode() + ": " + response.body());
        }
        return response.statusCode();
    }

    private static final String AGENCY = "national-probation-agency";

    /** Starts every Idempotency-Key the benchmark sends, so that the clean-up finds their records. */
    private static final String KEY_PREFIX = "benchmark-";

    /** The tenant, as the intake API's transactions set it (not -Dreintegra.benchmark.plans, which is the portal's reads'). */
    static void setTenant(Connection db) throws Exception {
        try (PreparedStatement tenant = db.prepareStatement(QueryBenchmark.TENANT_ONLY_SQL)) {
            tenant.setString(1, AGENCY);
            tenant.execute();
        }
    }

    /** The rows one intake writes, by hand, in the caller's transaction: client, referral (sent), its status change, the audit row. */
    static void insert(Connection db, String caseNumber) throws Exception {
        long clientId = next(db, "client_id_seq");
        long referralId = next(db, "referral_id_seq");
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement client = db.prepareStatement("INSERT INTO client (tenant_id, id, reference, given_name, family_name,"
                + " date_of_birth, sex, preferred_language, created_at, version, search_key) VALUES (?, ?, ?, 'Bench', ?, ?, 'MALE',"
                + " 'ru', ?, 1, ?)")) {
            client.setString(1, AGENCY);
            client.setLong(2, clientId);
            client.setString(3, caseNumber);
            client.setString(4, "Client " + caseNumber);
            client.setObject(5, LocalDate.of(1990, 1, 1));
            client.setTimestamp(6, now);
            client.setString(7, ("bench client " + caseNumber + " " + caseNumber).toLowerCase(Locale.ROOT));
            client.executeUpdate();
        }
        try (PreparedStatement referral = db.prepareStatement("INSERT INTO referral (agency_tenant_id, partner_tenant_id, id,"
                + " reference, client_id, client_given_name, client_family_name, client_date_of_birth, client_sex,"
                + " client_preferred_language, programme_area, service_type, reason_for_referral, custody_status,"
                + " completion_deadline, sending_office, sending_officer, status, created_at, sent_at, status_changed_at, version,"
                + " search_key, desired_outcomes, legal_basis, changed_at) VALUES (?, 'new-path-ngo', ?, ?, ?, 'Bench', ?, ?, 'MALE',"
                + " 'ru', 'OVERCOMING_ADDICTIONS', 'ADDICTION_PROGRAMME', 'Benchmark', 'IN_COMMUNITY', ?, 'Tbilisi probation office',"
                + " 'npa-case-system', 'SENT', ?, ?, ?, 1, ?, 'RELAPSE_PREVENTION_PLAN', 'PROBATION_CONDITION', ?)")) {
            referral.setString(1, AGENCY);
            referral.setLong(2, referralId);
            referral.setString(3, "R" + caseNumber);
            referral.setLong(4, clientId);
            referral.setString(5, "Client " + caseNumber);
            referral.setObject(6, LocalDate.of(1990, 1, 1));
            referral.setObject(7, LocalDate.now().plusMonths(6));
            referral.setTimestamp(8, now);
            referral.setTimestamp(9, now);
            referral.setTimestamp(10, now);
            referral.setString(11, ("bench client " + caseNumber + " r" + caseNumber).toLowerCase(Locale.ROOT));
            referral.setTimestamp(12, now);
            referral.executeUpdate();
        }
        try (PreparedStatement change = db.prepareStatement("INSERT INTO referral_status_change (agency_tenant_id,"
                + " partner_tenant_id, id, referral_id, from_status, to_status, command, changed_by, changed_by_tenant, changed_at,"
                + " visible_to_partner) VALUES (?, 'new-path-ngo', nextval('referral_status_change_id_seq'), ?, 'DRAFT', 'SENT',"
                + " 'SEND', 'npa-case-system', ?, ?, true)")) {
            change.setString(1, AGENCY);
            change.setLong(2, referralId);
            change.setString(3, AGENCY);
            change.setTimestamp(4, now);
            change.executeUpdate();
        }
        try (PreparedStatement audit = db.prepareStatement("INSERT INTO audit_event (tenant_id, id, occurred_at, actor, action,"
                + " referral_id, client_id, fields, purpose) VALUES (?, nextval('audit_event_id_seq'), ?, 'npa-case-system',"
                + " 'CREATE', ?, ?, 'referral', 'intake api')")) {
            audit.setString(1, AGENCY);
            audit.setTimestamp(2, now);
            audit.setLong(3, referralId);
            audit.setLong(4, clientId);
            audit.executeUpdate();
        }
    }

    private static long next(Connection db, String sequence) throws Exception {
        try (PreparedStatement next = db.prepareStatement("SELECT nextval('" + sequence + "')");
             ResultSet value = next.executeQuery()) {
            value.next();
            return value.getLong(1);
        }
    }

    private static String token(HttpClient http, String realm, String secret) throws IOException, InterruptedException {
        String form = "grant_type=client_credentials&client_id=npa-case-system&client_secret="
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("Keycloak refused the token (" + response.statusCode() + ")");
        }
        return token.group(1);
    }
}
