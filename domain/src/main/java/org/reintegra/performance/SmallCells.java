package org.reintegra.performance;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Statistical disclosure control for breakdowns: no count below {@value #THRESHOLD} is shown, nor
 * anything it could be worked out from.
 * <ol>
 *   <li>Primary: a count from 1 to 4 is hidden; a group of fewer than 5 referrals is hidden whole.</li>
 *   <li>Secondary: the report's totals are shown, so a column with exactly one hidden count would
 *       give it away by subtraction; the smallest other non-zero count of that column is hidden too.</li>
 *   <li>Derived: a rate is hidden when either count it is made of (what it counts, the rest of its
 *       denominator) is small; a median when it rests on fewer than 5 observations.</li>
 * </ol>
 * Zero is shown: it reveals nobody.
 */
public final class SmallCells {

    public static final int THRESHOLD = 5;

    private SmallCells() {
    }

    static boolean small(long count) {
        return count > 0 && count < THRESHOLD;
    }

    /** The shown figures of each group, in the order given. */
    public static List<Map<Measure, Cell>> protect(List<Totals> groups) {
        int n = groups.size();
        List<Map<Measure, Boolean>> hidden = new ArrayList<>();
        for (Totals group : groups) {
            Map<Measure, Boolean> hide = new EnumMap<>(Measure.class);
            boolean wholeGroup = small(group.received());
            for (Measure measure : Measure.values()) {
                if (measure.kind() == Measure.Kind.COUNT) {
                    hide.put(measure, wholeGroup || small(group.count(measure)));
                }
            }
            hidden.add(hide);
        }
        for (Measure measure : Measure.values()) {
            if (measure.kind() != Measure.Kind.COUNT) {
                continue;
            }
            List<Integer> hiddenRows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (hidden.get(i).get(measure) && groups.get(i).count(measure) > 0) {
                    hiddenRows.add(i);
                }
            }
            if (hiddenRows.size() == 1) {
                int smallest = -1;
                for (int i = 0; i < n; i++) {
                    long value = groups.get(i).count(measure);
                    if (!hidden.get(i).get(measure) && value > 0
                            && (smallest < 0 || value < groups.get(smallest).count(measure))) {
                        smallest = i;
                    }
                }
                if (smallest >= 0) {
                    hidden.get(smallest).put(measure, true);
                }
            }
        }
        List<Map<Measure, Cell>> shown = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Totals group = groups.get(i);
            Map<Measure, Boolean> hide = hidden.get(i);
            boolean wholeGroup = small(group.received());
            Map<Measure, Cell> cells = new EnumMap<>(Measure.class);
            for (Measure measure : Measure.values()) {
                cells.put(measure, switch (measure.kind()) {
                    case COUNT -> hide.get(measure) ? Cell.SUPPRESSED : Cell.of(group.count(measure));
                    case MEDIAN -> wholeGroup || group.observations(measure) < THRESHOLD ? Cell.SUPPRESSED
                            : group.median(measure) == null ? Cell.NONE : Cell.of(group.median(measure));
                    case RATE -> rateCell(group, measure, wholeGroup, hide);
                });
            }
            shown.add(cells);
        }
        return shown;
    }

    private static Cell rateCell(Totals group, Measure measure, boolean wholeGroup, Map<Measure, Boolean> hide) {
        long[] parts = group.rateParts(measure);
        if (wholeGroup || small(parts[0]) || small(parts[1]) || componentHidden(measure, hide)) {
            return Cell.SUPPRESSED;
        }
        return group.rate(measure);
    }

    /** A rate whose counts are columns of the breakdown is hidden with them. */
    private static boolean componentHidden(Measure rate, Map<Measure, Boolean> hide) {
        return switch (rate) {
            case ACCEPTANCE_RATE -> hide.get(Measure.ACCEPTED) || hide.get(Measure.DECLINED);
            case COMPLETION_RATE -> hide.get(Measure.COMPLETED) || hide.get(Measure.ENDED_EARLY);
            default -> false;
        };
    }

    /** A one-column breakdown (reasons): counts from 1 to 4 hidden, and one more if only one was. */
    public static List<Cell> protectCounts(List<Long> counts) {
        List<Boolean> hide = new ArrayList<>();
        int hiddenCount = 0;
        for (long count : counts) {
            hide.add(small(count));
            hiddenCount += small(count) ? 1 : 0;
        }
        if (hiddenCount == 1) {
            int smallest = -1;
            for (int i = 0; i < counts.size(); i++) {
                if (!hide.get(i) && counts.get(i) > 0 && (smallest < 0 || counts.get(i) < counts.get(smallest))) {
                    smallest = i;
                }
            }
            if (smallest >= 0) {
                hide.set(smallest, true);
            }
        }
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            cells.add(hide.get(i) ? Cell.SUPPRESSED : Cell.of(counts.get(i)));
        }
        return cells;
    }
}
