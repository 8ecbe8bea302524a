package org.reintegra.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InboxCountCacheTest {

    private static final InboxCountCache.ListKey AGENCY_LIST =
            new InboxCountCache.ListKey("npa", ReferralSide.AGENCY, null);

    private final InboxCountCache cache = new InboxCountCache();
    private final AtomicInteger counted = new AtomicInteger();
    private final ExecutorService people = Executors.newFixedThreadPool(2);
    private final CountDownLatch firstCountBegun = new CountDownLatch(1);
    private final CountDownLatch firstCountMayEnd = new CountDownLatch(1);

    InboxCountCacheTest() {
        cache.seconds = 600;
    }

    @AfterEach
    void stopPeople() {
        firstCountMayEnd.countDown();
        people.shutdownNow();
    }

    /** A count that takes as long as the test says, as an agency's does under load. */
    private Map<InboxView, Long> slowCount() {
        firstCountBegun.countDown();
        try {
            assertTrue(firstCountMayEnd.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return count();
    }

    /** Starts a second opening of the list and returns once it waits for the first one's count. */
    private Future<Map<InboxView, Long>> secondOpeningWaiting() throws InterruptedException {
        AtomicReference<Thread> second = new AtomicReference<>();
        Future<Map<InboxView, Long>> opening = people.submit(() -> {
            second.set(Thread.currentThread());
            return cache.counts(AGENCY_LIST, this::count);
        });
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (second.get() == null || second.get().getState() != Thread.State.TIMED_WAITING) {
            assertTrue(System.nanoTime() < until, "the second opening should wait for the first count");
            Thread.sleep(5);
        }
        return opening;
    }

    private Map<InboxView, Long> count() {
        counted.incrementAndGet();
        return Map.of(InboxView.ALL, 1000L + counted.get(), InboxView.OPEN, 400L);
    }

    @Test
    void keepsTheCountsUntilAReferralOfTheListChanges() {
        cache.counts(AGENCY_LIST, this::count);
        cache.counts(AGENCY_LIST, this::count);
        assertEquals(1, counted.get(), "the second opening is answered from the cache");

        cache.changed(Set.of("ngo-other"));
        cache.counts(AGENCY_LIST, this::count);
        assertEquals(1, counted.get(), "another organisation's change keeps them");

        cache.changed(Set.of("npa"));
        assertEquals(1002L, cache.counts(AGENCY_LIST, this::count).get(InboxView.ALL));
        assertEquals(2, counted.get(), "a change of the list's organisation counts again");
    }

    @Test
    void theLastCountsStayKnownForJudgingATabsShareAfterAChange() {
        assertTrue(cache.lastCounted(AGENCY_LIST).isEmpty(), "never counted");

        cache.counts(AGENCY_LIST, this::count);
        cache.changed(Set.of("npa"));

        assertEquals(400L, cache.lastCounted(AGENCY_LIST).orElseThrow().get(InboxView.OPEN));
    }

    @Test
    void withTheCacheOffEveryOpeningCountsAndTheLastCountsAreStillKnown() {
        cache.seconds = 0;
        cache.counts(AGENCY_LIST, this::count);
        cache.counts(AGENCY_LIST, this::count);

        assertEquals(2, counted.get());
        assertEquals(1002L, cache.lastCounted(AGENCY_LIST).orElseThrow().get(InboxView.ALL));
    }

    @Test
    void aFilteredCountIsKnownForEveryViewOfTheSameFiltersOnly() {
        InboxQuery oneMonth = new InboxQuery(InboxView.OPEN, null, null, null,
                java.time.LocalDate.parse("2024-12-01"), java.time.LocalDate.parse("2024-12-31"));
        assertTrue(cache.lastFiltered(AGENCY_LIST, oneMonth).isEmpty(), "never counted");

        cache.filteredCounted(AGENCY_LIST, oneMonth, Map.of(InboxView.ALL, 9186L, InboxView.OPEN, 120L));

        assertEquals(120L, cache.lastFiltered(AGENCY_LIST, oneMonth.withView(InboxView.ALL)).orElseThrow()
                .get(InboxView.OPEN), "the view is not part of the filters");
        assertTrue(cache.lastFiltered(AGENCY_LIST, oneMonth.withFilters(null, "Kutaisi office", null, null)).isEmpty());
        assertTrue(cache.lastFiltered(new InboxCountCache.ListKey("ngo", ReferralSide.PARTNER, "dana"), oneMonth).isEmpty(),
                "another list's");
    }

    @Test
    void openingsWhileTheListIsBeingCountedWaitForThatCountInsteadOfCountingAgain() throws Exception {
        Future<Map<InboxView, Long>> first = people.submit(() -> cache.counts(AGENCY_LIST, this::slowCount));
        assertTrue(firstCountBegun.await(5, TimeUnit.SECONDS));
        Future<Map<InboxView, Long>> second = secondOpeningWaiting();

        firstCountMayEnd.countDown();

        assertEquals(1001L, first.get(5, TimeUnit.SECONDS).get(InboxView.ALL));
        assertEquals(1001L, second.get(5, TimeUnit.SECONDS).get(InboxView.ALL), "the first count's figures");
        assertEquals(1, counted.get(), "one statement for both openings");
    }

    @Test
    void aChangeWhileTheListIsBeingCountedMakesTheWaitingOpeningCountItself() throws Exception {
        Future<Map<InboxView, Long>> first = people.submit(() -> cache.counts(AGENCY_LIST, this::slowCount));
        assertTrue(firstCountBegun.await(5, TimeUnit.SECONDS));
        Future<Map<InboxView, Long>> second = secondOpeningWaiting();

        cache.changed(Set.of("npa"));
        firstCountMayEnd.countDown();

        first.get(5, TimeUnit.SECONDS);
        assertEquals(1002L, second.get(5, TimeUnit.SECONDS).get(InboxView.ALL),
                "counted again: the first count may have missed the change");
        assertEquals(2, counted.get());
    }

    @Test
    void anOpeningAfterAChangeDoesNotWaitForACountBegunBeforeIt() throws Exception {
        Future<Map<InboxView, Long>> first = people.submit(() -> cache.counts(AGENCY_LIST, this::slowCount));
        assertTrue(firstCountBegun.await(5, TimeUnit.SECONDS));

        cache.changed(Set.of("npa"));

        assertEquals(1001L, cache.counts(AGENCY_LIST, this::count).get(InboxView.ALL),
                "counted at once, while the first count still runs");
        firstCountMayEnd.countDown();
        first.get(5, TimeUnit.SECONDS);
        assertEquals(2, counted.get());
    }

    @Test
    void whileCountsThatAreOnlyTooOldAreCountedAgainOthersGetTheLastCountsAtOnce() throws Exception {
        cache.seconds = 1;
        cache.counts(AGENCY_LIST, this::count);
        Thread.sleep(1100);
        cache.seconds = 600; // the recount's figures stay fresh however slow the machine
        Future<Map<InboxView, Long>> recount = people.submit(() -> cache.counts(AGENCY_LIST, this::slowCount));
        assertTrue(firstCountBegun.await(5, TimeUnit.SECONDS));

        assertEquals(1001L, cache.counts(AGENCY_LIST, this::count).get(InboxView.ALL),
                "the last counts, without waiting for the recount");
        assertEquals(1, counted.get());

        firstCountMayEnd.countDown();
        assertEquals(1002L, recount.get(5, TimeUnit.SECONDS).get(InboxView.ALL));
        assertEquals(1002L, cache.counts(AGENCY_LIST, this::count).get(InboxView.ALL), "then the new counts");
        assertEquals(2, counted.get());
    }
}
