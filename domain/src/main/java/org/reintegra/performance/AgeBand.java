package org.reintegra.performance;

import java.util.List;

/** The age bands (age when the referral was sent) figures are broken down by; codes as stored. */
public final class AgeBand {

    public static final List<String> CODES = List.of("U18", "18-24", "25-34", "35-44", "45-54", "55+");

    private AgeBand() {
    }

    /** The band of an age, as the database's {@code age_band} function computes it. */
    public static String of(int age) {
        if (age < 18) {
            return "U18";
        }
        if (age < 25) {
            return "18-24";
        }
        if (age < 35) {
            return "25-34";
        }
        if (age < 45) {
            return "35-44";
        }
        return age < 55 ? "45-54" : "55+";
    }
}
