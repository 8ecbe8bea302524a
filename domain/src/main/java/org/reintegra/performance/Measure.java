package org.reintegra.performance;

/**
 * A figure of the dashboard. Counts are counts of referrals (cards: of cards issued); rates and
 * medians are derived from counts and are hidden whenever a count they are made of is hidden.
 */
public enum Measure {
    RECEIVED(Kind.COUNT, "true"),
    ACCEPTED(Kind.COUNT, "m.accepted_at IS NOT NULL"),
    DECLINED(Kind.COUNT, "m.declined_at IS NOT NULL"),
    ACCEPTANCE_RATE(Kind.RATE, null),
    MEDIAN_DAYS_TO_ACCEPT(Kind.MEDIAN, null),
    FIRST_SESSION(Kind.COUNT, "m.first_session_on IS NOT NULL"),
    MEDIAN_DAYS_TO_FIRST_SESSION(Kind.MEDIAN, null),
    ATTENDANCE_RATE(Kind.RATE, null),
    COMPLETED(Kind.COUNT, "m.conclusion = 'COMPLETED'"),
    ENDED_EARLY(Kind.COUNT, "m.conclusion = 'ENDED_EARLY'"),
    COMPLETION_RATE(Kind.RATE, null),
    OUTCOMES_ACHIEVED_RATE(Kind.RATE, null),
    ENROLMENTS_CONFIRMED(Kind.COUNT, "m.enrolment_confirmed"),
    ENROLMENTS_COMPLETED(Kind.COUNT, "m.enrolment_completed"),
    CARDS_ISSUED(Kind.COUNT, "m.cards_issued > 0");

    /** How a figure is made. */
    public enum Kind {
        COUNT, RATE, MEDIAN
    }

    private final Kind kind;
    private final String referralCondition;

    Measure(Kind kind, String referralCondition) {
        this.kind = kind;
        this.referralCondition = referralCondition;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the referrals behind the figure can be listed (counts can). */
    public boolean drillable() {
        return referralCondition != null;
    }

    /** Which referrals the figure counts, as a fixed SQL condition on {@code referral_measure m}. */
    String referralCondition() {
        if (referralCondition == null) {
            throw new IllegalArgumentException(name() + " is not a count of referrals");
        }
        return referralCondition;
    }
}
