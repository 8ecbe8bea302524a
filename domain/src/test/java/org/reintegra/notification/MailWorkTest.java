package org.reintegra.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.reintegra.tenancy.TenantId;

class MailWorkTest {

    private static final TenantId AGENCY = TenantId.of("npa");
    private static final TenantId NGO = TenantId.of("justice-art-ngo");
    private static final TenantId CLINIC = TenantId.of("hope-clinic");
    private static final Duration SWEEP = Duration.ofMinutes(10);
    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    private static final Instant CUTOFF = Instant.parse("2026-12-06T07:00:00Z");

    private final MailWork work = new MailWork();
    private final AtomicInteger sweeps = new AtomicInteger();
    private final Supplier<List<TenantId>> all = () -> {
        sweeps.incrementAndGet();
        return List.of(AGENCY, NGO, CLINIC);
    };

    private List<TenantId> round(Instant at) {
        return work.tenantsForRound(at, CUTOFF, SWEEP, all);
    }

    @Test
    void theFirstRoundVisitsEveryTenant() {
        assertEquals(List.of(AGENCY, NGO, CLINIC), round(T0));
        assertEquals(1, sweeps.get());
    }

    @Test
    void betweenSweepsOnlyTenantsMarkedDueAreVisitedAndOnlyOnce() {
        round(T0);
        assertEquals(List.of(), round(T0.plusSeconds(20)), "nothing marked: nothing visited");
        work.due(NGO, T0.plusSeconds(25));
        assertEquals(List.of(NGO), round(T0.plusSeconds(40)));
        assertEquals(List.of(), round(T0.plusSeconds(60)), "the mark was taken");
        assertEquals(1, sweeps.get());
    }

    @Test
    void aMarkForLaterWaitsUntilItIsDue() {
        round(T0);
        work.due(CLINIC, T0.plusSeconds(300)); // a refused mail retried in five minutes
        assertEquals(List.of(), round(T0.plusSeconds(20)));
        assertEquals(List.of(CLINIC), round(T0.plusSeconds(300)));
    }

    @Test
    void theEarlierOfTwoMarksHolds() {
        round(T0);
        work.due(NGO, T0.plusSeconds(300));
        work.due(NGO, T0.plusSeconds(10)); // a new notification
        work.due(NGO, T0.plusSeconds(600));
        assertEquals(List.of(NGO), round(T0.plusSeconds(20)));
    }

    @Test
    void everyTenantIsVisitedAgainWhenTheSweepIntervalHasPassed() {
        round(T0);
        assertEquals(List.of(), round(T0.plus(SWEEP).minusSeconds(1)));
        assertEquals(List.of(AGENCY, NGO, CLINIC), round(T0.plus(SWEEP)));
        assertEquals(2, sweeps.get());
    }

    @Test
    void everyTenantIsVisitedWhenTheDigestCutoffMoves() {
        round(T0);
        Instant nextDay = CUTOFF.plus(Duration.ofDays(1));
        assertEquals(List.of(AGENCY, NGO, CLINIC), work.tenantsForRound(T0.plusSeconds(20), nextDay, SWEEP, all));
        assertEquals(List.of(), work.tenantsForRound(T0.plusSeconds(40), nextDay, SWEEP, all));
    }

    @Test
    void aSweepTakesTheDueMarksButKeepsTheLaterOnes() {
        round(T0);
        work.due(NGO, T0.plusSeconds(5));
        work.due(CLINIC, T0.plus(SWEEP).plusSeconds(60));
        assertEquals(List.of(AGENCY, NGO, CLINIC), round(T0.plus(SWEEP)));
        assertEquals(List.of(), round(T0.plus(SWEEP).plusSeconds(20)), "the due mark went with the sweep");
        assertEquals(List.of(CLINIC), round(T0.plus(SWEEP).plusSeconds(60)), "the later mark stayed");
    }
}
