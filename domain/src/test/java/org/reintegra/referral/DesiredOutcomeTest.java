package org.reintegra.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DesiredOutcomeTest {

    @ParameterizedTest
    @EnumSource(ServiceType.class)
    void everyServiceOffersEngagementAndAtLeastOneOutcomeOfItsOwn(ServiceType service) {
        List<DesiredOutcome> offered = DesiredOutcome.forService(service);

        assertEquals(DesiredOutcome.ENGAGES_WITH_SERVICE, offered.get(0));
        assertTrue(offered.size() >= 2 || service == ServiceType.SPORTS_CULTURAL_EVENTS
                || service == ServiceType.INFORMAL_EDUCATION, service + " offers " + offered);
    }

    @Test
    void anOutcomeOfAnotherServiceDoesNotFit() {
        assertFalse(DesiredOutcome.HOUSING_SECURED.fits(ServiceType.LEGAL_ASSISTANCE));
        assertTrue(DesiredOutcome.EMPLOYMENT_SECURED.fits(ServiceType.PROFESSIONAL_RETRAINING));
    }

    @Test
    void theColumnKeepsCatalogueOrderAndReadsBack() {
        DesiredOutcomesConverter converter = new DesiredOutcomesConverter();
        Set<DesiredOutcome> outcomes = Set.of(DesiredOutcome.HOUSING_SECURED, DesiredOutcome.ENGAGES_WITH_SERVICE);

        String column = converter.convertToDatabaseColumn(outcomes);

        assertEquals("ENGAGES_WITH_SERVICE,HOUSING_SECURED", column);
        assertEquals(EnumSet.copyOf(outcomes), converter.convertToEntityAttribute(column));
        assertEquals("", converter.convertToDatabaseColumn(Set.of()));
        assertEquals(Set.of(), converter.convertToEntityAttribute(""));
    }
}
