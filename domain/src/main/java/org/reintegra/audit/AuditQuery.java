package org.reintegra.audit;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.reintegra.access.InputRejected;

/**
 * What part of the audit trail to show: a period (both days included), optionally one user (their
 * user name) and one client (part of the name or the referral's reference).
 */
public record AuditQuery(LocalDate from, LocalDate to, String actor, String client) implements Serializable {

    /** Longest period one look at the trail covers. */
    public static final int MAX_DAYS = 366;

    public static AuditQuery lastWeek(LocalDate today) {
        return new AuditQuery(today.minusDays(6), today, null, null);
    }

    public AuditQuery checked() {
        if (from == null || to == null) {
            throw new InputRejected("from", "audit.period-required");
        }
        if (to.isBefore(from)) {
            throw new InputRejected("to", "audit.period-reversed");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new InputRejected("from", "audit.period-too-long");
        }
        return this;
    }
}
