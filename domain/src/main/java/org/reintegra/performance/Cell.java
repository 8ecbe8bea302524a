package org.reintegra.performance;

/**
 * One figure as it may be shown: a value (a count, a rate between 0 and 1, or days), or nothing
 * when there is nothing to compute (a rate of no referrals), or hidden because it is a small count
 * or derived from one.
 */
public record Cell(Double value, boolean suppressed) {

    public static final Cell NONE = new Cell(null, false);
    public static final Cell SUPPRESSED = new Cell(null, true);

    public static Cell of(double value) {
        return new Cell(value, false);
    }

    public boolean shown() {
        return !suppressed && value != null;
    }
}
