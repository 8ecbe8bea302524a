package org.reintegra.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InboxCountCacheTest {

    private static final InboxCountCache.ListKey AGENCY_LIST =
            new InboxCountCache.ListKey("npa", ReferralSide.AGENCY, null);

    private final InboxCountCache cache = new InboxCountCache();
    private final AtomicInteger counted = new AtomicInteger();

    InboxCountCacheTest() {
        cache.seconds = 600;
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
}
