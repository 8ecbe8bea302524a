package org.reintegra.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * The audit viewer's SQL (AuditViewer), on its own so that the query benchmark runs the same
 * statements. A trail is made of parts, each a condition on {@code audit_event a} that an index
 * gives in time order: the tenant's own rows (index audit_event_timeline) and, for an agency, the
 * rows other tenants wrote about its referrals (shared with it, schema V19, index
 * audit_event_agency_timeline). Row-level security admits exactly their rows too.
 *
 * <p>A client filter is read in one of two ways, depending on how many referrals and clients it
 * matches ({@link #parts}).
 */
public final class AuditTrailSql {

    /** Counts stop here: beyond it the viewer says "more than". */
    public static final int COUNT_LIMIT = 10_000;

    /** The parts of a trail, and whether a row can be in more than one of them. */
    public record Parts(List<String> conditions, boolean overlapping) {
    }

    private AuditTrailSql() {
    }

    /**
     * The count of a trail, each part counted up to {@link #COUNT_LIMIT} + 1: more than the limit
     * means more than the limit in all. Each part is read in time order, as its index gives it:
     * without an order the planner may read the table from its start for the first 10,001 matches,
     * which on the national data set were 6.6 million rows in (1.7 s instead of 15 ms).
     */
    public static String countSql(Parts parts) {
        return "SELECT count(*) FROM (" + combined(parts, "a.tenant_id, a.id", "a.occurred_at DESC", COUNT_LIMIT + 1)
                + ") counted";
    }

    /**
     * A page of a trail, newest first: each part walks its index in time order and stops at the end
     * of the page; the page is the newest of those rows.
     */
    public static String pageSql(Parts parts, int offset, int limit) {
        String rows = combined(parts, "a.id, a.tenant_id, a.occurred_at, a.actor, a.action, a.referral_id, a.client_id,"
                + " a.fields, a.purpose", "a.occurred_at DESC, a.id DESC", offset + limit);
        return "SELECT a.id, a.occurred_at, a.actor, o.name, a.action,"
                + " r.reference, coalesce(r.client_given_name || ' ' || r.client_family_name,"
                + " c.given_name || ' ' || c.family_name), a.fields, a.purpose, a.client_id"
                + " FROM (" + rows + ") a"
                + " JOIN organisation o ON o.id = a.tenant_id"
                + " LEFT JOIN referral r ON r.id = a.referral_id"
                + " LEFT JOIN client c ON c.tenant_id = a.tenant_id AND c.id = a.client_id"
                + " ORDER BY a.occurred_at DESC, a.id DESC OFFSET " + offset + " LIMIT " + limit;
    }

    private static String combined(Parts parts, String columns, String order, int limit) {
        StringBuilder sql = new StringBuilder();
        for (String condition : parts.conditions()) {
            if (!sql.isEmpty()) {
                sql.append(parts.overlapping() ? " UNION " : " UNION ALL ");
            }
            sql.append("(SELECT ").append(columns).append(" FROM audit_event a WHERE ").append(condition)
                    .append(" ORDER BY ").append(order).append(" LIMIT ").append(limit).append(')');
        }
        return sql.toString();
    }

    /**
     * Up to how many referrals and clients together a client filter matches for the viewer to start
     * from the matches ({@link #parts}). Reading from the matches costs an index look-up per match;
     * walking the trail costs one per row walked, about the trail's size over the matches' share of
     * it for a count of 10,001: the two meet somewhere near 70,000 matches for the national agency's
     * 550,000 referrals, if the matches are spread evenly over the trail.
     */
    public static final int RARE_MATCHES = 40_000;

    /**
     * How many referrals and clients the pattern (parameter 1) matches, each counted to
     * {@link #RARE_MATCHES} + 1; the tenant is parameter 2.
     */
    public static final String MATCHES_SQL = "SELECT (SELECT count(*) FROM (SELECT 1 FROM referral sr WHERE sr.search_key LIKE ?1"
            + " LIMIT " + (RARE_MATCHES + 1) + ") r) + (SELECT count(*) FROM (SELECT 1 FROM client sc WHERE sc.tenant_id = ?2"
            + " AND sc.search_key LIKE ?1 LIMIT " + (RARE_MATCHES + 1) + ") c)";

    /**
     * The parts of a trail: the tenant's own rows and, for an agency, the rows shared with it. The
     * tenant is parameter {@code tenant}; {@code filters} are further conditions on {@code a};
     * {@code clientPattern} is the parameter of a LIKE pattern for the client's name or the
     * referral's reference, or 0 for none; {@code rare} whether it matches few referrals and
     * clients ({@link #MATCHES_SQL}).
     *
     * <p>For a rare pattern the parts become rows whose referral matches (own and shared) and own
     * rows whose client matches, each an {@code IN} over the matches, which PostgreSQL reads from
     * the matches by index (such parts may share rows and are combined without duplicates). A
     * common one walks the trail in time order and looks each row's referral and client up;
     * {@code OFFSET 0} keeps PostgreSQL from turning those look-ups into a hash of every match,
     * built for each statement (0.9 s for a page filtered by "a" over the national agency's month).
     */
    public static Parts parts(boolean agency, int tenant, String filters, int clientPattern, boolean rare) {
        List<String> sides = new ArrayList<>();
        sides.add("a.tenant_id = ?" + tenant + " AND " + filters);
        if (agency) {
            sides.add("a.shared_with_agency = ?" + tenant + " AND " + filters);
        }
        if (clientPattern == 0) {
            return new Parts(List.copyOf(sides), false);
        }
        if (!rare) {
            String matches = " AND (EXISTS (SELECT 1 FROM referral sr WHERE sr.id = a.referral_id AND sr.search_key LIKE ?"
                    + clientPattern + " OFFSET 0) OR EXISTS (SELECT 1 FROM client sc WHERE sc.tenant_id = a.tenant_id"
                    + " AND sc.id = a.client_id AND sc.search_key LIKE ?" + clientPattern + " OFFSET 0))";
            return new Parts(sides.stream().map(side -> side + matches).toList(), false);
        }
        String referralMatches = " AND a.referral_id IN (SELECT sr.id FROM referral sr WHERE sr.search_key LIKE ?"
                + clientPattern + ")";
        List<String> conditions = new ArrayList<>();
        for (String side : sides) {
            conditions.add(side + referralMatches);
        }
        // a client is its agency's: rows shared with an agency were written by another tenant, whose
        // clients the agency cannot read, so only the tenant's own rows can match by client
        conditions.add(sides.get(0) + " AND a.client_id IN (SELECT sc.id FROM client sc WHERE sc.tenant_id = ?" + tenant
                + " AND sc.search_key LIKE ?" + clientPattern + ")");
        return new Parts(List.copyOf(conditions), true);
    }
}
