package org.reintegra.referral;

/** Something that happened to a referral that the other side (or a colleague) should hear of. */
public enum ReferralEvent {
    SENT,
    AMENDED,
    ACCEPTED,
    DECLINED,
    STARTED,
    PUT_ON_HOLD,
    RESUMED,
    COMPLETED,
    ENDED_EARLY,
    WITHDRAWN,
    REASSIGNED,
    NOTE_WRITTEN,
    ATTACHMENT_ADDED,
    CONCERN_RAISED,
    ACTION_PLAN_PROPOSED,
    ACTION_PLAN_APPROVED,
    ACTION_PLAN_RETURNED,
    QUESTION_ASKED;

    static ReferralEvent of(ReferralCommand command) {
        return switch (command) {
            case SEND -> SENT;
            case ACCEPT -> ACCEPTED;
            case DECLINE -> DECLINED;
            case START -> STARTED;
            case PUT_ON_HOLD -> PUT_ON_HOLD;
            case RESUME -> RESUMED;
            case COMPLETE -> COMPLETED;
            case END_EARLY -> ENDED_EARLY;
            case WITHDRAW -> WITHDRAWN;
        };
    }
}
