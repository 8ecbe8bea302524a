package org.reintegra.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The embedded server's settings for parallel plans and its page cache (the server itself is exercised by the integration tests). */
class EmbeddedDatabaseTest {

    private static final String SETTING = "reintegra.postgres.parallel-workers-per-gather";
    private static final String CACHE = "reintegra.postgres.shared-buffers";

    @AfterEach
    void clear() {
        System.clearProperty(SETTING);
        System.clearProperty(CACHE);
    }

    @Test
    void keepsPostgresDefaultCacheUnlessSetOtherwise() {
        assertEquals("128MB", EmbeddedDatabase.sharedBuffers());
        System.setProperty(CACHE, "512MB");
        assertEquals("512MB", EmbeddedDatabase.sharedBuffers());
        System.setProperty(CACHE, "128kB");
        assertEquals("128kB", EmbeddedDatabase.sharedBuffers());
    }

    @Test
    void refusesWhatIsNotASizeInPostgresUnits() {
        for (String wrong : new String[] {"1G", "lots", "0MB", "-1GB", "1.5GB", "127kB"}) {
            System.setProperty(CACHE, wrong);
            IllegalStateException refused = assertThrows(IllegalStateException.class, EmbeddedDatabase::sharedBuffers);
            assertEquals("reintegra.postgres.shared-buffers: a size of at least 128kB such as 512MB or 1GB (kB, MB or GB), not "
                    + wrong,
                    refused.getMessage());
        }
    }

    @Test
    void statementsRunOnOneProcessUnlessSetOtherwise() {
        assertEquals("0", EmbeddedDatabase.parallelWorkersPerGather());
        System.setProperty(SETTING, "2");
        assertEquals("2", EmbeddedDatabase.parallelWorkersPerGather());
    }

    @Test
    void refusesWhatIsNotACountOfWorkers() {
        for (String wrong : new String[] {"-1", "two", "1.5"}) {
            System.setProperty(SETTING, wrong);
            IllegalStateException refused = assertThrows(IllegalStateException.class, EmbeddedDatabase::parallelWorkersPerGather);
            assertEquals("reintegra.postgres.parallel-workers-per-gather: a whole number of 0 or more, not " + wrong,
                    refused.getMessage());
        }
    }
}
