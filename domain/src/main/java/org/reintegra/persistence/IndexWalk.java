package org.reintegra.persistence;

/**
 * Native SQL for the distinct values of a column among a tenant's rows, in order, read as a walk
 * over an index that leads with the tenant column and then the column (a loose index scan): each
 * step finds the next value above the previous one, so the list costs one short index descent per
 * distinct value instead of a read of every row. Fixed fragments only, never user input.
 */
public final class IndexWalk {

    private IndexWalk() {
    }

    /**
     * @param from   the table and its alias, e.g. {@code referral r}
     * @param own    the condition that picks the caller's rows, e.g. {@code r.agency_tenant_id = ?1}
     * @param column the column whose values are listed, e.g. {@code r.sending_office}
     */
    public static String distinctValues(String from, String own, String column) {
        return "WITH RECURSIVE walk(value) AS ("
                + "(SELECT " + column + " FROM " + from + " WHERE " + own + " AND " + column
                + " IS NOT NULL ORDER BY " + column + " LIMIT 1)"
                + " UNION ALL SELECT (SELECT " + column + " FROM " + from + " WHERE " + own + " AND "
                + column + " > walk.value ORDER BY " + column + " LIMIT 1) FROM walk WHERE walk.value IS NOT NULL)"
                + " SELECT value FROM walk WHERE value IS NOT NULL";
    }
}
