package org.reintegra.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The embedded server's setting for parallel plans (the server itself is exercised by the integration tests). */
class EmbeddedDatabaseTest {

    private static final String SETTING = "reintegra.postgres.parallel-workers-per-gather";

    @AfterEach
    void clear() {
        System.clearProperty(SETTING);
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
