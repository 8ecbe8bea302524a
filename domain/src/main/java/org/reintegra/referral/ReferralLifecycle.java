package org.reintegra.referral;

import static org.reintegra.referral.ReferralStatus.ACCEPTED;
import static org.reintegra.referral.ReferralStatus.COMPLETED;
import static org.reintegra.referral.ReferralStatus.DECLINED;
import static org.reintegra.referral.ReferralStatus.DRAFT;
import static org.reintegra.referral.ReferralStatus.ENDED_EARLY;
import static org.reintegra.referral.ReferralStatus.IN_PROGRESS;
import static org.reintegra.referral.ReferralStatus.ON_HOLD;
import static org.reintegra.referral.ReferralStatus.SENT;
import static org.reintegra.referral.ReferralStatus.WITHDRAWN;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The referral state machine: for each command, the states it may be given in and the state it
 * leads to. Everything not listed is refused. {@code RESUME} returns to the state the referral was
 * in before it was put on hold (and is refused when that state is unknown).
 */
public final class ReferralLifecycle {

    private static final Map<ReferralCommand, Map<ReferralStatus, ReferralStatus>> TRANSITIONS =
            new EnumMap<>(ReferralCommand.class);

    static {
        allow(ReferralCommand.SEND, DRAFT, SENT);
        allow(ReferralCommand.ACCEPT, SENT, ACCEPTED);
        allow(ReferralCommand.DECLINE, SENT, DECLINED);
        allow(ReferralCommand.START, ACCEPTED, IN_PROGRESS);
        allow(ReferralCommand.PUT_ON_HOLD, ACCEPTED, ON_HOLD);
        allow(ReferralCommand.PUT_ON_HOLD, IN_PROGRESS, ON_HOLD);
        allow(ReferralCommand.RESUME, ON_HOLD, ON_HOLD); // target resolved from the state before the hold
        allow(ReferralCommand.COMPLETE, IN_PROGRESS, COMPLETED);
        allow(ReferralCommand.END_EARLY, ACCEPTED, ENDED_EARLY);
        allow(ReferralCommand.END_EARLY, IN_PROGRESS, ENDED_EARLY);
        allow(ReferralCommand.END_EARLY, ON_HOLD, ENDED_EARLY);
        allow(ReferralCommand.WITHDRAW, DRAFT, WITHDRAWN);
        allow(ReferralCommand.WITHDRAW, SENT, WITHDRAWN);
        allow(ReferralCommand.WITHDRAW, ACCEPTED, WITHDRAWN);
        allow(ReferralCommand.WITHDRAW, IN_PROGRESS, WITHDRAWN);
        allow(ReferralCommand.WITHDRAW, ON_HOLD, WITHDRAWN);
    }

    private ReferralLifecycle() {
    }

    private static void allow(ReferralCommand command, ReferralStatus from, ReferralStatus to) {
        TRANSITIONS.computeIfAbsent(command, c -> new EnumMap<>(ReferralStatus.class)).put(from, to);
    }

    /**
     * The state after {@code command} is applied in state {@code from}, or empty when the command is
     * not allowed there. {@code beforeHold} is the state a held referral returns to on resume.
     */
    public static Optional<ReferralStatus> next(ReferralStatus from, ReferralCommand command, ReferralStatus beforeHold) {
        ReferralStatus to = TRANSITIONS.getOrDefault(command, Map.of()).get(from);
        if (to == null) {
            return Optional.empty();
        }
        if (command == ReferralCommand.RESUME) {
            return Optional.ofNullable(beforeHold); // a hold without a recorded earlier state cannot be resumed
        }
        return Optional.of(to);
    }

    /** Whether {@code command} may be given in state {@code from}. */
    public static boolean allows(ReferralStatus from, ReferralCommand command) {
        return TRANSITIONS.getOrDefault(command, Map.of()).containsKey(from);
    }
}
