package org.reintegra.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The statement that writes many audit rows at once gets its ids as a PostgreSQL array. */
class AuditTrailTest {

    @Test
    void idsBecomeAnArrayLiteralWithNullsKept() {
        assertEquals("{1,22,333}", AuditTrail.array(List.of(1L, 22L, 333L)));
        assertEquals("{7,NULL}", AuditTrail.array(Arrays.asList(7L, null)));
    }

    @Test
    void theStatementTakesIdsInBlocksAsTheEntityDoes() throws NoSuchFieldException {
        jakarta.persistence.SequenceGenerator generator = AuditEvent.class.getDeclaredField("id")
                .getAnnotation(jakarta.persistence.SequenceGenerator.class);
        assertEquals("audit_event_id_seq", generator.sequenceName());
        assertEquals(generator.allocationSize(), AuditTrail.ID_BLOCK,
                "one nextval hands out a block of ids to EclipseLink and to the statement alike (V1: INCREMENT BY 50)");
    }

    /**
     * EclipseLink takes the block V..V+49 for a nextval of V only with this setting (else V-49..V,
     * the block {@code recordAll} took before): the two would hand out the same ids.
     */
    @Test
    void eclipseLinkTakesItsBlocksFromNextvalOnwardsAsTheStatementDoes() throws java.io.IOException {
        try (java.io.InputStream unit = AuditTrailTest.class.getResourceAsStream("/META-INF/persistence.xml")) {
            String xml = new String(unit.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            org.junit.jupiter.api.Assertions.assertTrue(java.util.regex.Pattern.compile(
                    "name=\"eclipselink.sequencing.start-sequence-at-nextval\"\\s+value=\"true\"").matcher(xml).find(),
                    "persistence.xml must keep eclipselink.sequencing.start-sequence-at-nextval=true");
        }
    }
}
