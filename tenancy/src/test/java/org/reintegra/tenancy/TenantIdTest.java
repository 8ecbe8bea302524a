package org.reintegra.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class TenantIdTest {

    @TestFactory
    Stream<DynamicTest> aTenantIdIsAnOrganisationAlias() {
        return Stream.of("npa", "a", "7", "ngo-tbilisi", "clinic-batumi-2", "a-b", "x".repeat(63))
                .map(alias -> dynamicTest("'" + abbreviated(alias) + "' is accepted",
                        () -> assertEquals(alias, TenantId.of(alias).value())));
    }

    @TestFactory
    Stream<DynamicTest> anythingElseIsNotATenantId() {
        return Stream.of("", " ", "NPA", "Npa", "-npa", "npa-", "ngo_tbilisi", "ngo tbilisi", "ngo.tbilisi",
                        "npa\n", "x".repeat(64), "ngo/../npa", "npa' OR '1'='1", "თბილისი")
                .map(value -> dynamicTest("'" + abbreviated(value) + "' is refused",
                        () -> assertThrows(IllegalArgumentException.class, () -> TenantId.of(value))));
    }

    @Test
    void aMissingTenantIdIsRefused() {
        assertThrows(NullPointerException.class, () -> TenantId.of(null));
    }

    @Test
    void twoTenantIdsAreEqualWhenTheirAliasesAre() {
        assertEquals(TenantId.of("npa"), new TenantId("npa"));
        assertEquals(TenantId.of("npa").hashCode(), new TenantId("npa").hashCode());
        assertNotEquals(TenantId.of("npa"), TenantId.of("ngo-tbilisi"));
    }

    @Test
    void aTenantIdPrintsAsItsAlias() {
        assertEquals("ngo-tbilisi", TenantId.of("ngo-tbilisi").toString());
    }

    private static String abbreviated(String value) {
        return value.length() > 20 ? value.substring(0, 5) + "…(" + value.length() + " chars)" : value.replace("\n", "\\n");
    }
}
