package org.reintegra.performance;

import java.util.EnumMap;
import java.util.Map;

/**
 * The raw sums of one group of referrals (or of all of them), as SQL aggregated them, before any
 * cell is hidden. Medians are in days; {@code null} when nothing was observed.
 */
public record Totals(long received, long accepted, long declined, Double medianDaysToAccept,
                     long withFirstSession, Double medianDaysToFirstSession,
                     long sessionsAttended, long sessionsLate, long sessionsMissed,
                     long completed, long endedEarly, long outcomesRated, long outcomesAchieved,
                     long outcomesPartlyAchieved, long enrolmentsConfirmed, long enrolmentsCompleted,
                     long cardsIssued, long referralsWithCards) {

    static final Totals EMPTY = new Totals(0, 0, 0, null, 0, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Sessions attended on time or late. */
    public long sessionsPresent() {
        return sessionsAttended + sessionsLate;
    }

    public long count(Measure measure) {
        return switch (measure) {
            case RECEIVED -> received;
            case ACCEPTED -> accepted;
            case DECLINED -> declined;
            case FIRST_SESSION -> withFirstSession;
            case COMPLETED -> completed;
            case ENDED_EARLY -> endedEarly;
            case ENROLMENTS_CONFIRMED -> enrolmentsConfirmed;
            case ENROLMENTS_COMPLETED -> enrolmentsCompleted;
            case CARDS_ISSUED -> cardsIssued;
            default -> throw new IllegalArgumentException(measure + " is not a count");
        };
    }

    /** Every figure, unhidden (the headline figures of a whole report). */
    public Map<Measure, Cell> figures() {
        Map<Measure, Cell> figures = new EnumMap<>(Measure.class);
        for (Measure measure : Measure.values()) {
            figures.put(measure, switch (measure.kind()) {
                case COUNT -> Cell.of(count(measure));
                case MEDIAN -> median(measure) == null ? Cell.NONE : Cell.of(median(measure));
                case RATE -> rate(measure);
            });
        }
        return figures;
    }

    Double median(Measure measure) {
        return measure == Measure.MEDIAN_DAYS_TO_ACCEPT ? medianDaysToAccept : medianDaysToFirstSession;
    }

    /** How many observations a median rests on. */
    long observations(Measure measure) {
        return measure == Measure.MEDIAN_DAYS_TO_ACCEPT ? accepted : withFirstSession;
    }

    /** The two counts a rate is made of: what it counts, and the rest of its denominator. */
    long[] rateParts(Measure measure) {
        return switch (measure) {
            case ACCEPTANCE_RATE -> new long[] {accepted, declined};
            case ATTENDANCE_RATE -> new long[] {sessionsPresent(), sessionsMissed};
            case COMPLETION_RATE -> new long[] {completed, endedEarly};
            case OUTCOMES_ACHIEVED_RATE -> new long[] {outcomesAchieved, outcomesRated - outcomesAchieved};
            default -> throw new IllegalArgumentException(measure + " is not a rate");
        };
    }

    Cell rate(Measure measure) {
        long[] parts = rateParts(measure);
        long denominator = parts[0] + parts[1];
        return denominator == 0 ? Cell.NONE : Cell.of((double) parts[0] / denominator);
    }
}
