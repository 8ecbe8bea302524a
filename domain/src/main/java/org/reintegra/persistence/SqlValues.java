package org.reintegra.persistence;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Column values of native query results, as the JDBC driver hands them, turned into Java types. */
public final class SqlValues {

    private SqlValues() {
    }

    public static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    public static Double decimal(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return (Instant) value;
    }

    public static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Date sqlDate ? sqlDate.toLocalDate() : (LocalDate) value;
    }
}
