package org.reintegra.referral;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The ready-made views of a referral list, per side. */
public enum InboxView {
    ALL(null, EnumSet.allOf(ReferralStatus.class)),
    /** Partner: sent to us, not yet accepted or declined. */
    NEW(ReferralSide.PARTNER, EnumSet.of(ReferralStatus.SENT)),
    /**
     * Something to answer: for a partner, new referrals and open ones the agency asked about or
     * amended; for an agency, referrals the partner asked about.
     */
    ACTION_NEEDED(null, EnumSet.of(ReferralStatus.SENT, ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS,
            ReferralStatus.ON_HOLD)),
    /** Partner: accepted and open, but nobody's (a caseworker left, or it was handed back). */
    UNASSIGNED(ReferralSide.PARTNER, EnumSet.of(ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS,
            ReferralStatus.ON_HOLD)),
    /** Partner: open referrals assigned to me. */
    MINE(ReferralSide.PARTNER, EnumSet.of(ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS, ReferralStatus.ON_HOLD)),
    /** Partner: accepted and not closed. */
    IN_WORK(ReferralSide.PARTNER, EnumSet.of(ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS, ReferralStatus.ON_HOLD)),
    /** Agency: not sent yet. */
    DRAFTS(ReferralSide.AGENCY, EnumSet.of(ReferralStatus.DRAFT)),
    /** Agency: sent and not closed. */
    OPEN(ReferralSide.AGENCY, EnumSet.of(ReferralStatus.SENT, ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS,
            ReferralStatus.ON_HOLD)),
    CLOSED(null, EnumSet.of(ReferralStatus.DECLINED, ReferralStatus.COMPLETED, ReferralStatus.ENDED_EARLY,
            ReferralStatus.WITHDRAWN));

    private final ReferralSide side;
    private final Set<ReferralStatus> statuses;

    InboxView(ReferralSide side, Set<ReferralStatus> statuses) {
        this.side = side;
        this.statuses = statuses;
    }

    /** The statuses the view shows. */
    public Set<ReferralStatus> statuses() {
        return statuses;
    }

    /** Whether the view belongs to that side's list. */
    public boolean appliesTo(ReferralSide viewerSide) {
        return side == null || side == viewerSide;
    }

    /** The views of one side, in the order screens show them. */
    public static List<InboxView> of(ReferralSide viewerSide) {
        return viewerSide == ReferralSide.AGENCY
                ? List.of(ALL, DRAFTS, OPEN, ACTION_NEEDED, CLOSED)
                : List.of(ALL, NEW, ACTION_NEEDED, MINE, UNASSIGNED, IN_WORK, CLOSED);
    }

    /** Whether the view's rows follow from their status alone (so one grouped count gives them). */
    public boolean byStatusOnly() {
        return this != MINE && this != ACTION_NEEDED && this != UNASSIGNED;
    }
}
