package org.reintegra.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reintegra.referral.ReferralCommand.ACCEPT;
import static org.reintegra.referral.ReferralCommand.COMPLETE;
import static org.reintegra.referral.ReferralCommand.DECLINE;
import static org.reintegra.referral.ReferralCommand.END_EARLY;
import static org.reintegra.referral.ReferralCommand.PUT_ON_HOLD;
import static org.reintegra.referral.ReferralCommand.RESUME;
import static org.reintegra.referral.ReferralCommand.SEND;
import static org.reintegra.referral.ReferralCommand.START;
import static org.reintegra.referral.ReferralCommand.WITHDRAW;
import static org.reintegra.referral.ReferralStatus.ACCEPTED;
import static org.reintegra.referral.ReferralStatus.COMPLETED;
import static org.reintegra.referral.ReferralStatus.DECLINED;
import static org.reintegra.referral.ReferralStatus.DRAFT;
import static org.reintegra.referral.ReferralStatus.ENDED_EARLY;
import static org.reintegra.referral.ReferralStatus.IN_PROGRESS;
import static org.reintegra.referral.ReferralStatus.ON_HOLD;
import static org.reintegra.referral.ReferralStatus.SENT;
import static org.reintegra.referral.ReferralStatus.WITHDRAWN;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The referral state machine as a table: one named row per (state, command), written by hand from
 * the lifecycle in DOMAIN.md, never computed from {@link ReferralLifecycle} itself.
 */
class ReferralLifecycleTest {

    /** What a row expects: a next state, a refusal, or a return to the state before the hold. */
    sealed interface Outcome permits MovesTo, Refused, ReturnsToStateBeforeHold {
    }

    record MovesTo(ReferralStatus to) implements Outcome {
        @Override
        public String toString() {
            return to.name();
        }
    }

    record Refused() implements Outcome {
        @Override
        public String toString() {
            return "refused";
        }
    }

    record ReturnsToStateBeforeHold() implements Outcome {
        @Override
        public String toString() {
            return "state before hold";
        }
    }

    private static final Outcome REFUSED = new Refused();
    private static final Outcome BACK_TO_STATE_BEFORE_HOLD = new ReturnsToStateBeforeHold();

    private static Outcome to(ReferralStatus status) {
        return new MovesTo(status);
    }

    private static Arguments row(ReferralStatus from, ReferralCommand command, Outcome outcome) {
        return Arguments.of(from, command, outcome);
    }

    static List<Arguments> table() {
        return List.of(
                row(DRAFT, SEND, to(SENT)),
                row(DRAFT, ACCEPT, REFUSED),
                row(DRAFT, DECLINE, REFUSED),
                row(DRAFT, START, REFUSED),
                row(DRAFT, PUT_ON_HOLD, REFUSED),
                row(DRAFT, RESUME, REFUSED),
                row(DRAFT, COMPLETE, REFUSED),
                row(DRAFT, END_EARLY, REFUSED),
                row(DRAFT, WITHDRAW, to(WITHDRAWN)),

                row(SENT, SEND, REFUSED),
                row(SENT, ACCEPT, to(ACCEPTED)),
                row(SENT, DECLINE, to(DECLINED)),
                row(SENT, START, REFUSED),
                row(SENT, PUT_ON_HOLD, REFUSED),
                row(SENT, RESUME, REFUSED),
                row(SENT, COMPLETE, REFUSED),
                row(SENT, END_EARLY, REFUSED),
                row(SENT, WITHDRAW, to(WITHDRAWN)),

                row(ACCEPTED, SEND, REFUSED),
                row(ACCEPTED, ACCEPT, REFUSED),
                row(ACCEPTED, DECLINE, REFUSED),
                row(ACCEPTED, START, to(IN_PROGRESS)),
                row(ACCEPTED, PUT_ON_HOLD, to(ON_HOLD)),
                row(ACCEPTED, RESUME, REFUSED),
                row(ACCEPTED, COMPLETE, REFUSED),
                row(ACCEPTED, END_EARLY, to(ENDED_EARLY)),
                row(ACCEPTED, WITHDRAW, to(WITHDRAWN)),

                row(DECLINED, SEND, REFUSED),
                row(DECLINED, ACCEPT, REFUSED),
                row(DECLINED, DECLINE, REFUSED),
                row(DECLINED, START, REFUSED),
                row(DECLINED, PUT_ON_HOLD, REFUSED),
                row(DECLINED, RESUME, REFUSED),
                row(DECLINED, COMPLETE, REFUSED),
                row(DECLINED, END_EARLY, REFUSED),
                row(DECLINED, WITHDRAW, REFUSED),

                row(IN_PROGRESS, SEND, REFUSED),
                row(IN_PROGRESS, ACCEPT, REFUSED),
                row(IN_PROGRESS, DECLINE, REFUSED),
                row(IN_PROGRESS, START, REFUSED),
                row(IN_PROGRESS, PUT_ON_HOLD, to(ON_HOLD)),
                row(IN_PROGRESS, RESUME, REFUSED),
                row(IN_PROGRESS, COMPLETE, to(COMPLETED)),
                row(IN_PROGRESS, END_EARLY, to(ENDED_EARLY)),
                row(IN_PROGRESS, WITHDRAW, to(WITHDRAWN)),

                row(ON_HOLD, SEND, REFUSED),
                row(ON_HOLD, ACCEPT, REFUSED),
                row(ON_HOLD, DECLINE, REFUSED),
                row(ON_HOLD, START, REFUSED),
                row(ON_HOLD, PUT_ON_HOLD, REFUSED),
                row(ON_HOLD, RESUME, BACK_TO_STATE_BEFORE_HOLD),
                row(ON_HOLD, COMPLETE, REFUSED),
                row(ON_HOLD, END_EARLY, to(ENDED_EARLY)),
                row(ON_HOLD, WITHDRAW, to(WITHDRAWN)),

                row(COMPLETED, SEND, REFUSED),
                row(COMPLETED, ACCEPT, REFUSED),
                row(COMPLETED, DECLINE, REFUSED),
                row(COMPLETED, START, REFUSED),
                row(COMPLETED, PUT_ON_HOLD, REFUSED),
                row(COMPLETED, RESUME, REFUSED),
                row(COMPLETED, COMPLETE, REFUSED),
                row(COMPLETED, END_EARLY, REFUSED),
                row(COMPLETED, WITHDRAW, REFUSED),

                row(ENDED_EARLY, SEND, REFUSED),
                row(ENDED_EARLY, ACCEPT, REFUSED),
                row(ENDED_EARLY, DECLINE, REFUSED),
                row(ENDED_EARLY, START, REFUSED),
                row(ENDED_EARLY, PUT_ON_HOLD, REFUSED),
                row(ENDED_EARLY, RESUME, REFUSED),
                row(ENDED_EARLY, COMPLETE, REFUSED),
                row(ENDED_EARLY, END_EARLY, REFUSED),
                row(ENDED_EARLY, WITHDRAW, REFUSED),

                row(WITHDRAWN, SEND, REFUSED),
                row(WITHDRAWN, ACCEPT, REFUSED),
                row(WITHDRAWN, DECLINE, REFUSED),
                row(WITHDRAWN, START, REFUSED),
                row(WITHDRAWN, PUT_ON_HOLD, REFUSED),
                row(WITHDRAWN, RESUME, REFUSED),
                row(WITHDRAWN, COMPLETE, REFUSED),
                row(WITHDRAWN, END_EARLY, REFUSED),
                row(WITHDRAWN, WITHDRAW, REFUSED));
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @MethodSource("table")
    void eachCommandInEachStateLeadsWhereTheLifecycleSays(ReferralStatus from, ReferralCommand command, Outcome outcome) {
        if (outcome instanceof MovesTo moves) {
            assertTrue(ReferralLifecycle.allows(from, command), "allowed");
            assertEquals(Optional.of(moves.to()), ReferralLifecycle.next(from, command, holdOrigin(from)));
        } else if (outcome instanceof ReturnsToStateBeforeHold) {
            assertTrue(ReferralLifecycle.allows(from, command), "allowed");
            assertEquals(Optional.of(ACCEPTED), ReferralLifecycle.next(from, command, ACCEPTED));
            assertEquals(Optional.of(IN_PROGRESS), ReferralLifecycle.next(from, command, IN_PROGRESS));
        } else {
            assertFalse(ReferralLifecycle.allows(from, command), "allowed");
            for (ReferralStatus beforeHold : statesBeforeHold()) {
                assertEquals(Optional.empty(), ReferralLifecycle.next(from, command, beforeHold),
                        "with " + beforeHold + " before the hold");
            }
        }
    }

    @Test
    void theTableHasExactlyOneRowForEveryStateAndCommand() {
        List<List<Object>> pairs = new ArrayList<>();
        for (Arguments row : table()) {
            pairs.add(List.of(row.get()[0], row.get()[1]));
        }
        Set<List<Object>> expected = new HashSet<>();
        for (ReferralStatus status : ReferralStatus.values()) {
            for (ReferralCommand command : ReferralCommand.values()) {
                expected.add(List.of(status, command));
            }
        }
        assertEquals(expected.size(), pairs.size(), "one row per (state, command), no duplicates");
        assertEquals(expected, new HashSet<>(pairs), "rows missing or unknown");
    }

    @Test
    void closedStatesAreExactlyThoseThatRefuseEveryCommand() {
        Set<ReferralStatus> refuseEverything = EnumSet.allOf(ReferralStatus.class);
        for (Arguments row : table()) {
            if (!(row.get()[2] instanceof Refused)) {
                refuseEverything.remove((ReferralStatus) row.get()[0]);
            }
        }
        Set<ReferralStatus> closed = EnumSet.noneOf(ReferralStatus.class);
        Stream.of(ReferralStatus.values()).filter(ReferralStatus::isClosed).forEach(closed::add);
        assertEquals(EnumSet.of(DECLINED, COMPLETED, ENDED_EARLY, WITHDRAWN), refuseEverything);
        assertEquals(refuseEverything, closed);
    }

    /** The state a referral held before its hold: only a held referral has one. */
    private static ReferralStatus holdOrigin(ReferralStatus from) {
        return from == ON_HOLD ? IN_PROGRESS : null;
    }

    private static List<ReferralStatus> statesBeforeHold() {
        List<ReferralStatus> states = new ArrayList<>();
        states.add(null);
        states.add(ACCEPTED);
        states.add(IN_PROGRESS);
        return states;
    }
}
