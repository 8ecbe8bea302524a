package org.reintegra.benchmarks;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.reintegra.devstack.DatabaseSettings;
import org.reintegra.devstack.EmbeddedDatabase;
import org.reintegra.devstack.Secrets;
import org.reintegra.schema.SchemaMigration;

/**
 * Loads national-scale data into the local stack's database (issue 7): 3 agencies (the two demo
 * agencies and one more), 200 partners (the three demo partners and 197 more), 1,000,000 referrals
 * of about 700,000 clients, their status histories, 5,000,000 delivered sessions and about 6,000,000
 * audit rows, with names in Georgian, Cyrillic and Latin script. The demo users therefore see
 * national volumes.
 *
 * <p>Rows go in with {@code COPY} as the database superuser with {@code session_replication_role =
 * replica} (no row triggers, no per-row foreign-key checks: the generator writes consistent rows);
 * the plain indexes of the big tables are dropped before and built again after; the measures
 * (ADR 0007) are then computed for the new referrals in one statement, the same as the V9
 * backfill. Everything is one transaction: a failed run leaves the database as it was.
 *
 * <p>Run with the portal stopped (it uses the same database): {@code mvn -B -Pgenerate -pl
 * benchmarks -am -DskipTests verify}. The database must hold the demo tenants (start the portal
 * once before). Sizes: system properties {@code reintegra.generate.referrals} (1,000,000),
 * {@code reintegra.generate.sessions} (5,000,000) and {@code reintegra.generate.audit-rows}
 * (6,000,000, the audit trail of the last 90 days).
 */
public final class NationalDataGenerator {

    static final String[] AGENCIES = {"national-probation-agency", "penitentiary-service", "regional-probation-service"};
    static final double[] AGENCY_SHARE = {0.55, 0.30, 0.15};
    static final String[] DEMO_PARTNERS = {"justice-art-ngo", "new-path-ngo", "vocational-college"};
    static final int PARTNERS = 200;
    static final String[] CATEGORIES = {"NGO", "CLINIC", "LEGAL_AID_CENTRE", "TRAINING_CENTRE", "VOCATIONAL_COLLEGE"};
    static final String[][] PROGRAMMES = {
            {"PSYCHOSOCIAL_REHABILITATION", "LEGAL_ASSISTANCE", "HEALTHCARE_SUPPORT", "PSYCHOLOGICAL_CONSULTATION", "ART_THERAPY",
                    "ID_CARD", "TRANSPORT_CARD", "HOUSING", "BENEFITS_ADVICE"},
            {"OVERCOMING_ADDICTIONS", "ADDICTION_PROGRAMME", "PSYCHOLOGICAL_CONSULTATION"},
            {"PROSOCIAL_BEHAVIOUR", "PROSOCIAL_PROGRAMME", "SPORTS_CULTURAL_EVENTS"},
            {"EDUCATION_PROMOTION", "PROFESSIONAL_RETRAINING", "INFORMAL_EDUCATION", "LANGUAGE_AND_SUBJECT_COURSES",
                    "EMPLOYMENT_PLACEMENT"}};
    static final String[][] GIVEN = {
            {"გიორგი", "ნინო", "დავით", "თამარ", "ლევან", "მარიამ", "ირაკლი", "ეკა", "ზურაბ", "ანა", "ნიკა", "სალომე"},
            {"Айбек", "Асель", "Нурлан", "Мария", "Данияр", "Айгүл", "Ержан", "Гүлнара", "Иван", "Ольга", "Бакыт", "Жаныл"},
            {"John", "Elena", "Mihai", "Sofia", "Ahmed", "Laura", "David", "Ana", "Marko", "Irina", "Tomas", "Eva"}};
    static final String[][] FAMILY = {
            {"ბერიძე", "კაპანაძე", "ლომიძე", "გელაშვილი", "ჯაფარიძე", "ცერეთელი", "აბაშიძე", "ჩიქოვანი", "მამულაშვილი", "ხუციშვილი"},
            {"Абенов", "Иванова", "Касымов", "Токтогулова", "Жумабаев", "Сапаров", "Нурланова", "Омарова", "Петров", "Әлиев"},
            {"Tsiklauri", "Popescu", "Kvaratskhelia", "Smith", "Horvat", "Novak", "Ionescu", "Kowalski", "Müller", "Rossi"}};
    static final String[] OFFICES = {"Tbilisi central office", "Kutaisi office", "Batumi office", "Rustavi office",
            "Bishkek office", "Osh office", "Almaty office", "Astana office", "Shymkent office", "Gori office"};
    static final String[] DECLINE = {"NO_CAPACITY", "NOT_ELIGIBLE", "OUTSIDE_AREA", "CANNOT_CONTACT", "DUPLICATE"};
    static final String[] ENDED_EARLY = {"CLIENT_WITHDREW", "BREACH_OR_RECALL", "MOVED", "SENTENCE_ENDED"};
    static final String[] ABSENCE = {"ILL", "IN_CUSTODY", "WORK_OR_STUDY", "FAMILY", "NO_SHOW"};
    static final String[] LANGUAGES = {"ka", "ru", "en", "ky", "kk"};
    /** Final states of sent referrals and their shares (drafts are a share of their own). */
    static final String[] FINAL = {"SENT", "ACCEPTED", "IN_PROGRESS", "ON_HOLD", "DECLINED", "WITHDRAWN", "COMPLETED", "ENDED_EARLY"};
    static final double[] FINAL_SHARE = {0.05, 0.06, 0.27, 0.02, 0.09, 0.03, 0.36, 0.12};
    static final double DRAFT_SHARE = 0.02;
    static final long FIRST_ID = 100_000_000L;
    static final int BATCH = 20_000;
    static final int HISTORY_DAYS = 5 * 365;

    private final Connection db;
    private final CopyManager copy;
    private final SplittableRandom random = new SplittableRandom(20261128L);
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    private final List<String> partners = new ArrayList<>();
    private final List<String> partnerCategories = new ArrayList<>();
    private long clients;
    private long statusChanges;
    private long sessions;

    NationalDataGenerator(Connection db) throws SQLException {
        this.db = db;
        this.copy = db.unwrap(PGConnection.class).getCopyAPI();
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(setting("reintegra.home", System.getProperty("user.home") + "/.reintegra"));
        int port = Integer.parseInt(setting("reintegra.db.port", "25432"));
        long referrals = Long.parseLong(setting("reintegra.generate.referrals", "1000000"));
        long sessionTarget = Long.parseLong(setting("reintegra.generate.sessions", "5000000"));
        long auditRows = Long.parseLong(setting("reintegra.generate.audit-rows", "6000000"));
        Secrets secrets = Secrets.in(home);
        Instant started = Instant.now();
        try (EmbeddedDatabase database = EmbeddedDatabase.start(home.resolve("postgres"), port,
                secrets.get("reintegra.db.owner-password"), secrets.get("reintegra.db.app-password"))) {
            DatabaseSettings settings = database.settings();
            SchemaMigration.migrate(new SchemaMigration.Settings(settings.jdbcUrl(), settings.ownerUser(),
                    settings.ownerPassword(), settings.appUser()));
            try (Connection db = DriverManager.getConnection(database.superuserJdbcUrl())) {
                db.setAutoCommit(false);
                new NationalDataGenerator(db).generate(referrals, sessionTarget, auditRows); // commits
            }
        }
        System.out.printf("Generated in %s%n", format(Duration.between(started, Instant.now())));
    }

    void generate(long referrals, long sessionTarget, long auditRows) throws SQLException, IOException {
        try (Statement statement = db.createStatement()) {
            ResultSet demo = statement.executeQuery("SELECT count(*) FROM organisation WHERE id IN ('national-probation-agency',"
                    + " 'penitentiary-service', 'justice-art-ngo', 'new-path-ngo', 'vocational-college')");
            demo.next();
            if (demo.getInt(1) != 5) {
                throw new IllegalStateException("The database has no demo tenants: start the portal once"
                        + " (mvn -B -Prun -pl devstack -am -DskipTests verify), stop it, then generate.");
            }
            ResultSet existing = statement.executeQuery("SELECT count(*) FROM referral WHERE id >= " + FIRST_ID);
            existing.next();
            if (existing.getLong(1) > 0) {
                throw new IllegalStateException("Generated data is already there (referral ids from " + FIRST_ID + ").");
            }
            statement.execute("SET session_replication_role = replica");
            statement.execute("SET maintenance_work_mem = '512MB'");
            statement.execute("SET synchronous_commit = off");
        }
        Instant step = Instant.now();
        organisations();
        List<String> indexes = dropPlainIndexes("client", "referral", "referral_status_change", "delivered_session",
                "audit_event");
        long sent = referralsWithHistory(referrals, sessionTarget);
        System.out.printf("  rows: %,d clients, %,d referrals (%,d sent), %,d status changes, %,d sessions in %s%n",
                clients, referrals, sent, statusChanges, sessions, format(Duration.between(step, Instant.now())));
        step = Instant.now();
        long audited = auditTrail(referrals, auditRows);
        System.out.printf("  audit trail: %,d rows in %s%n", audited, format(Duration.between(step, Instant.now())));
        step = Instant.now();
        try (Statement statement = db.createStatement()) {
            for (String index : indexes) {
                statement.execute(index);
            }
        }
        System.out.printf("  indexes built again (%d) in %s%n", indexes.size(), format(Duration.between(step, Instant.now())));
        step = Instant.now();
        measures();
        try (Statement statement = db.createStatement()) {
            statement.execute("SET session_replication_role = origin");
            statement.execute("SELECT setval('client_id_seq', (SELECT max(id) + 50 FROM client))");
            statement.execute("SELECT setval('referral_id_seq', (SELECT max(id) + 50 FROM referral))");
            statement.execute("SELECT setval('referral_status_change_id_seq', (SELECT max(id) + 50 FROM referral_status_change))");
            statement.execute("SELECT setval('delivered_session_id_seq', (SELECT max(id) + 50 FROM delivered_session))");
            statement.execute("SELECT setval('audit_event_id_seq', (SELECT coalesce(max(id), 0) + 50 FROM audit_event))");
        }
        System.out.printf("  measures in %s%n", format(Duration.between(step, Instant.now())));
        step = Instant.now();
        db.commit();
        db.setAutoCommit(true);
        try (Statement statement = db.createStatement()) {
            statement.execute("VACUUM (ANALYZE)"); // statistics, and the visibility map for index-only scans
        }
        System.out.printf("  committed, vacuumed and analysed in %s%n", format(Duration.between(step, Instant.now())));
    }

    private void organisations() throws SQLException, IOException {
        StringBuilder rows = new StringBuilder();
        Instant now = Instant.now();
        rows.append(row(AGENCIES[2], "AGENCY", "Regional Probation Service", now, "AGENCY"));
        for (String demo : DEMO_PARTNERS) {
            partners.add(demo);
            partnerCategories.add(demo.equals("vocational-college") ? "VOCATIONAL_COLLEGE"
                    : demo.equals("new-path-ngo") ? "CLINIC" : "LEGAL_AID_CENTRE");
        }
        for (int i = partners.size(); i < PARTNERS; i++) {
            String id = String.format(Locale.ROOT, "partner-%03d", i);
            String category = CATEGORIES[i % CATEGORIES.length];
            partners.add(id);
            partnerCategories.add(category);
            rows.append(row(id, "PARTNER", "Partner organisation " + i, now, category));
        }
        copy("organisation (id, kind, name, created_at, category, version)", rows);
    }

    private static String row(String id, String kind, String name, Instant now, String category) {
        return id + '\t' + kind + '\t' + name + '\t' + now + '\t' + category + "\t1\n";
    }

    /** Clients, referrals, their status changes and sessions, streamed in batches; returns how many were sent. */
    private long referralsWithHistory(long referrals, long sessionTarget) throws SQLException, IOException {
        StringBuilder clientRows = new StringBuilder();
        StringBuilder referralRows = new StringBuilder();
        StringBuilder changeRows = new StringBuilder();
        StringBuilder sessionRows = new StringBuilder();
        long clientId = FIRST_ID;
        long changeId = FIRST_ID;
        long sessionId = FIRST_ID;
        long sent = 0;
        // sessions are spread over the referrals that deliver, about sessionTarget / deliverers each
        double deliveringShare = FINAL_SHARE[2] + FINAL_SHARE[3] + FINAL_SHARE[6] + FINAL_SHARE[7];
        double sessionsPerDelivering = sessionTarget / (referrals * (1 - DRAFT_SHARE) * deliveringShare);
        String[] lastClient = new String[AGENCIES.length];
        long[] lastClientId = new long[AGENCIES.length];
        for (long n = 0; n < referrals; n++) {
            long id = FIRST_ID + n;
            int agency = pick(AGENCY_SHARE);
            String agencyId = AGENCIES[agency];
            // about 30% of referrals are a further referral of the agency's previous client
            if (lastClient[agency] == null || random.nextDouble() >= 0.3) {
                lastClientId[agency] = clientId++;
                int script = random.nextInt(3);
                String given = GIVEN[script][random.nextInt(GIVEN[script].length)];
                String family = FAMILY[script][random.nextInt(FAMILY[script].length)];
                String reference = agencyPrefix(agency) + "-" + lastClientId[agency];
                LocalDate born = today.minusDays(18L * 365 + random.nextInt(45 * 365));
                String sex = random.nextDouble() < 0.86 ? "MALE" : "FEMALE";
                String language = LANGUAGES[script == 0 ? 0 : script == 1 ? (random.nextBoolean() ? 1 : 3 + random.nextInt(2)) : 2];
                lastClient[agency] = given + '\t' + family + '\t' + born + '\t' + sex + '\t' + language;
                clientRows.append(agencyId).append('\t').append(lastClientId[agency]).append('\t').append(reference).append('\t')
                        .append(given).append('\t').append(family).append('\t').append(born).append('\t').append(sex).append('\t')
                        .append(language).append('\t').append("2026-01-01T00:00:00Z").append("\t1\t")
                        .append((given + " " + family + " " + reference).toLowerCase(Locale.ROOT)).append('\n');
                clients++;
            }
            String[] person = lastClient[agency].split("\t");
            int partnerIndex = zipf(partners.size());
            String partner = partners.get(partnerIndex);
            String[] programme = PROGRAMMES[programmeFor(partnerCategories.get(partnerIndex))];
            String service = programme[1 + random.nextInt(programme.length - 1)];
            String reference = "R" + agencyPrefix(agency) + "-" + id;
            Instant created = today.minusDays(1 + random.nextInt(HISTORY_DAYS)).atStartOfDay(ZoneOffset.UTC).toInstant()
                    .plusSeconds(8 * 3600 + random.nextInt(9 * 3600));
            boolean draft = random.nextDouble() < DRAFT_SHARE;
            String status = draft ? "DRAFT" : FINAL[pick(FINAL_SHARE)];
            Instant sentAt = draft ? null : created.plusSeconds(600 + random.nextInt(3 * 86400));
            Instant moment = sentAt == null ? created : sentAt;
            String officer = "officer-" + agency + "-" + random.nextInt(400);
            String caseworker = null;
            if (!draft) {
                sent++;
                changeRows.append(change(agencyId, partner, changeId++, id, "DRAFT", "SENT", "SEND", officer, agencyId, sentAt, null));
                if (!status.equals("SENT") && !status.equals("WITHDRAWN") && !status.equals("DECLINED")) {
                    caseworker = "caseworker-" + partnerIndex + "-" + random.nextInt(20);
                    moment = moment.plusSeconds(3600 + (long) (random.nextDouble() * random.nextDouble() * 10 * 86400));
                    changeRows.append(change(agencyId, partner, changeId++, id, "SENT", "ACCEPTED", "ACCEPT", caseworker, partner, moment, null));
                }
                if (status.equals("DECLINED")) {
                    moment = moment.plusSeconds(3600 + random.nextInt(7 * 86400));
                    changeRows.append(change(agencyId, partner, changeId++, id, "SENT", "DECLINED", "DECLINE", "caseworker-" + partnerIndex,
                            partner, moment, DECLINE[random.nextInt(DECLINE.length)]));
                } else if (status.equals("WITHDRAWN")) {
                    moment = moment.plusSeconds(3600 + random.nextInt(20 * 86400));
                    changeRows.append(change(agencyId, partner, changeId++, id, "SENT", "WITHDRAWN", "WITHDRAW", officer, agencyId, moment,
                            "CLIENT_WITHDREW"));
                } else if (!status.equals("SENT") && !status.equals("ACCEPTED")) {
                    // delivering: sessions from a first one a few days after acceptance
                    LocalDate day = moment.atZone(ZoneOffset.UTC).toLocalDate().plusDays(2 + random.nextInt(14));
                    changeRows.append(change(agencyId, partner, changeId++, id, "ACCEPTED", "IN_PROGRESS", "START", caseworker, partner,
                            day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(10 * 3600), null));
                    int count = Math.max(1, (int) Math.round(sessionsPerDelivering * (0.3 + 1.4 * random.nextDouble())));
                    boolean group = random.nextDouble() < 0.3;
                    for (int s = 0; s < count; s++) {
                        boolean future = day.isAfter(today);
                        double r = random.nextDouble();
                        String attendance = future ? "PLANNED" : r < 0.76 ? "ATTENDED" : r < 0.85 ? "LATE" : "DID_NOT_ATTEND";
                        String absence = attendance.equals("DID_NOT_ATTEND") ? ABSENCE[random.nextInt(ABSENCE.length)] : null;
                        sessionRows.append(agencyId).append('\t').append(partner).append('\t').append(sessionId++).append('\t')
                                .append(id).append("\t\\N\t").append(day).append('\t').append(group ? 90 : 60).append('\t')
                                .append(group ? "GROUP" : "INDIVIDUAL").append('\t').append(service).append('\t').append(caseworker)
                                .append('\t').append(attendance).append('\t').append(absence == null ? "\\N" : absence)
                                .append("\tf\t").append(caseworker).append('\t').append(day.atStartOfDay(ZoneOffset.UTC).toInstant()
                                        .plusSeconds(17 * 3600)).append("\t1\n");
                        sessions++;
                        day = day.plusDays(3 + random.nextInt(8));
                    }
                    Instant last = day.atStartOfDay(ZoneOffset.UTC).toInstant();
                    if (status.equals("ON_HOLD")) {
                        changeRows.append(change(agencyId, partner, changeId++, id, "IN_PROGRESS", "ON_HOLD", "PUT_ON_HOLD", caseworker,
                                partner, last, null));
                        moment = last;
                    } else if (status.equals("COMPLETED") || status.equals("ENDED_EARLY")) {
                        boolean completed = status.equals("COMPLETED");
                        changeRows.append(change(agencyId, partner, changeId++, id, "IN_PROGRESS", status, completed ? "COMPLETE" : "END_EARLY",
                                caseworker, partner, last, completed ? null : ENDED_EARLY[random.nextInt(ENDED_EARLY.length)]));
                        moment = last;
                    } else {
                        moment = day.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                    }
                }
            }
            if (moment.isAfter(Instant.now())) {
                moment = Instant.now().minusSeconds(random.nextInt(86400));
            }
            referralRows.append(agencyId).append('\t').append(partner).append('\t').append(id).append('\t').append(reference)
                    .append('\t').append(lastClientId[agency]).append('\t').append(person[0]).append('\t').append(person[1])
                    .append('\t').append(person[2]).append('\t').append(person[3]).append('\t').append(person[4]).append('\t')
                    .append(programme[0]).append('\t').append(service).append('\t')
                    .append("Referred for ").append(service.toLowerCase(Locale.ROOT).replace('_', ' ')).append(".\t")
                    .append("\\N\t").append(random.nextDouble() < 0.3 ? "IN_CUSTODY" : "IN_COMMUNITY").append('\t')
                    .append(OFFICES[(agency * 4 + random.nextInt(4)) % OFFICES.length]).append('\t').append(officer).append('\t')
                    .append(caseworker == null ? "\\N" : caseworker).append('\t').append(status).append('\t')
                    .append(created).append('\t').append(sentAt == null ? "\\N" : sentAt.toString()).append('\t').append(moment)
                    .append("\t1\t").append((person[0] + " " + person[1] + " " + reference).toLowerCase(Locale.ROOT)).append('\t')
                    .append("ENGAGES_WITH_SERVICE,WELLBEING_IMPROVED").append('\t').append(draft ? "\\N" : "COURT_ORDER").append('\t')
                    .append(moment).append('\n');
            if ((n + 1) % BATCH == 0 || n + 1 == referrals) {
                copy("client (tenant_id, id, reference, given_name, family_name, date_of_birth, sex, preferred_language,"
                        + " created_at, version, search_key)", clientRows);
                copy("referral (agency_tenant_id, partner_tenant_id, id, reference, client_id, client_given_name,"
                        + " client_family_name, client_date_of_birth, client_sex, client_preferred_language, programme_area,"
                        + " service_type, reason_for_referral, risk_summary, custody_status, sending_office, sending_officer,"
                        + " assigned_caseworker, status, created_at, sent_at, status_changed_at, version, search_key,"
                        + " desired_outcomes, legal_basis, changed_at)", referralRows);
                copy("referral_status_change (agency_tenant_id, partner_tenant_id, id, referral_id, from_status, to_status,"
                        + " command, changed_by, changed_by_tenant, changed_at, reason_code, visible_to_partner)", changeRows);
                copy("delivered_session (agency_tenant_id, partner_tenant_id, id, referral_id, group_id, session_date,"
                        + " duration_minutes, format, service_type, delivered_by, attendance, absence_reason, concern,"
                        + " recorded_by, recorded_at, version)", sessionRows);
                if ((n + 1) % (BATCH * 10) == 0) {
                    System.out.printf("  %,d referrals ...%n", n + 1);
                }
            }
        }
        return sent;
    }

    private String change(String agency, String partner, long id, long referral, String from, String to, String command,
                          String by, String byTenant, Instant at, String reason) {
        statusChanges++;
        return agency + '\t' + partner + '\t' + id + '\t' + referral + '\t' + from + '\t' + to + '\t' + command + '\t' + by + '\t'
                + byTenant + '\t' + at + '\t' + (reason == null ? "\\N" : reason) + "\tt\n";
    }

    /** Days back the generated audit trail reaches. */
    static final int AUDIT_DAYS = 90;

    /**
     * An audit trail of the last {@value #AUDIT_DAYS} days, as the portal writes it (one row per
     * referral listed, opened or changed, AuditTrail): about {@code rows} rows about random generated
     * referrals at random moments, half by the agency's staff and half by the partner's (sent referrals
     * only, shared with the agency as schema V19's trigger would mark them: it does not run here),
     * 85% list rows, 12% reads, 3% changes. Every eighth agency row of the national agency is
     * officer.nino's, every fourth partner row of Justice &amp; Art lawyer.tamar's, so the demo users
     * see their own trail. Written in one statement in the database, with the plain indexes dropped.
     */
    private long auditTrail(long referrals, long rows) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute("SELECT setseed(0.2026)");
            return statement.executeUpdate("""
                    INSERT INTO audit_event (tenant_id, id, occurred_at, actor, action, referral_id, client_id, fields, purpose,
                                             shared_with_agency)
                    SELECT CASE WHEN p.by_partner THEN r.partner_tenant_id ELSE r.agency_tenant_id END,
                           base.first_id + p.n, p.occurred_at,
                           CASE WHEN p.by_partner AND r.partner_tenant_id = 'justice-art-ngo' AND p.n %% 4 = 0 THEN 'lawyer.tamar'
                                WHEN p.by_partner THEN 'staff.' || (p.n %% 12)
                                WHEN r.agency_tenant_id = 'national-probation-agency' AND p.n %% 8 = 0 THEN 'officer.nino'
                                ELSE 'officer.' || (p.n %% 40) END,
                           CASE WHEN p.kind < 0.85 THEN 'LIST' WHEN p.kind < 0.97 THEN 'READ' ELSE 'CHANGE' END,
                           r.id, r.client_id,
                           CASE WHEN p.kind < 0.85 THEN 'client.name,programme,service,status,dates'
                                WHEN p.kind < 0.97 THEN 'client.name,client.dateOfBirth,programme,service,status,history'
                                ELSE 'status' END,
                           CASE WHEN p.kind < 0.85 THEN 'referral inbox' WHEN p.kind < 0.97 THEN 'referral details'
                                ELSE 'referral accept' END,
                           CASE WHEN p.by_partner THEN r.agency_tenant_id END
                      FROM (SELECT n, %1$d + floor(random() * %2$d)::bigint AS referral_id, random() < 0.5 AS by_partner,
                                   random() AS kind, now() - random() * interval '%3$d days' AS occurred_at
                              FROM generate_series(1, %4$d) AS n) p
                      JOIN referral r ON r.id = p.referral_id
                     CROSS JOIN (SELECT coalesce(max(id), 0) + 1 AS first_id FROM audit_event) base
                     WHERE NOT p.by_partner OR r.sent_at IS NOT NULL""".formatted(FIRST_ID, referrals, AUDIT_DAYS, rows));
        }
    }

    /** The referral_measure rows of the generated referrals, computed as the V9 backfill does. */
    private void measures() throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute("""
                    INSERT INTO referral_measure (agency_tenant_id, partner_tenant_id, referral_id, sending_office, programme_area,
                                                  service_type, client_sex, age_band, status, sent_at, sent_on, accepted_at,
                                                  declined_at, decline_reason, withdrawn_at, concluded_at, conclusion,
                                                  ended_early_reason, first_session_on, sessions_attended, sessions_late,
                                                  sessions_missed)
                    SELECT r.agency_tenant_id, r.partner_tenant_id, r.id, r.sending_office, r.programme_area, r.service_type,
                           r.client_sex, age_band(r.client_date_of_birth, (r.sent_at AT TIME ZONE 'UTC')::date), r.status,
                           r.sent_at, (r.sent_at AT TIME ZONE 'UTC')::date, h.accepted_at, h.declined_at, h.decline_reason,
                           h.withdrawn_at, h.concluded_at, h.conclusion, h.ended_early_reason,
                           s.first_on, coalesce(s.attended, 0), coalesce(s.late, 0), coalesce(s.missed, 0)
                      FROM referral r
                      JOIN (SELECT agency_tenant_id, referral_id,
                                   min(changed_at) FILTER (WHERE to_status = 'ACCEPTED') AS accepted_at,
                                   max(changed_at) FILTER (WHERE to_status = 'DECLINED') AS declined_at,
                                   max(reason_code) FILTER (WHERE to_status = 'DECLINED') AS decline_reason,
                                   max(changed_at) FILTER (WHERE to_status = 'WITHDRAWN') AS withdrawn_at,
                                   max(changed_at) FILTER (WHERE to_status IN ('COMPLETED', 'ENDED_EARLY')) AS concluded_at,
                                   max(to_status) FILTER (WHERE to_status IN ('COMPLETED', 'ENDED_EARLY')) AS conclusion,
                                   max(reason_code) FILTER (WHERE to_status = 'ENDED_EARLY') AS ended_early_reason
                              FROM referral_status_change WHERE referral_id >= %1$d
                             GROUP BY agency_tenant_id, referral_id) h
                        ON h.agency_tenant_id = r.agency_tenant_id AND h.referral_id = r.id
                      LEFT JOIN (SELECT agency_tenant_id, referral_id,
                                        count(*) FILTER (WHERE attendance = 'ATTENDED') AS attended,
                                        count(*) FILTER (WHERE attendance = 'LATE') AS late,
                                        count(*) FILTER (WHERE attendance = 'DID_NOT_ATTEND') AS missed,
                                        min(session_date) FILTER (WHERE attendance IN ('ATTENDED', 'LATE')) AS first_on
                                   FROM delivered_session WHERE referral_id >= %1$d
                                  GROUP BY agency_tenant_id, referral_id) s
                        ON s.agency_tenant_id = r.agency_tenant_id AND s.referral_id = r.id
                     WHERE r.id >= %1$d AND r.sent_at IS NOT NULL
                    """.formatted(FIRST_ID));
        }
    }

    /** Drops the tables' plain (non-constraint) indexes and returns the statements that build them again. */
    private List<String> dropPlainIndexes(String... tables) throws SQLException {
        List<String> definitions = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (Statement statement = db.createStatement()) {
            ResultSet rows = statement.executeQuery("""
                    SELECT i.indexname, i.indexdef FROM pg_indexes i
                     WHERE i.schemaname = 'public' AND i.tablename = ANY ('{%s}')
                       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
                    """.formatted(String.join(",", tables)));
            while (rows.next()) {
                names.add(rows.getString(1));
                definitions.add(rows.getString(2));
            }
            for (String name : names) {
                statement.execute("DROP INDEX " + name);
            }
        }
        return definitions;
    }

    private void copy(String target, StringBuilder rows) throws SQLException, IOException {
        if (rows.length() > 0) {
            copy.copyIn("COPY " + target + " FROM STDIN", new StringReader(rows.toString()));
            rows.setLength(0);
        }
    }

    private int pick(double[] shares) {
        double r = random.nextDouble();
        for (int i = 0; i < shares.length - 1; i++) {
            r -= shares[i];
            if (r < 0) {
                return i;
            }
        }
        return shares.length - 1;
    }

    /** A partner index with a long tail: a few large partners, many small ones (u^2.2: the first 10% get about a third). */
    private int zipf(int n) {
        double u = random.nextDouble();
        return Math.min(n - 1, (int) Math.floor(n * Math.pow(u, 2.2)));
    }

    private static int programmeFor(String category) {
        return switch (category) {
            case "CLINIC" -> 1;
            case "TRAINING_CENTRE" -> 2;
            case "VOCATIONAL_COLLEGE" -> 3;
            default -> 0;
        };
    }

    private static String agencyPrefix(int agency) {
        return switch (agency) {
            case 0 -> "NPA";
            case 1 -> "PEN";
            default -> "RPS";
        };
    }

    static String format(Duration duration) {
        return String.format(Locale.ROOT, "%d min %02d s", duration.toMinutes(), duration.toSecondsPart());
    }

    private static String setting(String key, String defaultValue) {
        String fromProperty = System.getProperty(key);
        if (fromProperty != null && !fromProperty.isBlank()) {
            return fromProperty;
        }
        String fromEnvironment = System.getenv(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        return fromEnvironment == null || fromEnvironment.isBlank() ? defaultValue : fromEnvironment;
    }
}
