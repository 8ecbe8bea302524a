package org.reintegra.benchmarks;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Concurrent portal users over Vaadin's own protocol (issue 7): each virtual user signs in through
 * Keycloak like a browser (the authorisation-code flow; later users of the same demo account reuse
 * its Keycloak single sign-on, as a second browser tab would), loads the UI with the
 * {@code v-r=init} request and then speaks the UIDL protocol as Vaadin's client does: every message
 * carries the session's CSRF token ({@code Vaadin-Security-Key}) and the sync and client ids the
 * server expects, data updates of grids are confirmed, the notification bell's poll runs every 60 s.
 *
 * <p>The steps, after a think time of 5 to 15 s each ({@code reintegra.load.think-ms}): <b>inbox</b> (navigate to the inbox: the view
 * and its grid's first page), <b>open</b> (click a row of that page: the referral's view), and for
 * partner staff on a referral in delivery <b>record dialog</b> and <b>record save</b> (open the
 * session dialog, save a session with its defaults and a note). A step counts as an error when the
 * HTTP status is not 200, the server reports an error or asks for a resynchronisation, or the
 * screen the step should reach does not arrive. Afterwards all sessions stay open and the portal's
 * live heap is taken after a full collection ({@code jcmd GC.run}), against the same figure taken
 * before the first sign-in. The tables autovacuum vacuumed or analysed during the run are listed,
 * with when the last of each ended ({@link TableMaintenance}).
 *
 * <p>Settings (system properties): {@code reintegra.load.users} (500), {@code .ramp-seconds} (150),
 * {@code .seconds} (180, measured after the ramp), {@code .slow-log} and {@code .slow-ms} (a file listing the steps slower
 * than that, 300 ms, with when they ended), {@code .threads} (one per user: blocking requests and the
 * pauses inside a step hold a thread), {@code reintegra.portal-url}.
 *
 * <p>A step is timed from the moment it was due, not from when a driver thread got to it, so a driver
 * that falls behind shows as latency, not as fewer requests (the lag is reported apart as well).
 */
public final class PortalLoadDriver {

    private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");
    private static final String DEFAULT_ACCOUNTS =
            "lawyer.tamar:partner,caseworker.dana:partner,lawyer.tamar:partner,officer.nino:agency,officer.aibek:agency";
    private static final String[][] ACCOUNTS = Arrays.stream(System.getProperty("reintegra.load.accounts", DEFAULT_ACCOUNTS)
            .split(",")).map(a -> a.trim().split(":")).toArray(String[][]::new);
    /** The share of steps on the inbox that search by part of a client's name before opening a row. */
    private static final double SEARCH_SHARE = Double.parseDouble(System.getProperty("reintegra.load.search-share", "0"));
    /**
     * A user's think time before each step, "min-max" in milliseconds (a person: 5 to 15 s). A
     * short one with few users keeps the portal busy without a queue: its processor time per
     * interaction, compared between two builds, with many interactions in a short run.
     */
    private static final long[] THINK_MS = Arrays.stream(System.getProperty("reintegra.load.think-ms", "5000-15000")
            .split("-")).mapToLong(Long::parseLong).toArray();
    private static final String[] SEARCH_TERMS = System.getProperty("reintegra.load.search-terms", "омар").split(",");
    /** The note of every session the driver records: how its sessions are told from the data set's. */
    static final String SESSION_NOTE = "Load test session note";

    private final URI portal;
    private final HttpClient http;
    private final List<VirtualUser> signedInUsers = new ArrayList<>();
    private final Map<String, Timings> timings = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    private final Map<String, List<HttpCookie>> singleSignOn = new ConcurrentHashMap<>();
    private final Map<String, Object> firstSignIns = new ConcurrentHashMap<>();
    private volatile boolean measuring;
    /** When the measured window began ({@link System#nanoTime()}); the timeline counts from it. */
    private volatile long measuredFrom;
    /** Steps (no polls, no driver lag) by the 10-second slice of the measured window they ended in. */
    private final Map<Integer, Timings> timeline = new ConcurrentHashMap<>();
    /** How many rows each first page of the grid brought (the service's page size, for the raw SQL). */
    private final ConcurrentLinkedQueue<Integer> rowsPerPage = new ConcurrentLinkedQueue<>();
    /**
     * Steps of the measured window slower than {@code reintegra.load.slow-ms} (300): when each ended
     * (wall clock), the step and its time, written to {@code reintegra.load.slow-log} if set, to be laid
     * beside the portal's collector log and the database's activity.
     */
    private final ConcurrentLinkedQueue<String> slowSteps = new ConcurrentLinkedQueue<>();
    private static final long SLOW_MS = Long.getLong("reintegra.load.slow-ms", 300);

    private PortalLoadDriver(URI portal, int threads) {
        this.portal = portal;
        // HTTP/1.1 as browsers speak it over plain HTTP (they never upgrade to h2c, Java's client would).
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(java.util.concurrent.Executors.newFixedThreadPool(Math.max(4, threads / 4), task -> {
                    Thread thread = new Thread(task, "portal-http"); // daemon: an idle pool never holds Maven's exec:java open
                    thread.setDaemon(true);
                    return thread;
                }))
                .build();
    }

    public static void main(String[] args) throws Exception {
        String superuserUrl = IntakeBenchmark.superuserUrl();
        if (Boolean.getBoolean("reintegra.benchmark.remove-only")) { // after an interrupted run
            removeRecordedSessions(superuserUrl);
            return;
        }
        int users = Integer.getInteger("reintegra.load.users", 500);
        int rampSeconds = Integer.getInteger("reintegra.load.ramp-seconds", 150);
        int seconds = Integer.getInteger("reintegra.load.seconds", 180);
        // a thread per user, as each person has a browser of their own: a step (its requests and the pauses
        // inside it) holds one, and with fewer a due step waited for another user's (stop 25: 256 threads
        // for 500 users put seconds of driver lag into the slowest interactions)
        int threads = Integer.getInteger("reintegra.load.threads", users);
        URI portal = URI.create(System.getProperty("reintegra.portal-url", "http://127.0.0.1:8080/"));
        PortalLoadDriver driver = new PortalLoadDriver(portal, threads);
        PortalHeap heap = PortalHeap.find();
        long before = heap.liveBytes();
        System.out.printf(Locale.ROOT, "Portal live heap before: %.1f MB%n", before / 1e6);
        Map<String, TableMaintenance> maintenanceBefore = TableMaintenance.read(superuserUrl);
        java.time.Instant started = java.time.Instant.now();
        int sessions = driver.run(users, rampSeconds, seconds, threads);
        TableMaintenance.report(maintenanceBefore, TableMaintenance.read(superuserUrl), started, java.time.Instant.now());
        long after = heap.liveBytes();
        heap.histogram("with-sessions");
        System.out.printf(Locale.ROOT, "Portal live heap with %d sessions: %.1f MB; per session %.0f KB%n", sessions,
                after / 1e6, (after - before) / 1e3 / Math.max(1, sessions));
        int signedOut = driver.signOutAll();
        long closed = heap.liveBytes();
        heap.histogram("signed-out");
        System.out.printf(Locale.ROOT, "Portal live heap after %d sessions were signed out: %.1f MB; the sessions held %.0f KB"
                + " each (the rest of the growth is the warmed-up server: pools, caches)%n", signedOut, closed / 1e6,
                (after - closed) / 1e3 / Math.max(1, signedOut));
        driver.reportServiceTimes();
        removeRecordedSessions(superuserUrl);
        System.exit(0);
    }

    /**
     * Deletes the sessions the driver recorded (this run's and any earlier run's) and counts their
     * referrals' measures again, as the database superuser. Each run records about a thousand
     * sessions on the same few referrals at the top of the partners' lists; left in place they pile
     * up (stop 19 found 16,674 of them on 22 referrals, some 760 each) and every later run opens and
     * records on ever longer session lists. Triggers are off for the session, so the append-only
     * guards do not stop it; the measures' session counts are then recomputed as the trigger would.
     */
    static void removeRecordedSessions(String superuserUrl) throws java.sql.SQLException {
        try (java.sql.Connection superuser = java.sql.DriverManager.getConnection(superuserUrl);
             java.sql.Statement sql = superuser.createStatement()) {
            superuser.setAutoCommit(false);
            sql.execute("SET LOCAL session_replication_role = replica");
            try (java.sql.PreparedStatement mine = superuser.prepareStatement("CREATE TEMP TABLE load_session ON COMMIT DROP AS"
                    + " SELECT agency_tenant_id, id, referral_id FROM delivered_session WHERE notes = ?")) {
                mine.setString(1, SESSION_NOTE);
                mine.execute();
            }
            int removed = sql.executeUpdate("DELETE FROM delivered_session d USING load_session l"
                    + " WHERE d.agency_tenant_id = l.agency_tenant_id AND d.id = l.id");
            sql.executeUpdate("UPDATE referral_measure m SET sessions_attended = s.attended, sessions_late = s.late,"
                    + " sessions_missed = s.missed, first_session_on = s.first_on"
                    + " FROM (SELECT r.agency_tenant_id, r.referral_id,"
                    + "              count(d.id) FILTER (WHERE d.attendance = 'ATTENDED') AS attended,"
                    + "              count(d.id) FILTER (WHERE d.attendance = 'LATE') AS late,"
                    + "              count(d.id) FILTER (WHERE d.attendance = 'DID_NOT_ATTEND') AS missed,"
                    + "              min(d.session_date) FILTER (WHERE d.attendance IN ('ATTENDED', 'LATE')) AS first_on"
                    + "         FROM (SELECT DISTINCT agency_tenant_id, referral_id FROM load_session) r"
                    + "         LEFT JOIN delivered_session d"
                    + "           ON d.agency_tenant_id = r.agency_tenant_id AND d.referral_id = r.referral_id"
                    + "        GROUP BY r.agency_tenant_id, r.referral_id) s"
                    + " WHERE m.agency_tenant_id = s.agency_tenant_id AND m.referral_id = s.referral_id");
            superuser.commit();
            superuser.setAutoCommit(true);
            sql.execute("VACUUM (ANALYZE, INDEX_CLEANUP ON) delivered_session, referral_measure"); // no dead rows left for the next run
            System.out.printf(Locale.ROOT, "Removed the sessions the driver recorded: %d%n", removed);
        }
    }

    /**
     * The services' own times over the run ({@code ServiceTimes}, read from the portal's metrics) and,
     * when {@code reintegra.load.raw-sql} names the database (a superuser's JDBC URL), the same first
     * pages run there as plain SQL in this run: the physical limit of each query on this machine.
     */
    private void reportServiceTimes() throws Exception {
        double[] rows = rowsPerPage.stream().mapToDouble(Integer::doubleValue).toArray();
        System.out.printf(Locale.ROOT, "%nRows per first page of the grid: %.0f (of %d pages)%n",
                Arrays.stream(rows).average().orElse(0), rows.length);
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(portal.resolve("metrics?scope=application"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        Map<String, Map<String, Double>> byOperation = ServiceTimeMetrics.parse(metrics.body());
        if (byOperation.isEmpty()) {
            System.out.println("No service times in the portal's metrics (HTTP " + metrics.statusCode() + ")");
            return;
        }
        String raw = System.getProperty("reintegra.load.raw-sql", "");
        Map<String, QueryBenchmark.Timing> physical = new java.util.TreeMap<>();
        if (!raw.isBlank()) {
            int iterations = Integer.getInteger("reintegra.benchmark.iterations", 200);
            try (java.sql.Connection connection = java.sql.DriverManager.getConnection(raw)) {
                int pageRows = (int) Math.round(Arrays.stream(rows).average().orElse(QueryBenchmark.PAGE_ROWS));
                for (QueryBenchmark.Case page : QueryBenchmark.servicePageCases(SEARCH_TERMS[0], pageRows)) {
                    physical.put(page.name(), QueryBenchmark.time(connection, page, false, iterations));
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nService times (inside the portal, to the end of the transaction; the portal's"
                + " timer decays over about 5 minutes)%n");
        System.out.printf(Locale.ROOT, "%-22s %8s %9s %9s %9s   %-38s %s%n", "operation", "count", "p50 ms", "p95 ms", "p99 ms",
                "same SQL, raw (" + SEARCH_TERMS[0] + ")", "service/raw p50");
        byOperation.forEach((operation, figures) -> {
            QueryBenchmark.Timing limit = physical.get(operation);
            System.out.printf(Locale.ROOT, "%-22s %8.0f %9.1f %9.1f %9.1f   %-38s %s%n", operation,
                    figures.getOrDefault("count", 0.0), figures.getOrDefault("0.5", 0.0) * 1000,
                    figures.getOrDefault("0.95", 0.0) * 1000, figures.getOrDefault("0.99", 0.0) * 1000,
                    limit == null ? "" : String.format(Locale.ROOT, "p50 %.1f  p95 %.1f  p99 %.1f ms", limit.p50(), limit.p95(), limit.p99()),
                    limit == null ? "" : String.format(Locale.ROOT, "%.2f", figures.getOrDefault("0.5", 0.0) * 1000 / limit.p50()));
        });
    }

    /** Runs the users; answers how many signed in. */
    private int run(int users, int rampSeconds, int seconds, int threads) throws InterruptedException {
        java.util.concurrent.ScheduledExecutorService pool = java.util.concurrent.Executors.newScheduledThreadPool(threads);
        List<VirtualUser> started = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger signedIn = new AtomicInteger();
        long t0 = System.nanoTime();
        for (int i = 0; i < users; i++) {
            String[] account = ACCOUNTS[i % ACCOUNTS.length];
            long delay = (long) i * rampSeconds * 1000L / users;
            pool.schedule(() -> {
                VirtualUser user = new VirtualUser(account[0], account[1].equals("partner"));
                try {
                    user.signIn();
                    started.add(user);
                    signedIn.incrementAndGet();
                    user.next(pool);
                } catch (Exception e) {
                    errors.add("sign-in " + account[0] + ": " + e);
                }
            }, delay, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        Thread.sleep(rampSeconds * 1000L + 5000);
        System.out.printf(Locale.ROOT, "Ramp done: %d of %d users signed in after %.0f s; %d errors so far%n",
                signedIn.get(), users, (System.nanoTime() - t0) / 1e9, errors.size());
        errors.stream().limit(5).forEach(e -> System.out.println("  ramp: " + e));
        timings.clear();
        timeline.clear();
        errors.clear();
        measuredFrom = System.nanoTime();
        measuring = true;
        Thread.sleep(seconds * 1000L);
        measuring = false;
        double measured = (System.nanoTime() - measuredFrom) / 1e9;
        pool.shutdownNow();
        pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        report(measured, started.size());
        signedInUsers.addAll(started);
        return started.size();
    }

    /**
     * Signs every user of the run out of the portal ({@code /signout} ends the HTTP session and with it
     * the Vaadin session), so the heap can be measured again without them: the difference is what the
     * sessions held. Keycloak is not told; its sessions do not live in the portal.
     */
    private int signOutAll() {
        int signedOut = 0;
        for (VirtualUser user : signedInUsers) {
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(portal.resolve("signout"))
                        .header("Cookie", user.cookies).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() < 400) {
                    signedOut++;
                }
            } catch (IOException e) {
                System.out.println("  sign-out " + user.username + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return signedOut;
    }

    private void report(double seconds, int users) {
        System.out.printf(Locale.ROOT, "%n%d users, measured for %.0f s after the ramp%n", users, seconds);
        System.out.printf(Locale.ROOT, "%-16s %8s %9s %9s %9s %9s %8s%n", "interaction", "count", "p50 ms", "p95 ms",
                "p99 ms", "max ms", "per s");
        List<Double> all = new ArrayList<>();
        for (String step : List.of("inbox", "search", "open", "record dialog", "record save", "poll", "driver lag")) {
            Timings t = timings.get(step);
            if (t == null) {
                continue;
            }
            double[] ms = t.sorted();
            if (!step.equals("poll") && !step.equals("driver lag")) {
                Arrays.stream(ms).forEach(all::add);
            }
            System.out.printf(Locale.ROOT, "%-16s %8d %9.1f %9.1f %9.1f %9.1f %8.1f%n", step, ms.length, p(ms, 0.5),
                    p(ms, 0.95), p(ms, 0.99), ms[ms.length - 1], ms.length / seconds);
        }
        double[] every = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (every.length > 0) {
            System.out.printf(Locale.ROOT, "%-16s %8d %9.1f %9.1f %9.1f %9.1f %8.1f%n", "all (no polls)", every.length, p(every, 0.5),
                    p(every, 0.95), p(every, 0.99), every[every.length - 1], every.length / seconds);
        }
        System.out.println("Timeline (steps by the 10 s in which they ended; a tail confined to a few slices is a pause, not a queue)");
        System.out.printf(Locale.ROOT, "%-10s %8s %9s %9s %9s%n", "from s", "count", "p50 ms", "p95 ms", "max ms");
        timeline.keySet().stream().sorted().forEach(slice -> {
            double[] ms = timeline.get(slice).sorted();
            System.out.printf(Locale.ROOT, "%-10d %8d %9.1f %9.1f %9.1f%n", slice * 10, ms.length, p(ms, 0.5), p(ms, 0.95),
                    ms[ms.length - 1]);
        });
        String slowLog = System.getProperty("reintegra.load.slow-log", "");
        if (!slowLog.isBlank()) {
            try {
                java.nio.file.Files.write(java.nio.file.Path.of(slowLog), slowSteps.stream().sorted().toList());
                System.out.printf("Steps of %d ms or more: %d, in %s%n", SLOW_MS, slowSteps.size(), slowLog);
            } catch (IOException e) {
                System.out.println("The slow steps could not be written to " + slowLog + ": " + e.getMessage());
            }
        }
        System.out.printf("Errors: %d%n", errors.size());
        errors.stream().collect(Collectors.groupingBy(e -> e.length() > 160 ? e.substring(0, 160) : e, Collectors.counting()))
                .forEach((e, n) -> System.out.println("  " + n + " x " + e));
    }

    private static double p(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private void record(String step, long startedNanos) {
        if (measuring) {
            long now = System.nanoTime();
            double millis = (now - startedNanos) / 1e6;
            timings.computeIfAbsent(step, s -> new Timings()).add(millis);
            if (!step.equals("poll") && !step.equals("driver lag")) {
                int slice = (int) ((now - measuredFrom) / 10_000_000_000L);
                timeline.computeIfAbsent(slice, s -> new Timings()).add(millis);
                if (millis >= SLOW_MS) {
                    slowSteps.add(String.format(Locale.ROOT, "%s %s %.1f", java.time.Instant.now(), step, millis));
                }
            }
        }
    }

    private static final class Timings {
        private final ConcurrentLinkedQueue<Double> values = new ConcurrentLinkedQueue<>();

        void add(double millis) {
            values.add(millis);
        }

        double[] sorted() {
            return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        }
    }

    /** One person at one browser tab. */
    private final class VirtualUser {
        private final String username;
        private final boolean partner;
        private String cookies;
        private String csrf;
        private int uiId;
        private long syncId;
        private long clientId;
        private int promise;
        private final Map<String, Integer> nodes = new HashMap<>();
        private final List<String> gridKeys = new ArrayList<>();
        private final List<JsonObject> pending = new ArrayList<>();
        private long nextPoll;

        VirtualUser(String username, boolean partner) {
            this.username = username;
            this.partner = partner;
        }

        /**
         * The authorisation-code flow through Keycloak's two-step login form, then the UI's first load.
         * The first sign-in of an account runs alone; the others reuse its single sign-on.
         */
        void signIn() throws IOException, InterruptedException {
            if (!singleSignOn.containsKey(username)) {
                synchronized (firstSignIns.computeIfAbsent(username, u -> new Object())) {
                    authenticate();
                }
            } else {
                authenticate();
            }
        }

        private void authenticate() throws IOException, InterruptedException {
            CookieManager jar = new LoopbackCookies();
            List<HttpCookie> sso = singleSignOn.get(username);
            if (sso != null) {
                for (HttpCookie cookie : sso) {
                    jar.getCookieStore().add(null, cookie);
                }
            }
            HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(jar)
                    .followRedirects(HttpClient.Redirect.ALWAYS)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> page = browser.send(HttpRequest.newBuilder(portal).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            for (int form = 0; form < 2 && page.uri().getPath().contains("/realms/"); form++) {
                Matcher action = FORM_ACTION.matcher(page.body());
                if (!action.find()) {
                    throw new IOException("no login form at " + page.uri());
                }
                String field = page.body().contains("name=\"password\"") ? "password=demo" : "username=" + username;
                if (page.body().contains("name=\"password\"") && page.body().contains("name=\"username\"")) {
                    field = "username=" + username + "&password=demo";
                }
                page = browser.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(field + "&credentialId=")).build(),
                        HttpResponse.BodyHandlers.ofString());
            }
            if (page.statusCode() != 200 || !page.uri().getPath().equals(portal.getPath())) {
                throw new IOException("sign-in ended at " + page.uri() + " (" + page.statusCode() + ")");
            }
            singleSignOn.computeIfAbsent(username, u -> jar.getCookieStore().getCookies().stream()
                    .filter(c -> c.getPath() != null && c.getPath().startsWith("/realms")).toList());
            cookies = jar.getCookieStore().get(portal).stream()
                    .filter(c -> c.getPath() == null || c.getPath().equals("/"))
                    .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
            load();
        }

        /** Loads the UI as a page load does ({@code v-r=init}) and opens the inbox. */
        private void load() throws IOException, InterruptedException {
            nodes.clear();
            gridKeys.clear();
            pending.clear();
            promise = 0;
            HttpResponse<String> init = http.send(request(portal.resolve("?v-r=init&location=&query=")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (init.statusCode() != 200) {
                throw new IOException("init answered " + init.statusCode());
            }
            JsonObject config = read(init.body()).asJsonObject().getJsonObject("appConfig");
            uiId = config.getInt("v-uiId");
            JsonObject uidl = config.getJsonObject("uidl");
            csrf = uidl.getString("Vaadin-Security-Key");
            absorb(uidl);
            inbox("sign-in", System.nanoTime());
            nextPoll = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        }

        /** Schedules this user's next step after a think time. */
        void next(java.util.concurrent.ScheduledExecutorService pool) {
            long think = ThreadLocalRandom.current().nextLong(THINK_MS[0], THINK_MS[1] + 1);
            long due = System.nanoTime() + think * 1_000_000L;
            try {
                pool.schedule(() -> {
                    record("driver lag", due);
                    try {
                        if (broken) {
                            // what a person does after an error page: load the portal again (not timed)
                            broken = false;
                            load();
                        } else {
                            step(due);
                        }
                    } catch (Exception e) {
                        broken = true;
                        if (measuring) {
                            errors.add(username + ": " + e);
                        }
                    }
                    if (!pool.isShutdown()) {
                        next(pool);
                    }
                }, think, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // the run is over
            }
        }

        /** One step, timed from {@code due}; the bell's poll, when due too, follows it. */
        private void step(long due) throws IOException, InterruptedException {
            work(due);
            if (System.nanoTime() > nextPoll) {
                long t = System.nanoTime();
                send(List.of(event(1, "ui-poll")));
                record("poll", t);
                nextPoll = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            }
        }

        private void work(long due) throws IOException, InterruptedException {
            if (!nodes.containsKey("referral-inbox") || nodes.containsKey("referral-heading") && !gridKeysFresh) {
                inbox("inbox", due);
                return;
            }
            if (!searched && SEARCH_SHARE > 0 && ThreadLocalRandom.current().nextDouble() < SEARCH_SHARE) {
                search(due);
                return;
            }
            searched = false;
            String key = gridKeys.get(ThreadLocalRandom.current().nextInt(gridKeys.size()));
            Integer grid = nodes.get("referral-inbox");
            long t = due;
            nodes.remove("referral-heading");
            nodes.remove("session-record");
            send(List.of(handler(grid, "select", Json.createValue(key)), Json.createObjectBuilder()
                    .add("type", "event").add("node", grid).add("event", "item-click")
                    .add("data", mouse("event.detail.").add("event.detail.itemKey", key)
                            .add("event.detail.internalColumnId", "col0")).build()));
            require("referral-heading", "open");
            record("open", t);
            gridKeysFresh = false;
            if (partner && nodes.containsKey("session-record")) {
                pause();
                t = System.nanoTime();
                nodes.remove("session-save");
                send(List.of(click(nodes.get("session-record"))));
                require("session-save", "record dialog");
                record("record dialog", t);
                pause();
                t = System.nanoTime();
                Integer notes = nodes.get("session-notes");
                List<JsonObject> save = new ArrayList<>();
                if (notes != null) {
                    save.add(Json.createObjectBuilder().add("type", "mSync").add("node", notes).add("feature", 1)
                            .add("property", "value").add("value", SESSION_NOTE).build());
                    save.add(event(notes, "change"));
                }
                save.add(click(nodes.get("session-save")));
                sessionsRefreshed = false;
                send(save);
                if (!sessionsRefreshed) {
                    throw new IOException("record save: the session list did not refresh (the save was refused?)");
                }
                record("record save", t);
            }
        }

        /**
         * Types a search term into the inbox's search field, as Vaadin's client sends it (the field's
         * value, synchronised): the grid's first page of matches and the tabs' counts come back.
         */
        private void search(long due) throws IOException, InterruptedException {
            Integer field = nodes.get("inbox-search");
            if (field == null) {
                throw new IOException("search: #inbox-search is not on the screen");
            }
            String term = SEARCH_TERMS[ThreadLocalRandom.current().nextInt(SEARCH_TERMS.length)];
            gridKeys.clear();
            send(List.of(Json.createObjectBuilder().add("type", "mSync").add("node", field).add("feature", 1)
                    .add("property", "value").add("value", term).build(), event(field, "value-changed")));
            if (gridKeys.isEmpty()) {
                throw new IOException("search: no rows came back for '" + term + "'");
            }
            record("search", due);
            rowsPerPage.add(gridKeys.size());
            searched = true;
            gridKeysFresh = true;
        }

        private boolean searched;
        private boolean gridKeysFresh;
        private boolean sessionsRefreshed;
        private boolean broken;

        private void inbox(String step, long due) throws IOException, InterruptedException {
            long t = due;
            nodes.remove("referral-inbox");
            gridKeys.clear();
            send(List.of(Json.createObjectBuilder().add("type", "event").add("node", 1).add("event", "ui-navigate")
                    .add("data", Json.createObjectBuilder().add("route", "").add("query", "").add("appShellTitle", "")
                            .add("historyState", Json.createObjectBuilder().add("idx", 0)).add("trigger", "")).build()));
            require("referral-inbox", step);
            if (gridKeys.isEmpty()) {
                throw new IOException(step + ": the inbox grid sent no rows");
            }
            rowsPerPage.add(gridKeys.size());
            gridKeysFresh = true;
            searched = false;
            if (!step.equals("sign-in")) {
                record(step, t);
            }
        }

        private void pause() throws InterruptedException {
            Thread.sleep(ThreadLocalRandom.current().nextLong(2000, 5001));
        }

        private void require(String elementId, String step) throws IOException {
            if (!nodes.containsKey(elementId)) {
                throw new IOException(step + ": #" + elementId + " did not arrive");
            }
        }

        /** One UIDL round trip (plus one more when the answer asks for grid updates to be confirmed). */
        private void send(List<JsonObject> rpc) throws IOException, InterruptedException {
            List<JsonObject> calls = new ArrayList<>(pending);
            pending.clear();
            calls.addAll(rpc);
            post(calls);
            if (!pending.isEmpty()) {
                List<JsonObject> confirms = new ArrayList<>(pending);
                pending.clear();
                post(confirms);
            }
        }

        private void post(List<JsonObject> calls) throws IOException, InterruptedException {
            var array = Json.createArrayBuilder();
            calls.forEach(array::add);
            String body = Json.createObjectBuilder().add("csrfToken", csrf).add("rpc", array)
                    .add("syncId", syncId).add("clientId", clientId).build().toString();
            HttpResponse<String> response = http.send(request(portal.resolve("?v-r=uidl&v-uiId=" + uiId))
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            String text = response.body();
            if (text.startsWith("for(;;);")) {
                text = text.substring("for(;;);".length());
            }
            JsonValue value = read(text);
            JsonObject message = value.getValueType() == JsonValue.ValueType.ARRAY
                    ? value.asJsonArray().getJsonObject(0) : value.asJsonObject();
            if (message.containsKey("meta")) {
                JsonObject meta = message.getJsonObject("meta");
                if (meta.containsKey("appError") || meta.containsKey("sessionExpired") || meta.containsKey("async")) {
                    throw new IOException("server meta " + meta);
                }
            }
            if (message.containsKey("resynchronize") || !message.containsKey("syncId")) {
                throw new IOException("resynchronisation asked: " + text.substring(0, Math.min(200, text.length())));
            }
            absorb(message);
        }

        /** Takes the ids the server expects next, the element ids of new nodes and the grids' data. */
        private void absorb(JsonObject message) {
            syncId = message.getJsonNumber("syncId").longValue();
            if (message.containsKey("clientId")) {
                clientId = message.getJsonNumber("clientId").longValue();
            }
            JsonArray changes = message.getJsonArray("changes");
            if (changes != null) {
                for (JsonValue change : changes) {
                    JsonObject c = change.asJsonObject();
                    if ("put".equals(c.getString("type", "")) && "id".equals(c.getString("key", ""))
                            && c.get("value") instanceof JsonString id) {
                        nodes.put(id.getString(), c.getInt("node"));
                        if (id.getString().equals("sessions-grid")) {
                            sessionsRefreshed = true;
                        }
                    }
                }
            }
            JsonArray execute = message.getJsonArray("execute");
            if (execute != null) {
                Integer inbox = nodes.get("referral-inbox");
                Integer sessions = nodes.get("sessions-grid");
                for (JsonValue call : execute) {
                    JsonArray args = call.asJsonArray();
                    String script = args.getString(args.size() - 1);
                    if (sessions != null && script.contains("$connector") && sessions.equals(node(args.get(0)))) {
                        sessionsRefreshed = true;
                    }
                    Integer target = node(args.get(0));
                    if (script.contains("$connector.confirm($1)") && target != null) {
                        pending.add(handler(target, "confirmUpdate", args.get(1)));
                    } else if (script.contains("$connector.set($1,$2)") && inbox != null && inbox.equals(target)) {
                        for (JsonValue item : args.getJsonArray(2).getJsonArray(1)) {
                            gridKeys.add(item.asJsonObject().getString("key"));
                        }
                    }
                }
            }
        }

        /** The node an argument of a server-side call refers to ({@code [0, node]}), or null. */
        private Integer node(JsonValue argument) {
            if (argument instanceof JsonArray reference && reference.size() == 2
                    && reference.get(0) instanceof JsonNumber kind && kind.intValue() == 0
                    && reference.get(1) instanceof JsonNumber node) {
                return node.intValue();
            }
            return null;
        }

        private JsonObject handler(int node, String method, JsonValue argument) {
            JsonValue arg = argument instanceof JsonNumber n ? Json.createValue(n.intValue()) : argument;
            return Json.createObjectBuilder().add("type", "publishedEventHandler").add("node", node)
                    .add("templateEventMethodName", method).add("templateEventMethodArgs", Json.createArrayBuilder().add(arg))
                    .add("promise", promise++).build();
        }

        private JsonObject click(int node) {
            return Json.createObjectBuilder().add("type", "event").add("node", node).add("event", "click")
                    .add("data", mouse("event.")).build();
        }

        /** The mouse-event data a browser's click carries (the listeners ask for all of it). */
        private jakarta.json.JsonObjectBuilder mouse(String prefix) {
            return Json.createObjectBuilder().add(prefix + "screenX", 100).add(prefix + "screenY", 500)
                    .add(prefix + "clientX", 90).add(prefix + "clientY", 400).add(prefix + "button", 0)
                    .add(prefix + "detail", 1).add(prefix + "altKey", false).add(prefix + "ctrlKey", false)
                    .add(prefix + "metaKey", false).add(prefix + "shiftKey", false);
        }

        private JsonObject event(int node, String name) {
            return Json.createObjectBuilder().add("type", "event").add("node", node).add("event", name)
                    .add("data", JsonValue.EMPTY_JSON_OBJECT).build();
        }

        private HttpRequest.Builder request(URI uri) {
            return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Cookie", cookies);
        }
    }

    /**
     * A browser's cookie jar for a loopback server: Keycloak marks its cookies Secure, and browsers send
     * those to http://127.0.0.1 (a trustworthy origin), where Java's cookie manager would not.
     */
    private static final class LoopbackCookies extends CookieManager {
        LoopbackCookies() {
            super(null, CookiePolicy.ACCEPT_ALL);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
            super.put(uri, responseHeaders);
            getCookieStore().getCookies().forEach(cookie -> cookie.setSecure(false));
        }
    }

    private static JsonValue read(String text) {
        try (var reader = JSON.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    /** The running portal's JVM, for its live heap after a full collection. */
    private record PortalHeap(long pid) {

        static PortalHeap find() {
            return ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().map(c -> c.contains("payara-micro")).orElse(false))
                    .findFirst().map(p -> new PortalHeap(p.pid()))
                    .orElseThrow(() -> new IllegalStateException("no Payara Micro process found: start the portal first"));
        }

        /** Runs a full collection in the portal and answers the bytes still in use. */
        long liveBytes() throws IOException, InterruptedException {
            jcmd("GC.run");
            String info = jcmd("GC.heap_info");
            // Serial: "def new generation total …K, used …K" and "tenured generation …"; parallel:
            // "PSYoungGen total …" and "ParOldGen total …"; G1: "garbage-first heap total …K, used …K".
            Matcher used = Pattern.compile("(?:generation|Gen|heap)\\s+total \\d+K, used (\\d+)K").matcher(info);
            long total = 0;
            boolean found = false;
            while (used.find()) {
                total += Long.parseLong(used.group(1)) * 1024;
                found = true;
            }
            // Shenandoah: "Shenandoah Heap" then "… committed, 13952K used" (unit K, M or G).
            Matcher shenandoah = Pattern.compile("committed, (\\d+)([KMG]) used").matcher(info);
            while (!found && shenandoah.find()) {
                long unit = switch (shenandoah.group(2)) {
                    case "K" -> 1024L;
                    case "M" -> 1024L * 1024;
                    default -> 1024L * 1024 * 1024;
                };
                total += Long.parseLong(shenandoah.group(1)) * unit;
                found = true;
            }
            if (!found) {
                throw new IOException("no heap figures in: " + info);
            }
            return total;
        }

        /**
         * When {@code reintegra.load.histograms} names a folder, writes the portal's class histogram
         * of live objects there ({@code <name>.txt}): with the sessions open and after they were
         * signed out, the difference is what the sessions hold, class by class.
         */
        void histogram(String name) throws IOException, InterruptedException {
            String folder = System.getProperty("reintegra.load.histograms", "");
            if (!folder.isBlank()) {
                java.nio.file.Path file = java.nio.file.Path.of(folder).resolve(name + ".txt");
                java.nio.file.Files.createDirectories(file.getParent());
                java.nio.file.Files.writeString(file, jcmd("GC.class_histogram"));
                System.out.println("Class histogram written to " + file);
            }
        }

        private String jcmd(String command) throws IOException, InterruptedException {
            Process jcmd = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid), command).redirectErrorStream(true).start();
            String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor();
            return out;
        }
    }

}
