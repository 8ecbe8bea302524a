package org.reintegra.portal.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The text the instances send each other reads back as the signal it was. */
class ClusterSignalTest {

    @Test
    void aSignalReadsBackAsItWasSent() {
        ClusterSignal ended = new ClusterSignal(ClusterSignal.Kind.SESSIONS_ENDED, List.of("justice-art-ngo", "it.colleague-x"));
        assertEquals(Optional.of(ended), ClusterSignal.decode(ended.encode()));
        ClusterSignal counts = new ClusterSignal(ClusterSignal.Kind.REFERRAL_COUNTS_CHANGED,
                List.of("justice-art-ngo", "national-probation-agency"));
        assertEquals("REFERRAL_COUNTS_CHANGED\tjustice-art-ngo\tnational-probation-agency", counts.encode());
        assertEquals(Optional.of(counts), ClusterSignal.decode(counts.encode()));
    }

    @Test
    void anUnknownOrEmptyTextIsIgnored() {
        assertTrue(ClusterSignal.decode("SOMETHING_NEWER\tx").isEmpty(), "a newer instance's signal");
        assertTrue(ClusterSignal.decode("").isEmpty());
        assertTrue(ClusterSignal.decode(null).isEmpty());
        assertTrue(ClusterSignal.decode("SESSIONS_ENDED\t\tx").isEmpty(), "an empty value");
    }

    @Test
    void aValueCannotSplitTheMessage() {
        assertThrows(IllegalArgumentException.class,
                () -> new ClusterSignal(ClusterSignal.Kind.SESSIONS_ENDED, List.of("tenant", "user\tname")));
    }
}
