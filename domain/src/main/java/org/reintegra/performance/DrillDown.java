package org.reintegra.performance;

import java.io.Serializable;

/**
 * The referrals behind one figure: those the measure counts, optionally only in one group of a
 * breakdown (dimension and key).
 */
public record DrillDown(Measure measure, Dimension dimension, String key) implements Serializable {

    public DrillDown {
        if (measure == null || !measure.drillable()) {
            throw new IllegalArgumentException("only counts of referrals can be listed");
        }
        if ((dimension == null) != (key == null)) {
            throw new IllegalArgumentException("a group needs a dimension and a key");
        }
    }

    public static DrillDown of(Measure measure) {
        return new DrillDown(measure, null, null);
    }
}
