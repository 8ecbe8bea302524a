package org.reintegra.portal.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The request id: the caller's when it is acceptable, else a new random one. */
class RequestContextFilterTest {

    @Test
    void aNewIdIsARandomVersionFourUuid() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = RequestContextFilter.requestIdOf(null);
            UUID uuid = UUID.fromString(id);
            assertEquals(4, uuid.version(), id);
            assertEquals(2, uuid.variant(), id);
            assertEquals(uuid.toString(), id);
            ids.add(id);
        }
        assertEquals(1000, ids.size(), "no id repeats");
    }

    @Test
    void anOfferedIdIsKeptOnlyWhenItIsPlain() {
        String offered = "0f8e2c1a-77aa-4b7e-9d5e-3c2b1a0f9e8d";
        assertEquals(offered, RequestContextFilter.requestIdOf(offered));
        String forged = "x\r\nSet-Cookie: a=b";
        assertNotEquals(forged, RequestContextFilter.requestIdOf(forged));
    }
}
