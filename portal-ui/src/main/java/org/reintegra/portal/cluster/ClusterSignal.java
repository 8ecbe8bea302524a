package org.reintegra.portal.cluster;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A message between the portal's instances: what happened, and to whom. Sent as plain text (kind
 * and values separated by tabs), so no class of the application has to be known to the data grid.
 * It names organisations and accounts, never a client.
 */
record ClusterSignal(Kind kind, List<String> values) {

    enum Kind {
        /** An account was deactivated: its portal sessions end (values: organisation, user name). */
        SESSIONS_ENDED,
        /** Referrals of these organisations changed: their tab counts are out of date (values: organisations). */
        REFERRAL_COUNTS_CHANGED
    }

    private static final String SEPARATOR = "\t";

    ClusterSignal {
        values = List.copyOf(values);
        if (values.stream().anyMatch(v -> v.isEmpty() || v.contains(SEPARATOR) || v.contains("\n"))) {
            throw new IllegalArgumentException("A signal's values are non-empty single words or names: " + values);
        }
    }

    String encode() {
        return kind.name() + (values.isEmpty() ? "" : SEPARATOR + String.join(SEPARATOR, values));
    }

    /** The signal a text encodes; empty for a text this version does not know (a newer instance's). */
    static Optional<ClusterSignal> decode(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = text.split(SEPARATOR, -1);
        try {
            Kind kind = Kind.valueOf(parts[0]);
            return Optional.of(new ClusterSignal(kind, Arrays.asList(parts).subList(1, parts.length)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
