package org.reintegra.performance;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.reintegra.access.InputRejected;
import org.reintegra.referral.ProgrammeArea;
import org.reintegra.referral.ServiceType;

/**
 * Which referrals a report covers: those sent from {@code from} to {@code to} (both included),
 * optionally to (or from) one organisation of the other side, in one programme area, of one
 * service, from one sending office.
 */
public record PerformanceFilter(LocalDate from, LocalDate to, String counterpart, ProgrammeArea programmeArea,
                                ServiceType service, String office) implements Serializable {

    /** Longest period one report covers. */
    public static final int MAX_YEARS = 10;

    /** The last twelve months up to {@code today}. */
    public static PerformanceFilter lastYear(LocalDate today) {
        return new PerformanceFilter(today.minusYears(1).plusDays(1), today, null, null, null, null);
    }

    /** Refuses a period that is missing, reversed or longer than {@value #MAX_YEARS} years. */
    public PerformanceFilter checked() {
        if (from == null) {
            throw new InputRejected("from", "performance.from-required");
        }
        if (to == null) {
            throw new InputRejected("to", "performance.to-required");
        }
        if (to.isBefore(from)) {
            throw new InputRejected("to", "performance.period-reversed");
        }
        if (ChronoUnit.YEARS.between(from, to) >= MAX_YEARS) {
            throw new InputRejected("from", "performance.period-too-long");
        }
        return this;
    }

    /** A filter for one organisation of the other side as screens know it (or all, with null). */
    public static PerformanceFilter of(LocalDate from, LocalDate to,
                                       org.reintegra.organisation.OrganisationSummary counterpart,
                                       ProgrammeArea programmeArea, ServiceType service, String office) {
        return new PerformanceFilter(from, to, counterpart == null ? null : counterpart.id().value(), programmeArea,
                service, office);
    }

    public PerformanceFilter withCounterpart(String organisation) {
        return new PerformanceFilter(from, to, organisation, programmeArea, service, office);
    }
}
