package org.reintegra.persistence;

import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;

/**
 * A WHERE clause for native SQL built from fixed fragments (never user input) and numbered
 * parameters: each fragment ends in "?" and gets the next parameter's number appended.
 */
public final class NativeConditions {

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    /** Adds "AND fragment" (the first condition without AND). */
    public NativeConditions and(String fragmentEndingInPlaceholder, Object value) {
        if (!sql.isEmpty()) {
            sql.append(" AND ");
        }
        return then(fragmentEndingInPlaceholder, value);
    }

    /** Adds a fixed condition without a parameter. */
    public NativeConditions and(String fixedFragment) {
        if (!sql.isEmpty()) {
            sql.append(" AND ");
        }
        sql.append(fixedFragment);
        return this;
    }

    /** Continues the clause with a fragment and its parameter (no AND in between). */
    public NativeConditions then(String fragmentEndingInPlaceholder, Object value) {
        params.add(value);
        sql.append(fragmentEndingInPlaceholder).append(params.size());
        return this;
    }

    /** Continues the clause with fixed text (closing parentheses, say). */
    public NativeConditions then(String fixedText) {
        sql.append(fixedText);
        return this;
    }

    /**
     * Registers a parameter that the caller writes into its SQL itself (where a value is used more
     * than once); returns its number, for "?" followed by it.
     */
    public int parameter(Object value) {
        params.add(value);
        return params.size();
    }

    public String sql() {
        return sql.toString();
    }

    public void bind(Query query) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
    }
}
