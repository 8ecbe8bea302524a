package org.reintegra.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmallCellsTest {

    /** received, accepted, declined, completed, ended early; 10 sessions attended, 0 missed. */
    private static Totals group(long received, long accepted, long declined, long completed, long endedEarly) {
        return new Totals(received, accepted, declined, accepted == 0 ? null : 2.0, accepted, accepted == 0 ? null : 7.0,
                10, 0, 0, completed, endedEarly, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void countsFromOneToFourAreHiddenAndZeroAndFiveAreShown() {
        List<Map<Measure, Cell>> cells = SmallCells.protect(List.of(group(20, 5, 0, 7, 3), group(30, 6, 0, 9, 8)));
        assertEquals(5.0, cells.get(0).get(Measure.ACCEPTED).value());
        assertEquals(0.0, cells.get(0).get(Measure.DECLINED).value());
        assertTrue(cells.get(0).get(Measure.ENDED_EARLY).suppressed());
        // the only hidden count of its column would follow from the total: the next smallest goes too
        assertTrue(cells.get(1).get(Measure.ENDED_EARLY).suppressed());
        assertEquals(7.0, cells.get(0).get(Measure.COMPLETED).value());
    }

    @Test
    void aGroupOfFewerThanFiveReferralsIsHiddenWhole() {
        List<Map<Measure, Cell>> cells = SmallCells.protect(List.of(group(4, 0, 0, 0, 0), group(40, 20, 10, 10, 5),
                group(9, 5, 0, 0, 0)));
        for (Cell cell : cells.get(0).values()) {
            assertTrue(cell.suppressed() || cell.value() == null, "hidden whole: " + cell);
        }
        assertTrue(cells.get(0).get(Measure.RECEIVED).suppressed());
        // received: one hidden, so the smallest other (9) is hidden as well; 40 stays
        assertTrue(cells.get(2).get(Measure.RECEIVED).suppressed());
        assertEquals(40.0, cells.get(1).get(Measure.RECEIVED).value());
    }

    @Test
    void ratesAndMediansFollowTheCountsTheyAreMadeOf() {
        List<Map<Measure, Cell>> cells = SmallCells.protect(List.of(group(40, 20, 10, 10, 5), group(30, 27, 3, 0, 0)));
        assertEquals(10.0 / 15, cells.get(0).get(Measure.COMPLETION_RATE).value(), 1e-9);
        assertEquals(2.0, cells.get(0).get(Measure.MEDIAN_DAYS_TO_ACCEPT).value());
        assertTrue(cells.get(1).get(Measure.ACCEPTANCE_RATE).suppressed(), "3 declined would follow from the rate");
        assertTrue(cells.get(0).get(Measure.DECLINED).suppressed(), "the other declined count hides it");
        assertTrue(cells.get(0).get(Measure.ACCEPTANCE_RATE).suppressed(), "and the rate made of it");
        assertFalse(cells.get(1).get(Measure.COMPLETION_RATE).suppressed());
        assertEquals(null, cells.get(1).get(Measure.COMPLETION_RATE).value(), "nothing concluded: no rate");
        List<Map<Measure, Cell>> alone = SmallCells.protect(List.of(group(40, 20, 10, 0, 0), group(25, 6, 5, 0, 0)));
        assertEquals(20.0 / 30, alone.get(0).get(Measure.ACCEPTANCE_RATE).value(), 1e-9);
        Map<Measure, Cell> fewAccepted = SmallCells.protect(List.of(group(25, 4, 0, 0, 0))).get(0);
        assertTrue(fewAccepted.get(Measure.MEDIAN_DAYS_TO_ACCEPT).suppressed(), "median of 4 acceptances");
    }

    @Test
    void reasonCountsAreProtectedTheSameWay() {
        List<Cell> cells = SmallCells.protectCounts(List.of(12L, 7L, 2L));
        assertEquals(12.0, cells.get(0).value());
        assertTrue(cells.get(1).suppressed());
        assertTrue(cells.get(2).suppressed());
        List<Cell> none = SmallCells.protectCounts(List.of(12L, 7L, 5L));
        assertTrue(none.stream().noneMatch(Cell::suppressed));
        List<Cell> two = SmallCells.protectCounts(List.of(9L, 3L, 1L));
        assertEquals(9.0, two.get(0).value());
    }

    @Test
    void ageBandsMatchTheDatabaseFunction() {
        assertEquals("U18", AgeBand.of(17));
        assertEquals("18-24", AgeBand.of(18));
        assertEquals("25-34", AgeBand.of(34));
        assertEquals("35-44", AgeBand.of(35));
        assertEquals("45-54", AgeBand.of(54));
        assertEquals("55+", AgeBand.of(55));
    }
}
