package org.reintegra.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.reintegra.persistence.SqlValues;

/**
 * The database's own maintenance of one table, as {@code pg_stat_user_tables} counts it: how often
 * autovacuum vacuumed and analysed it, and when last. The load driver reads it before and after a
 * run and names the tables maintained in between, with the times, to be laid beside its timeline and
 * slow-step list: at stop 29 autovacuum and autoanalyse of the audit table ran inside slow windows of
 * some runs, and stop 30 could not tell afterwards whether they had run in its own (docs/benchmarks.md).
 */
record TableMaintenance(long autovacuums, long autoanalyses, Instant lastAutovacuum, Instant lastAutoanalyse) {

    /** Every user table's counts, by name, as the database superuser. */
    static Map<String, TableMaintenance> read(String superuserUrl) throws SQLException {
        Map<String, TableMaintenance> tables = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(superuserUrl);
             Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT relname, autovacuum_count, autoanalyze_count, last_autovacuum,"
                     + " last_autoanalyze FROM pg_stat_user_tables ORDER BY relname")) {
            while (rows.next()) {
                tables.put(rows.getString(1), new TableMaintenance(rows.getLong(2), rows.getLong(3),
                        SqlValues.instant(rows.getTimestamp(4)), SqlValues.instant(rows.getTimestamp(5))));
            }
        }
        return tables;
    }

    /** Prints the tables autovacuum worked on between the two readings, or that none were. */
    static void report(Map<String, TableMaintenance> before, Map<String, TableMaintenance> after, Instant from, Instant to) {
        System.out.printf(Locale.ROOT, "Autovacuum during the run (%s to %s, ramp included):%n", seconds(from), seconds(to));
        int maintained = 0;
        for (Map.Entry<String, TableMaintenance> table : after.entrySet()) {
            TableMaintenance earlier = before.getOrDefault(table.getKey(), new TableMaintenance(0, 0, null, null));
            TableMaintenance now = table.getValue();
            long vacuums = now.autovacuums() - earlier.autovacuums();
            long analyses = now.autoanalyses() - earlier.autoanalyses();
            if (vacuums > 0 || analyses > 0) {
                maintained++;
                System.out.printf(Locale.ROOT, "  %-28s vacuumed %d (last ended %s), analysed %d (last ended %s)%n",
                        table.getKey(), vacuums, vacuums > 0 ? seconds(now.lastAutovacuum()) : "-", analyses,
                        analyses > 0 ? seconds(now.lastAutoanalyse()) : "-");
            }
        }
        if (maintained == 0) {
            System.out.println("  none");
        }
    }

    private static String seconds(Instant instant) {
        return instant == null ? "-" : instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }
}
