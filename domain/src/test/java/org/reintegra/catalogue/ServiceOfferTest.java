package org.reintegra.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.reintegra.client.Sex;
import org.reintegra.referral.CustodyStatus;
import org.reintegra.referral.ServiceType;

class ServiceOfferTest {

    private static ServiceOfferTerms terms(Integer min, Integer max, Set<Sex> sexes, Set<String> languages) {
        return new ServiceOfferTerms(ServiceType.ART_THERAPY, " Small groups ", " Tbilisi studio ", null, min, max, sexes,
                ServedCustody.IN_COMMUNITY, languages, 12);
    }

    @Test
    void anEntryKeepsWhatThePartnerPublished() {
        ServiceOfferEntry entry = stored(new ServiceOffer(terms(14, 25, Set.of(Sex.FEMALE), Set.of("ka", "ru")))).entry();
        assertEquals("Tbilisi studio", entry.locations());
        assertEquals("Small groups", entry.description());
        assertEquals(Set.of(Sex.FEMALE), entry.sexes());
        assertEquals(Set.of("ka", "ru"), entry.languages());
        assertTrue(entry.active());
    }

    @Test
    void incompleteOrImpossibleEntriesAreRefusedNamingTheField() {
        assertEquals("maxAge", refused(terms(30, 20, Set.of(Sex.MALE), Set.of("ka"))).field());
        assertEquals("maxAge", refused(terms(5, null, Set.of(Sex.MALE), Set.of("ka"))).field());
        assertEquals("sexes", refused(terms(null, null, Set.of(), Set.of("ka"))).field());
        assertEquals("languages", refused(terms(null, null, Set.of(Sex.MALE), Set.of())).field());
        assertEquals("languages", refused(terms(null, null, Set.of(Sex.MALE), Set.of("xx"))).field());
        assertEquals("locations", refused(new ServiceOfferTerms(ServiceType.ART_THERAPY, null, " ", null, null, null,
                Set.of(Sex.MALE), ServedCustody.BOTH, Set.of("ka"), null)).field());
    }

    @Test
    void custodyServedMatchesTheClientsSituation() {
        assertTrue(ServedCustody.BOTH.serves(CustodyStatus.IN_CUSTODY));
        assertTrue(ServedCustody.IN_COMMUNITY.serves(CustodyStatus.IN_COMMUNITY));
        assertFalse(ServedCustody.IN_COMMUNITY.serves(CustodyStatus.IN_CUSTODY));
    }

    private static CatalogueInputRejected refused(ServiceOfferTerms terms) {
        return assertThrows(CatalogueInputRejected.class, () -> new ServiceOffer(terms));
    }

    private static ServiceOffer stored(ServiceOffer offer) {
        try {
            java.lang.reflect.Field id = ServiceOffer.class.getDeclaredField("id");
            id.setAccessible(true);
            id.set(offer, 9L);
            return offer;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
