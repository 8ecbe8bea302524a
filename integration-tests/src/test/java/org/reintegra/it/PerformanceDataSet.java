package org.reintegra.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A fixed set of fourteen referrals of the National Probation Agency, all sent from one office of
 * their own ({@value #OFFICE}), so that the dashboard filtered to that office shows exactly them.
 * Eight go to a partner made for this test (North Star Mentoring), six to Justice &amp; Art NGO
 * (for clients that partner already serves, so no other test's list changes). Written as rows with
 * the superuser, through the same triggers that keep the measures current for the portal. Dates are
 * relative to today, so the dashboard's default period (the last twelve months) holds them.
 *
 * <pre>
 *  #  partner  sex age  path                                   accept  sessions (A/L/M, first)  ratings  enrolment  card
 *  1  North    M   30   accepted, in progress, COMPLETED        24 h    2/1/1, day 3             A A      COMPLETED  -
 *  2  North    M   41   accepted, in progress, COMPLETED        48 h    3/0/0, day 4             A P      CONFIRMED  -
 *  3  North    M   25   accepted, in progress, ENDED_EARLY(CW)  72 h    1/0/2, day 8             N        -          -
 *  4  North    F   31   accepted, in progress, COMPLETED        96 h    2/0/0, day 7             A        DECLINED   transport
 *  5  North    F   56   accepted                                120 h   0/0/2                    -        -          -
 *  6  North    M   65   DECLINED (no capacity)
 *  7  North    M   19   DECLINED (no capacity)
 *  8  North    F   26   sent, waiting
 *  9  Justice  M   33   accepted, in progress, COMPLETED        24 h    4/0/0, day 5             A        -          ID card
 * 10  Justice  M   37   accepted, in progress, ENDED_EARLY(BR)  48 h    1/1/0, day 6             P        -          -
 * 11  Justice  F   33   accepted, in progress, COMPLETED        144 h   2/0/0, day 9             A A      -          -
 * 12  Justice  M   50   DECLINED (not eligible)
 * 13  Justice  F   25   accepted                                24 h
 * 14  Justice  M   45   WITHDRAWN by the agency after sending
 * </pre>
 */
final class PerformanceDataSet {

    static final String OFFICE = "Rustavi test office";
    static final String NORTH_STAR = "it-perf-north-star";
    static final String NORTH_STAR_NAME = "North Star Mentoring";
    static final String AGENCY = "national-probation-agency";
    static final String JUSTICE_ART = "justice-art-ngo";

    /** One referral of the table above. */
    private record Row(int number, String partner, String sex, int age, String[] path, int acceptHours,
                       int attended, int late, int missed, int firstSessionDay, String[] ratings, String enrolment,
                       String card) {
    }

    private static final String[] COMPLETED = {"ACCEPTED", "IN_PROGRESS", "COMPLETED"};
    private static final String[] NONE = {};

    private static final List<Row> ROWS = List.of(
            new Row(1, NORTH_STAR, "MALE", 30, COMPLETED, 24, 2, 1, 1, 3, new String[] {"ACHIEVED", "ACHIEVED"}, "COMPLETED", null),
            new Row(2, NORTH_STAR, "MALE", 41, COMPLETED, 48, 3, 0, 0, 4, new String[] {"ACHIEVED", "PARTLY_ACHIEVED"}, "CONFIRMED", null),
            new Row(3, NORTH_STAR, "MALE", 25, new String[] {"ACCEPTED", "IN_PROGRESS", "ENDED_EARLY:CLIENT_WITHDREW"}, 72,
                    1, 0, 2, 8, new String[] {"NOT_ACHIEVED"}, null, null),
            new Row(4, NORTH_STAR, "FEMALE", 31, COMPLETED, 96, 2, 0, 0, 7, new String[] {"ACHIEVED"}, "DECLINED", "TRANSPORT_CARD"),
            new Row(5, NORTH_STAR, "FEMALE", 56, new String[] {"ACCEPTED"}, 120, 0, 0, 2, 0, NONE, null, null),
            new Row(6, NORTH_STAR, "MALE", 65, new String[] {"DECLINED:NO_CAPACITY"}, 0, 0, 0, 0, 0, NONE, null, null),
            new Row(7, NORTH_STAR, "MALE", 19, new String[] {"DECLINED:NO_CAPACITY"}, 0, 0, 0, 0, 0, NONE, null, null),
            new Row(8, NORTH_STAR, "FEMALE", 26, NONE, 0, 0, 0, 0, 0, NONE, null, null),
            new Row(9, JUSTICE_ART, "MALE", 33, COMPLETED, 24, 4, 0, 0, 5, new String[] {"ACHIEVED"}, null, "ID_CARD"),
            new Row(10, JUSTICE_ART, "MALE", 37, new String[] {"ACCEPTED", "IN_PROGRESS", "ENDED_EARLY:BREACH_OR_RECALL"}, 48,
                    1, 1, 0, 6, new String[] {"PARTLY_ACHIEVED"}, null, null),
            new Row(11, JUSTICE_ART, "FEMALE", 33, COMPLETED, 144, 2, 0, 0, 9, new String[] {"ACHIEVED", "ACHIEVED"}, null, null),
            new Row(12, JUSTICE_ART, "MALE", 50, new String[] {"DECLINED:NOT_ELIGIBLE"}, 0, 0, 0, 0, 0, NONE, null, null),
            new Row(13, JUSTICE_ART, "FEMALE", 25, new String[] {"ACCEPTED"}, 24, 0, 0, 0, 0, NONE, null, null),
            new Row(14, JUSTICE_ART, "MALE", 45, new String[] {"WITHDRAWN:OTHER"}, 0, 0, 0, 0, 0, NONE, null, null));

    private PerformanceDataSet() {
    }

    /** Writes the data set once (a second call finds the partner and does nothing). */
    static void load(String superuserJdbcUrl) throws SQLException {
        try (Connection db = DriverManager.getConnection(superuserJdbcUrl)) {
            db.setAutoCommit(false);
            if (exists(db)) {
                return;
            }
            run(db, "SELECT set_config('app.tenant_id', ?, true)", AGENCY);
            run(db, "INSERT INTO organisation (id, kind, name, created_at, version, category)"
                    + " VALUES (?, 'PARTNER', ?, now(), 1, 'NGO')", NORTH_STAR, NORTH_STAR_NAME);
            List<long[]> justiceClients = clients(db, "SELECT c.id FROM client c WHERE c.tenant_id = '" + AGENCY
                    + "' AND c.family_name IN ('Tsiklauri', 'Popescu', 'ბერიძე') ORDER BY c.id");
            List<long[]> anyClients = clients(db, "SELECT c.id FROM client c WHERE c.tenant_id = '" + AGENCY
                    + "' ORDER BY c.id");
            Instant base = LocalDate.now(ZoneOffset.UTC).minusDays(60).atTime(9, 0).toInstant(ZoneOffset.UTC);
            for (Row row : ROWS) {
                List<long[]> pool = row.partner().equals(JUSTICE_ART) ? justiceClients : anyClients;
                write(db, row, pool.get(row.number() % pool.size())[0], base.plus(row.number() - 1, ChronoUnit.DAYS));
            }
            db.commit();
        }
    }

    private static boolean exists(Connection db) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT 1 FROM organisation WHERE id = ?")) {
            query.setString(1, NORTH_STAR);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static List<long[]> clients(Connection db, String sql) throws SQLException {
        List<long[]> ids = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                ids.add(new long[] {rows.getLong(1)});
            }
        }
        return ids;
    }

    private static void write(Connection db, Row row, long clientId, Instant sent) throws SQLException {
        LocalDate sentOn = sent.atZone(ZoneOffset.UTC).toLocalDate();
        // born half a year away from a birthday, so the age band never depends on the day the test runs
        LocalDate born = sentOn.minusYears(row.age()).minusMonths(6);
        boolean justice = row.partner().equals(JUSTICE_ART);
        String status = row.path().length == 0 ? "SENT" : row.path()[row.path().length - 1].split(":")[0];
        Instant last = sent;
        long referral = nextval(db, "referral_id_seq");
        run(db, """
                INSERT INTO referral (agency_tenant_id, partner_tenant_id, id, reference, client_id, client_given_name,
                    client_family_name, client_date_of_birth, client_sex, programme_area, service_type, sending_office,
                    sending_officer, status, created_at, sent_at, status_changed_at, version, search_key, desired_outcomes,
                    changed_at, assigned_caseworker)
                SELECT ?, ?, ?, ?, c.id, c.given_name, c.family_name, ?, ?, ?, ?, ?, 'officer.nino', ?, ?, ?, ?, 1,
                       lower(c.given_name || ' ' || c.family_name || ' ' || ?), 'WELLBEING_IMPROVED', ?, ?
                  FROM client c WHERE c.tenant_id = ? AND c.id = ?""",
                AGENCY, row.partner(), referral, "RUS-PERF-" + row.number(), java.sql.Date.valueOf(born), row.sex(),
                justice ? "PROSOCIAL_BEHAVIOUR" : "PSYCHOSOCIAL_REHABILITATION",
                justice ? "ART_THERAPY" : "PSYCHOLOGICAL_CONSULTATION", OFFICE, status, ts(sent.minusSeconds(3600)),
                ts(sent), ts(sent), "RUS-PERF-" + row.number(), ts(sent),
                row.acceptHours() > 0 ? (justice ? "lawyer.tamar" : "mentor.north") : null, AGENCY, clientId);
        change(db, row, referral, null, "SENT", "SEND", null, sent);
        String from = "SENT";
        for (String step : row.path()) {
            String to = step.split(":")[0];
            String reason = step.contains(":") ? step.split(":")[1] : null;
            Instant at = switch (to) {
                case "ACCEPTED" -> sent.plus(row.acceptHours(), ChronoUnit.HOURS);
                case "IN_PROGRESS" -> sent.plus(row.firstSessionDay(), ChronoUnit.DAYS);
                case "DECLINED", "WITHDRAWN" -> sent.plus(2, ChronoUnit.DAYS);
                default -> sent.plus(20, ChronoUnit.DAYS);
            };
            String command = switch (to) {
                case "ACCEPTED" -> "ACCEPT";
                case "IN_PROGRESS" -> "START";
                case "DECLINED" -> "DECLINE";
                case "WITHDRAWN" -> "WITHDRAW";
                case "COMPLETED" -> "COMPLETE";
                default -> "END_EARLY";
            };
            change(db, row, referral, from, to, command, reason, at);
            from = to;
            last = at;
        }
        run(db, "UPDATE referral SET status_changed_at = ?, changed_at = ? WHERE agency_tenant_id = ? AND id = ?",
                ts(last), ts(last), AGENCY, referral);
        int day = row.firstSessionDay();
        for (int i = 0; i < row.attended(); i++) {
            session(db, row, referral, sentOn.plusDays(day + 7L * i), "ATTENDED");
        }
        for (int i = 0; i < row.late(); i++) {
            session(db, row, referral, sentOn.plusDays(day + 1 + 7L * i), "LATE");
        }
        for (int i = 0; i < row.missed(); i++) {
            // missed sessions fall after the first attended one, or are all there is
            session(db, row, referral, sentOn.plusDays(day + 2 + 7L * i), "DID_NOT_ATTEND");
        }
        if (row.enrolment() != null) {
            run(db, """
                    INSERT INTO enrolment (agency_tenant_id, partner_tenant_id, id, referral_id, intake_id, course_title,
                        starts_on, status, certificate_number, reason_code, changed_by, changed_at, version)
                    VALUES (?, ?, nextval('enrolment_id_seq'), ?, 0, 'Mentoring course', ?, ?, ?, ?, 'mentor.north', ?, 1)""",
                    AGENCY, row.partner(), referral, java.sql.Date.valueOf(sentOn.plusDays(10)), row.enrolment(),
                    "COMPLETED".equals(row.enrolment()) ? "CERT-" + row.number() : null,
                    "DECLINED".equals(row.enrolment()) ? "CLIENT_DECLINED" : null, ts(sent.plus(9, ChronoUnit.DAYS)));
        }
        if (row.card() != null) {
            run(db, """
                    INSERT INTO card_milestone (agency_tenant_id, partner_tenant_id, id, referral_id, card_type, requested_on,
                        issued_on, document_number, recorded_by, version)
                    VALUES (?, ?, nextval('card_milestone_id_seq'), ?, ?, ?, ?, ?, 'mentor.north', 1)""",
                    AGENCY, row.partner(), referral, row.card(), java.sql.Date.valueOf(sentOn.plusDays(3)),
                    java.sql.Date.valueOf(sentOn.plusDays(12)), "DOC-00" + row.number());
        }
        if (row.ratings().length > 0) {
            long report = nextval(db, "end_of_service_report_id_seq");
            boolean endedEarly = status.equals("ENDED_EARLY");
            run(db, """
                    INSERT INTO end_of_service_report (agency_tenant_id, partner_tenant_id, id, referral_id, conclusion,
                        ended_early_reason, summary, submitted_by, submitted_at, version)
                    VALUES (?, ?, ?, ?, ?, ?, 'Summary of the work done.', 'mentor.north', ?, 1)""",
                    AGENCY, row.partner(), report, referral, endedEarly ? "ENDED_EARLY" : "COMPLETED",
                    endedEarly ? row.path()[row.path().length - 1].split(":")[1] : null, ts(last));
            int i = 0;
            for (String rating : row.ratings()) {
                run(db, """
                        INSERT INTO outcome_rating (agency_tenant_id, partner_tenant_id, id, report_id, desired_outcome, rating)
                        VALUES (?, ?, nextval('outcome_rating_id_seq'), ?, ?, ?)""",
                        AGENCY, row.partner(), report, i++ == 0 ? "WELLBEING_IMPROVED" : "ENGAGES_WITH_SERVICE", rating);
            }
        }
    }

    private static void change(Connection db, Row row, long referral, String from, String to, String command,
                               String reason, Instant at) throws SQLException {
        boolean partnerActs = !command.equals("SEND") && !command.equals("WITHDRAW");
        run(db, """
                INSERT INTO referral_status_change (agency_tenant_id, partner_tenant_id, id, referral_id, from_status,
                    to_status, command, changed_by, changed_by_tenant, changed_at, reason_code, visible_to_partner)
                VALUES (?, ?, nextval('referral_status_change_id_seq'), ?, ?, ?, ?, ?, ?, ?, ?, true)""",
                AGENCY, row.partner(), referral, from, to, command, partnerActs ? "mentor.north" : "officer.nino",
                partnerActs ? row.partner() : AGENCY, ts(at), reason);
    }

    private static void session(Connection db, Row row, long referral, LocalDate on, String attendance)
            throws SQLException {
        run(db, """
                INSERT INTO delivered_session (agency_tenant_id, partner_tenant_id, id, referral_id, session_date,
                    duration_minutes, format, service_type, delivered_by, attendance, absence_reason, concern, recorded_by,
                    recorded_at, version)
                VALUES (?, ?, nextval('delivered_session_id_seq'), ?, ?, 60, 'INDIVIDUAL', 'PSYCHOLOGICAL_CONSULTATION',
                        'mentor.north', ?, ?, false, 'mentor.north', now(), 1)""",
                AGENCY, row.partner(), referral, java.sql.Date.valueOf(on), attendance,
                attendance.equals("DID_NOT_ATTEND") ? "ILL" : null);
    }

    private static long nextval(Connection db, String sequence) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT nextval('" + sequence + "')");
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private static void run(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.execute();
        }
    }
}
