package org.reintegra.portal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpSession;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.reintegra.organisation.OrganisationKind;
import org.reintegra.organisation.OrganisationSummary;
import org.reintegra.tenancy.TenantId;

/** The signed-in user's organisation is looked up once per session and tenant. */
class SignedInUserTest {

    private static final TenantId NGO = TenantId.of("new-path-ngo");
    private static final TenantId AGENCY = TenantId.of("national-probation-agency");

    private final SessionAttributes kept = new SessionAttributes();
    private final Map<String, Object> attributes = kept.attributes;
    private final HttpSession session = kept.session;
    private final AtomicInteger lookedUp = new AtomicInteger();
    private final Function<TenantId, Optional<OrganisationSummary>> directory = tenant -> {
        lookedUp.incrementAndGet();
        return tenant.equals(NGO) ? Optional.of(new OrganisationSummary(NGO, OrganisationKind.PARTNER, "New Path"))
                : tenant.equals(AGENCY) ? Optional.of(new OrganisationSummary(AGENCY, OrganisationKind.AGENCY, "NPA"))
                : Optional.empty();
    };

    @Test
    void theOrganisationIsLookedUpOncePerSession() {
        assertEquals("New Path", SignedInUser.organisationOf(Optional.of(NGO), session, directory).orElseThrow().name());
        assertEquals("New Path", SignedInUser.organisationOf(Optional.of(NGO), session, directory).orElseThrow().name());
        assertEquals(1, lookedUp.get());
    }

    @Test
    void anotherTenantInTheSessionIsLookedUpAgainAndNeverGivenTheKeptOrganisation() {
        SignedInUser.organisationOf(Optional.of(NGO), session, directory);
        assertEquals(AGENCY, SignedInUser.organisationOf(Optional.of(AGENCY), session, directory).orElseThrow().id());
        assertEquals(2, lookedUp.get());
        assertTrue(SignedInUser.organisationOf(Optional.of(TenantId.of("unknown-org")), session, directory).isEmpty(),
                "an unknown organisation, never the session's earlier one");
    }

    @Test
    void anUnknownOrganisationIsNotKeptAndNoTenantHasNone() {
        TenantId unknown = TenantId.of("unknown-org");
        assertTrue(SignedInUser.organisationOf(Optional.of(unknown), session, directory).isEmpty());
        assertTrue(SignedInUser.organisationOf(Optional.of(unknown), session, directory).isEmpty());
        assertEquals(2, lookedUp.get(), "looked up again: it may be onboarded meanwhile");
        assertTrue(SignedInUser.organisationOf(Optional.empty(), session, directory).isEmpty());
        assertTrue(attributes.isEmpty());
    }

    @Test
    void withoutASessionNothingIsKept() {
        SignedInUser.organisationOf(Optional.of(NGO), null, directory);
        SignedInUser.organisationOf(Optional.of(NGO), null, directory);
        assertEquals(2, lookedUp.get());
    }
}
