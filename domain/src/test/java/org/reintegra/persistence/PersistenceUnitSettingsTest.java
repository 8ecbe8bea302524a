package org.reintegra.persistence;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Settings of the persistence unit that a measurement found and nothing else would notice losing. */
class PersistenceUnitSettingsTest {

    /**
     * With EclipseLink's default wait time, 0, a thread waiting for one of its locks (a sequence's
     * next block of ids) spins on the processor until the holder lets go (docs/benchmarks.md,
     * "Intake, stop 23").
     */
    @Test
    void threadsWaitingForAnEclipseLinkLockSleepInsteadOfSpinning() throws IOException {
        Matcher wait = Pattern.compile("name=\"eclipselink.concurrency.manager.waittime\"\\s+value=\"(\\d+)\"")
                .matcher(persistenceXml());
        assertTrue(wait.find(), "persistence.xml must set eclipselink.concurrency.manager.waittime");
        assertTrue(Long.parseLong(wait.group(1)) > 0, "a wait time of 0 spins");
    }

    private static String persistenceXml() throws IOException {
        try (InputStream unit = PersistenceUnitSettingsTest.class.getResourceAsStream("/META-INF/persistence.xml")) {
            return new String(unit.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
